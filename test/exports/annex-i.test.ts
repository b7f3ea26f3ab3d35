import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ANNEX_I, annexIEntryFor, assessAnnexI } from "../../src/exports/annex-i.ts";
import { EuImporter } from "../../src/exports/rollup-input.ts";
import { parseCsvTable } from "../../src/text/csv.ts";

describe("Annex I of Regulation (EU) 2017/821", () => {
  it("the shipped CSV is the same table as the code, row for row", () => {
    const csv = parseCsvTable(
      readFileSync(new URL("../../data/reference/eu/annex_i_volume_thresholds.csv", import.meta.url), "utf8"),
    );
    const records = csv.records.map((r) => Object.fromEntries(csv.header.map((h, i) => [h, r.fields[i] ?? ""])));
    const rows = records.map((r) => ({
      part: r.part,
      cnCode: r.cn_code,
      taric: r.taric || null,
      description: r.description,
      metal: r.metal,
      thresholdKg: r.threshold_kg ? Number(r.threshold_kg) : null,
    }));
    expect(rows).toEqual(ANNEX_I.map((e) => ({ ...e })));
    expect(
      records.every((r) => (r.source ?? "").length > 10),
      "every row names its source",
    ).toBe(true);
  });

  it("carries the thresholds of the Regulation's text", () => {
    const threshold = (code: string) => annexIEntryFor(code)?.thresholdKg;
    expect(threshold("2609 00 00")).toBe(5_000);
    expect(threshold("26110000")).toBe(250_000);
    expect(threshold("2825.90.40")).toBe(100_000);
    expect(threshold("7108 12 00"), "an ex entry covers the codes under it").toBe(100);
    expect(
      annexIEntryFor("2615 90 00")?.thresholdKg,
      "set by 2020/1588, not verified here: unknown, never invented",
    ).toBeNull();
    expect(annexIEntryFor("8542 31 00"), "not a 3TG code").toBeNull();
  });

  it("sums volumes per CN code and reaches a threshold at equality (Article 1(3): below the threshold is exempt)", () => {
    const a = assessAnnexI([
      { cnCode: "2609 00 00", kg: 3_000 },
      { cnCode: "26090000", kg: 2_000 },
      { cnCode: "2825 90 40", kg: 99_999 },
    ]);
    expect(a.lines.map((l) => [l.cnCode, l.kg, l.thresholdKg, l.status])).toEqual([
      ["2609 00 00", 5_000, 5_000, "above"],
      ["2825 90 40", 99_999, 100_000, "below"],
    ]);
    expect(a.outcome).toBe("applies");
  });

  it("is exempt only when every code is below a known threshold, and unknown when a threshold is missing", () => {
    expect(
      assessAnnexI([
        { cnCode: "2609 00 00", kg: 4_999 },
        { cnCode: "ex 7108", kg: 99 },
      ]).outcome,
    ).toBe("exempt");
    const unknown = assessAnnexI([
      { cnCode: "2609 00 00", kg: 10 },
      { cnCode: "ex 2615 90 00", kg: 40_000 },
    ]);
    expect(unknown.outcome).toBe("unknown");
    expect(unknown.lines[1]).toMatchObject({
      cnCode: "ex 2615 90 00",
      status: "unknown",
      thresholdKg: null,
      unlisted: false,
    });
    const unlisted = assessAnnexI([{ cnCode: "8001 10 00", kg: 240_000 }]);
    expect(unlisted.lines[0]).toMatchObject({ cnCode: "8001 10 00", status: "unknown", unlisted: true });
    const configured = assessAnnexI([{ cnCode: "8001 10 00", kg: 240_000, thresholdKg: 100_000 }]);
    expect(configured.lines[0]).toMatchObject({ status: "above", thresholdSource: "configuration" });
    expect(configured.outcome).toBe("applies");
  });

  it("the configuration accepts CN codes as customs papers write them and rejects anything else", () => {
    for (const cnCode of ["2609 00 00", "26090000", "2609.00.00", "ex 7108", "7108"])
      expect(EuImporter.safeParse({ unionImporter: true, imports: [{ cnCode, kg: 1 }] }).success, cnCode).toBe(true);
    for (const cnCode of ["tin", "26-09", "=1+2"])
      expect(EuImporter.safeParse({ unionImporter: true, imports: [{ cnCode, kg: 1 }] }).success, cnCode).toBe(false);
    expect(EuImporter.safeParse({ unionImporter: true, imports: [{ cnCode: "2609 00 00", kg: -1 }] }).success).toBe(
      false,
    );
  });
});
