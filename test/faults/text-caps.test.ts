import { describe, expect, it } from "vitest";
import { readTemplate } from "../../loaders/template/read-template.ts";
import { TEXT_LIMITS } from "../../loaders/template/cap-text.ts";
import { writeTemplate } from "../../src/generate/template/write-template.ts";
import { cleanCmrt } from "../template/sample-input.ts";

describe("text lengths are capped with a finding", () => {
  it("a 100 KB smelter name and URL, and a pasted-blob company name, are cut to their limits and reported once per field", async () => {
    const base = cleanCmrt();
    const blob = `https://evil.example/${"a".repeat(100_000)}`;
    const bytes = await writeTemplate(
      {
        ...base,
        company: { ...base.company, name: `Kestrel ${"x".repeat(5_000)}` },
        companyAnswers: (base.companyAnswers ?? []).map((a) => (a.question === "B" ? { ...a, comment: blob } : a)),
        smelters: [
          ...(base.smelters ?? []),
          { metal: "Tantalum", lookupName: "Smelter not listed", name: blob, country: "CHINA" },
          { metal: "Tungsten", lookupName: "Smelter not listed", name: `W ${"y".repeat(400)}`, country: "CHINA" },
        ],
      },
      { template: "CMRT", version: "6.5" },
    );
    const d = readTemplate(bytes, { file: "long.xlsx", asOf: "2025-06-01" });
    expect(d.company.name!.length).toBe(TEXT_LIMITS.name);
    expect(d.company.name!.startsWith("Kestrel xxx")).toBe(true);
    const typed = d.smelters.map((s) => s.name).filter((n): n is string => n !== null);
    expect(typed.slice(-2).map((n) => n.length)).toEqual([TEXT_LIMITS.name, TEXT_LIMITS.name]);
    expect(d.companyAnswers.find((a) => a.question === "B")!.comment!.length).toBe(TEXT_LIMITS.text);
    const cuts = d.findings.filter((f) => f.code === "text-truncated");
    expect(cuts.map((f) => [f.sheet, f.message])).toEqual([
      [
        "Declaration",
        `1 name value(s) longer than ${TEXT_LIMITS.name} characters, the longest 5008; kept the first ${TEXT_LIMITS.name}`,
      ],
      [
        "Declaration",
        `1 comment value(s) longer than ${TEXT_LIMITS.text} characters, the longest ${blob.length}; kept the first ${TEXT_LIMITS.text}`,
      ],
      [
        "Smelter List",
        expect.stringMatching(
          new RegExp(
            `^2 name value\\(s\\) longer than ${TEXT_LIMITS.name} characters \\(first in row \\d+\\), the longest ${blob.length}; kept the first ${TEXT_LIMITS.name}$`,
          ),
        ),
      ],
    ]);
    for (const f of d.findings) expect(f.message.length, f.code).toBeLessThanOrEqual(TEXT_LIMITS.text);
  });

  it("real-length values are kept whole and raise nothing", async () => {
    const d = readTemplate(await writeTemplate(cleanCmrt(), { template: "CMRT", version: "6.5" }), {
      file: "ok.xlsx",
      asOf: "2025-06-01",
    });
    expect(d.findings.filter((f) => f.code === "text-truncated")).toEqual([]);
    expect(d.company.name).toBe("Kestrel Components Ltd.");
  });
});
