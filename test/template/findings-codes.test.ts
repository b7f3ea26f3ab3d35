import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Declaration } from "../../src/rmi/declaration.ts";
import { readTemplate } from "../../loaders/template/read-template.ts";
import { writeTemplate, type TemplateInput } from "../../src/generate/template/write-template.ts";
import { cleanCmrt } from "./sample-input.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const legacyDir = path.join(process.env.ASSAY_SHARED ?? path.resolve(repoRoot, "../shared"), "templates", "legacy");
const AS_OF = "2025-06-01";

async function read(input: TemplateInput, limits = {}): Promise<Declaration> {
  const bytes = await writeTemplate(input, { template: "CMRT", version: "6.5" });
  return readTemplate(bytes, { file: "supplier.xlsx", asOf: AS_OF, limits });
}
const codes = (d: Declaration) => d.findings.map((f) => `${f.severity}:${f.code}@${f.sheet ?? ""}!${f.cell ?? ""}`);

describe("findings: every code is emitted by a rule and documented", () => {
  it("docs/findings.md lists exactly the codes the reader can emit", () => {
    const dir = path.join(repoRoot, "loaders/template");
    const source = readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => readFileSync(path.join(dir, f), "utf8"))
      .join("\n");
    const emitted = new Set(
      [...source.matchAll(/code: "([a-z0-9-]+)"|\(\s*"(?:error|warning|info)",\s*"([a-z0-9-]+)"/g)].map(
        (m) => m[1] ?? m[2]!,
      ),
    );
    const documented = new Set(
      [...readFileSync(path.join(repoRoot, "docs/findings.md"), "utf8").matchAll(/^\|\s*`([a-z0-9-]+)`\s*\|/gm)].map(
        (m) => m[1]!,
      ),
    );
    expect(emitted.size).toBeGreaterThan(20);
    expect(
      [...emitted].filter((c) => !documented.has(c)),
      "emitted but undocumented",
    ).toEqual([]);
    expect(
      [...documented].filter((c) => !emitted.has(c)),
      "documented but never emitted",
    ).toEqual([]);
  });

  it("flags answers and scopes that are not template options, text that is no date and placeholder authorizers", async () => {
    const base = cleanCmrt();
    const d = await read({
      ...base,
      company: { ...base.company, effectiveDate: "Q2 2024", authorizer: "same" },
      answers: base.answers!.map((a) =>
        a.question === "3" && a.mineral === "Tantalum" ? { ...a, answer: "Maybe" } : a,
      ),
    });
    const c = codes(d);
    expect(c).toContain("error:effective-date-invalid@Declaration!D22");
    expect(c).toContain("warning:authorizer-placeholder@Declaration!D18");
    expect(c.filter((x) => x.startsWith("error:invalid-answer@Declaration!D"))).toHaveLength(1);
    expect(d.findings.find((f) => f.code === "invalid-answer")?.message).toBe(
      "question 3 (Tantalum) answer is not a template option: Maybe (expected Yes, No, Unknown)",
    );
  });

  it("notes smelter rows without a metal and smelters not yet identified", async () => {
    const base = cleanCmrt();
    const d = await read({
      ...base,
      smelters: [
        ...base.smelters!,
        { lookupName: "Smelter not listed", name: "Hunan Mill", country: "CHINA" },
        { metal: "Tantalum", lookupName: "Smelter not yet identified" },
      ],
    });
    const c = codes(d);
    expect(c).toContain("warning:smelter-metal-missing@Smelter List!B7");
    expect(c).toContain("info:smelter-not-identified@Smelter List!C8");
  });

  it("caps a huge Smelter List at the row limit and names the sheet", async () => {
    const base = cleanCmrt();
    const many = Array.from({ length: 30 }, (_, i) => ({
      metal: "Tungsten",
      lookupName: "Smelter not listed",
      name: `Mill ${i}`,
      country: "CHINA",
    }));
    const d = await read({ ...base, smelters: [...base.smelters!, ...many] }, { maxRow: 20 });
    expect(d.smelters.at(-1)?.row).toBe(20);
    const truncated = d.findings.filter((f) => f.code === "rows-truncated" && f.sheet === "Smelter List");
    expect(truncated).toEqual([
      {
        severity: "warning",
        code: "rows-truncated",
        sheet: "Smelter List",
        cell: null,
        message: "Smelter List has rows beyond row 20; they were not read (limit 20 rows per sheet)",
      },
    ]);
  });
});

describe.skipIf(!existsSync(legacyDir))("legacy CMRT 1.00–2.x read without noise", () => {
  const readLegacy = (name: string) =>
    readTemplate(readFileSync(path.join(legacyDir, name)), { file: name, asOf: "2025-01-01" });

  it.each(["cmrt2.00_green.xlsx", "cmrt2.02_high_risk.xlsx", "cmrt2.03a_green.xlsx"])(
    "%s: four smelters, the helper tables below the list are not smelters",
    (name) => {
      const d = readLegacy(name);
      expect(d.smelters.map((s) => [s.metal, s.name, s.country])).toEqual([
        ["Gold", "Allgemeine Gold", "GERMANY"],
        ["Tin", "Alpha Metal", "UNITED STATES"],
        ["Tantalum", "Cabot Supermetals", "UNITED STATES"],
        ["Tungsten", "Ganzhou Huaxing Tungsten", "CHINA"],
      ]);
      expect(d.company.name).toBe("Green Status Pro");
      expect(d.company.effectiveDate).toBe("2014-05-31");
      const legacy = d.findings.filter((f) => f.code === "legacy-layout");
      expect(legacy).toHaveLength(1);
      expect(legacy[0]!.message).not.toMatch(/not read/);
      expect(
        d.findings.filter((f) => f.severity === "error"),
        "no Checker errors: the 2.x cells are mapped",
      ).toEqual([]);
      // legacy-layout, the 2014 date, tin's Q5 "No" (not all smelters identified), 2.00's legacy ID.
      expect(d.findings.length).toBeLessThanOrEqual(4);
    },
  );

  it("keeps the pre-CID smelter ID of CMRT 2.00 (column A) as a legacy ID, not a malformed CID", () => {
    const d = readLegacy("cmrt2.00_green.xlsx");
    expect(d.smelters[3]?.cid).toBe("4CHN005");
    expect(codes(d)).toContain("info:legacy-smelter-id@Smelter List!A8");
    expect(codes(d).filter((c) => c.startsWith("warning:cid-malformed"))).toEqual([]);
  });

  it("reads the empty CMRT 1.00 without a footer row posing as a smelter", () => {
    const d = readLegacy("cmrt1.00_empty.xlsx");
    expect(d.smelters).toEqual([]);
    expect(d.findings.map((f) => f.code)).toEqual(["legacy-layout"]);
  });
});
