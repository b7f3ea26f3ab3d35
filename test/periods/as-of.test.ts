import { describe, expect, it } from "vitest";
import { asOfFrom, periodEnd } from "../../src/periods/as-of.ts";

const TODAY = new Date("2026-12-02T18:00:00Z");

describe("as-of date", () => {
  it("is the end of a past reporting period unless given: rebuilding 2025 in 2026 measures at 2025-12-31", () => {
    expect(asOfFrom(undefined, { period: "2025" }, null, undefined, TODAY)).toBe("2025-12-31");
    expect(asOfFrom(undefined, {}, null, "2024", TODAY), "--period beats the config").toBe("2024-12-31");
    expect(asOfFrom(undefined, { period: "2025" }, null, "2024", TODAY)).toBe("2024-12-31");
  });
  it("is today while the period is still running, or when the period is not a year", () => {
    expect(asOfFrom(undefined, { period: "2026" }, null, undefined, TODAY)).toBe("2026-12-02");
    expect(asOfFrom(undefined, { period: "2025-H1" }, null, undefined, TODAY)).toBe("2026-12-02");
    expect(asOfFrom(undefined, {}, null, undefined, TODAY)).toBe("2026-12-02");
  });
  it("takes the flag, then the config's asOf, over the period end", () => {
    expect(asOfFrom("2025-06-30", { period: "2025", asOf: "2025-09-30" }, null, undefined, TODAY)).toBe("2025-06-30");
    expect(asOfFrom(undefined, { period: "2025", asOf: "2025-09-30" }, null, undefined, TODAY)).toBe("2025-09-30");
    expect(() => asOfFrom(undefined, { asOf: "2025-02-30" }, "assay.config.json", undefined, TODAY)).toThrowError(
      "invalid assay.config.json: asOf: 2025-02-30",
    );
  });
  it("names the last day of a year period only", () => {
    expect(periodEnd("2025")).toBe("2025-12-31");
    expect(periodEnd("FY25")).toBeNull();
    expect(periodEnd(undefined)).toBeNull();
  });
});
