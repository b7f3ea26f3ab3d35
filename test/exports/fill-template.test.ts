import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { fillTemplate, type FillResult } from "../../src/exports/fill-template.ts";
import { RollupInput } from "../../src/exports/rollup-input.ts";
import { rollupDeclaration, type Rollup } from "../../src/exports/rollup.ts";
import { readTemplate } from "../../loaders/template/read-template.ts";
import { cmrtConfig, cmrtInput, company, emrtConfig, lookupReference, officialDir } from "./_fixtures.ts";

const CMRT_BLANK = resolve(officialDir, "RMI_CMRT_6.5.xlsx");
const EMRT_BLANK = resolve(officialDir, "RMI_EMRT_2.1.xlsx");

const parts = (bytes: Uint8Array) => unzipSync(bytes);
const xmlOf = (p: Record<string, Uint8Array>, path: string) => strFromU8(p[path]!);
const tailOf = (xml: string) => xml.slice(xml.indexOf("</sheetData>"));
const count = (xml: string, re: RegExp) => (xml.match(re) ?? []).length;

function emrtRollup(reference = lookupReference("rmi_smelter_lookup_EMRT_2.1.csv")): Rollup {
  const cobalt = reference.filter((r) => r.metal === "Cobalt").slice(0, 3);
  const mica = reference.filter((r) => r.metal === "Mica").slice(0, 1);
  const answers = (mineral: string, a: string[]) =>
    a.map((answer, i) => ({ question: String(i + 1), mineral, answer }));
  const input = RollupInput.parse({
    suppliers: [
      {
        supplierId: "SUP-010",
        name: "Lumen Battery Materials",
        declarations: [
          {
            declarationId: "e-1",
            template: "EMRT",
            version: "2.1",
            effectiveDate: "2026-02-01",
            answers: [
              ...answers("Cobalt", ["Yes", "Yes", "No", "Yes", "100%", "Yes", "No"]),
              ...answers("Mica", ["Yes", "Yes", "Unknown", "Yes", "100%", "Yes", "Yes"]),
            ],
            smelters: [...cobalt, ...mica].map((r, i) => ({
              metal: r.metal,
              cid: r.cid,
              name: r.standardName,
              country: r.country,
              recycledScrap: i === 0 ? "Yes" : i === 1 ? "No" : null,
            })),
            mines: [
              // Named by the supplier's own spelling (upper case) → resolved to the listed smelter.
              {
                metal: "Cobalt",
                smelterName: cobalt[0]!.standardName.toUpperCase(),
                name: "Kisanfu concession",
                country: "Congo, Democratic Republic of the",
              },
              {
                metal: "cobalt",
                smelterName: cobalt[0]!.standardName,
                name: "Kisanfu Concession ",
                country: "CONGO, DEMOCRATIC REPUBLIC OF THE",
              },
              {
                metal: "Cobalt",
                smelterName: cobalt[1]!.cid,
                name: '=HYPERLINK("http://x")',
                mineId: "M-77",
                idSource: "Government cadastre",
                country: "ZAMBIA",
              },
              { metal: "Mica", smelterName: "Unlisted Mica Processor", name: "Koderma pit 4", country: "INDIA" },
              {
                metal: "Copper",
                smelterName: "Not declared",
                name: "Copper mine of a mineral not in use",
                country: "CHILE",
              },
            ],
          },
        ],
      },
    ],
    reference,
    products: [{ number: "BAT-48V", name: "48 V battery pack", supplierIds: ["SUP-010"] }],
  });
  return rollupDeclaration(input, {
    family: "EMRT",
    company,
    declaration: emrtConfig,
    asOf: "2026-03-15",
    products: ["BAT-48V"],
  });
}

describe.skipIf(!existsSync(CMRT_BLANK))("fillTemplate on the official CMRT 6.5 blank", () => {
  let blank: Uint8Array;
  let rollup: Rollup;
  let result: FillResult;
  beforeAll(() => {
    blank = readFileSync(CMRT_BLANK);
    rollup = rollupDeclaration(cmrtInput(lookupReference("rmi_smelter_lookup_CMRT_6.5.csv")), {
      family: "CMRT",
      company,
      declaration: cmrtConfig,
      asOf: "2026-04-30",
    });
    result = fillTemplate(blank, rollup, "RMI_CMRT_6.5.xlsx");
  });

  it("reads back through the template reader with the same answers and smelters and no errors", () => {
    const back = readTemplate(result.bytes, { file: "rollup.xlsx", asOf: "2026-05-01" });
    expect(back.template).toBe("CMRT");
    expect(back.version).toBe("6.5");
    expect(
      back.findings.filter((f) => f.severity === "error"),
      JSON.stringify(back.findings),
    ).toEqual([]);
    expect(back.company).toMatchObject({
      name: company.name,
      contactEmail: company.contactEmail,
      scope: "Company",
      effectiveDate: "2026-04-30",
    });
    const written = rollup.answers
      .filter((a) => a.answer !== null)
      .map((a) => [a.question.slice(1), a.mineral, a.answer]);
    const read = back.answers.filter((a) => a.answer !== null).map((a) => [a.question, a.mineral, a.answer]);
    expect(read.sort()).toEqual(written.sort());
    expect(back.companyAnswers.map((a) => a.answer)).toEqual(rollup.companyAnswers.map((a) => a.answer));
    const meanings = (list: ReadonlyArray<{ meaning: string | null; mineral: string | null; answer: string | null }>) =>
      list
        .filter((a) => a.answer !== null)
        .map((a) => `${a.meaning}|${a.mineral}|${a.answer}`)
        .sort();
    expect(meanings(back.answers), "every answer lands on the question with its meaning").toEqual(
      meanings(rollup.answers),
    );
    expect(meanings(back.companyAnswers)).toEqual(meanings(rollup.companyAnswers));
    const key = (s: { metal: string | null; cid: string | null; name: string | null }) =>
      `${s.metal}|${s.cid ?? s.name}`;
    expect(back.smelters.map(key).sort()).toEqual(rollup.smelters.map(key).sort());
    expect(rollup.smelters.length, "5 CIDs + 1 not-listed refinery, duplicates merged").toBe(7);
    const andina = back.smelters.find((s) => s.cid === null);
    expect(andina).toMatchObject({ lookupName: "Smelter not listed", name: "Refinería Andina S.A.", country: "PERU" });
  });

  it("keeps every validation, extension, defined name, protection and hidden sheet of the blank", () => {
    const before = parts(blank);
    const after = parts(result.bytes);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    const changed = Object.keys(before)
      .filter((p) => Buffer.compare(Buffer.from(before[p]!), Buffer.from(after[p]!)) !== 0)
      .sort();
    expect(changed).toEqual(["xl/workbook.xml", "xl/worksheets/sheet4.xml", "xl/worksheets/sheet5.xml"]);
    for (const p of changed.filter((x) => x.includes("worksheets"))) {
      const b = xmlOf(before, p);
      const a = xmlOf(after, p);
      expect(tailOf(a), `${p}: validations, x14 extensions, protection, conditional formats`).toBe(tailOf(b));
      expect(a.slice(0, a.indexOf("<sheetData")), `${p}: sheet properties and columns`).toBe(
        b.slice(0, b.indexOf("<sheetData")),
      );
      expect(count(a, /<dataValidation\b/g)).toBe(count(b, /<dataValidation\b/g));
      expect(count(a, /<x14:dataValidation\b/g)).toBe(count(b, /<x14:dataValidation\b/g));
    }
    const wbBefore = xmlOf(before, "xl/workbook.xml");
    const wbAfter = xmlOf(after, "xl/workbook.xml");
    expect(wbAfter.replace(/ fullCalcOnLoad="1"/, "")).toBe(wbBefore);
    expect(wbAfter).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
    expect(wbAfter.match(/state="hidden"/g)).toHaveLength(3);
    // The Declaration keeps every formula; the Smelter List loses only B, C, E of the one "Smelter not listed" row.
    const f = (p: Record<string, Uint8Array>, s: string) => count(xmlOf(p, `xl/worksheets/${s}`), /<f[ >]/g);
    expect(f(after, "sheet4.xml")).toBe(f(before, "sheet4.xml"));
    expect(f(after, "sheet5.xml")).toBe(f(before, "sheet5.xml") - 3);
  });

  it("caches the template's own look-up results for CIDs entered in column A", () => {
    const sheet = xmlOf(parts(result.bytes), "xl/worksheets/sheet5.xml");
    const a5 = /<c r="A5"[^>]*><is><t[^>]*>(CID\d{6})<\/t>/.exec(sheet)?.[1];
    expect(a5, "first smelter entered by CID").toMatch(/^CID\d{6}$/);
    expect(sheet).toMatch(
      /<c r="B5" s="\d+" t="str"><f ca="1">IF\(LEN\(A5\)=0[^<]*<\/f><v>Tantalum|Tin|Gold|Tungsten<\/v>/,
    );
  });

  it("warns, naming the cell, when a company field the template requires is not configured", () => {
    const bare = {
      ...rollup,
      company: { name: company.name, contactName: company.contactName, contactEmail: company.contactEmail },
    };
    const warnings = fillTemplate(blank, bare, "RMI_CMRT_6.5.xlsx").warnings.filter((w) => w.startsWith("company."));
    expect(warnings).toEqual([
      "company.contactPhone is not configured; Declaration!D17 is required by the template (assay check will report it)",
      "company.authorizer is not configured; Declaration!D18 is required by the template (assay check will report it)",
      "company.authorizerEmail is not configured; Declaration!D20 is required by the template (assay check will report it)",
    ]);
    expect(
      result.warnings.filter((w) => w.startsWith("company.")),
      "complete company block",
    ).toEqual([]);
  });

  it("refuses an EMRT blank for a CMRT roll-up and a non-template file", () => {
    if (!existsSync(EMRT_BLANK)) return;
    expect(() => fillTemplate(readFileSync(EMRT_BLANK), rollup, "RMI_EMRT_2.1.xlsx")).toThrow(
      /official EMRT 2\.1 template, not CMRT \(use assay export emrt\)/,
    );
    expect(() => fillTemplate(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), rollup, "photo.xlsx")).toThrow(
      /photo\.xlsx: not an \.xlsx workbook/,
    );
  });

  it("neutralises supplier text that a spreadsheet would run as a formula", () => {
    const input = cmrtInput(lookupReference("rmi_smelter_lookup_CMRT_6.5.csv"));
    const first = input.suppliers[0]!.declarations[0]!;
    first.smelters.push(
      {
        metal: "Gold",
        cid: null,
        name: `=HYPERLINK("http://evil.example","Click")`,
        country: "PERU",
        lookupName: null,
        mineCountries: null,
        recycledScrap: null,
      },
      {
        metal: "Gold",
        cid: null,
        name: "@SUM(1+1)*cmd|' /C calc'!A0",
        country: "CHILE",
        lookupName: null,
        mineCountries: null,
        recycledScrap: null,
      },
      {
        metal: "Gold",
        cid: null,
        name: "+1-2",
        country: "-Atlantis",
        lookupName: null,
        mineCountries: null,
        recycledScrap: null,
      },
    );
    const r = rollupDeclaration(input, { family: "CMRT", company, declaration: cmrtConfig, asOf: "2026-04-30" });
    const back = readTemplate(fillTemplate(blank, r, "x.xlsx").bytes, { file: "x.xlsx", asOf: "2026-05-01" });
    const names = back.smelters.filter((s) => s.lookupName === "Smelter not listed").map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([`'=HYPERLINK("http://evil.example","Click")`, "'@SUM(1+1)*cmd|' /C calc'!A0", "'+1-2"]),
    );
    expect(
      back.smelters.find((s) => s.name === "'+1-2")?.country,
      "a country missing from the template's list is typed as text",
    ).toBe("'-Atlantis");
    const sheet = xmlOf(parts(fillTemplate(blank, r, "x.xlsx").bytes), "xl/worksheets/sheet5.xml");
    expect(sheet).not.toMatch(/<f>[^<]*HYPERLINK/);
  });
});

describe.skipIf(!existsSync(EMRT_BLANK))("fillTemplate on the official EMRT 2.1 blank", () => {
  it("selects the declared minerals and reads back with the same answers, smelters and products", () => {
    const rollup = emrtRollup();
    const result = fillTemplate(readFileSync(EMRT_BLANK), rollup, "RMI_EMRT_2.1.xlsx");
    const back = readTemplate(result.bytes, { file: "rollup.xlsx", asOf: "2026-03-16" });
    expect(
      back.findings.filter((f) => f.severity === "error"),
      JSON.stringify(back.findings),
    ).toEqual([]);
    expect(back.minerals).toEqual(["Cobalt", "Mica"]);
    const declaration = xmlOf(parts(result.bytes), "xl/worksheets/sheet4.xml");
    expect(declaration, "UI language set to English (the blank was saved in Chinese)").toMatch(
      /<c r="D3"[^>]*t="inlineStr"><is><t xml:space="preserve">English<\/t><\/is><\/c>/,
    );
    const written = rollup.answers
      .filter((a) => a.answer !== null && a.answer !== "Not declaring")
      .map((a) => [a.question.slice(1), a.mineral, a.answer]);
    const read = back.answers.filter((a) => a.answer !== null).map((a) => [a.question, a.mineral, a.answer]);
    expect(read.sort()).toEqual(written.sort());
    expect(back.companyAnswers.filter((a) => a.question === "C").map((a) => [a.mineral, a.answer])).toEqual([
      ["Cobalt", "Yes"],
      ["Mica", "Yes"],
    ]);
    expect(back.smelters.map((s) => s.cid).sort()).toEqual(rollup.smelters.map((s) => s.cid).sort());
    expect(back.smelters).toHaveLength(4);
    expect(back.products.map((p) => [p.number, p.name])).toEqual([["BAT-48V", "48 V battery pack"]]);
    expect(back.company.scope).toBe("Product");
  });

  it("fills column P and the Mine List: the suppliers' mines, deduplicated, each naming a smelter on the Smelter List", () => {
    const rollup = emrtRollup();
    expect(
      rollup.mines.map((m) => m.name).sort(),
      "duplicate spelling merged; the undeclared copper mine left out",
    ).toEqual(['=HYPERLINK("http://x")', "Kisanfu concession", "Koderma pit 4"]);
    expect(rollup.mines).toHaveLength(3);
    const blank = readFileSync(EMRT_BLANK);
    const result = fillTemplate(blank, rollup, "RMI_EMRT_2.1.xlsx");
    expect(result.mines).toBe(3);
    expect(
      result.warnings.filter((w) => w.startsWith("Mine List")),
      "the mica processor is not a listed smelter",
    ).toEqual([
      expect.stringMatching(
        /Mine List row \d+: Mica mine "Koderma pit 4": its smelter "Unlisted Mica Processor" is not on the exported Smelter List/,
      ),
    ]);
    const back = readTemplate(result.bytes, { file: "rollup.xlsx", asOf: "2026-03-16" });
    expect(
      back.findings.filter((f) => f.severity === "error"),
      JSON.stringify(back.findings),
    ).toEqual([]);
    const listedNames = new Set(back.smelters.map((s) => s.lookupName ?? s.name));
    const mines = back.mines.map((m) => [m.metal, m.smelterName, m.name, m.mineId, m.country]);
    expect(mines).toEqual(
      expect.arrayContaining([
        [
          "Cobalt",
          rollup.smelters.find(
            (s) => s.cid === rollup.mines.find((m) => m.name === "Kisanfu concession")!.smelter!.cid,
          )!.name,
          "Kisanfu concession",
          null,
          "CONGO, DEMOCRATIC REPUBLIC OF THE",
        ],
        ["Cobalt", expect.any(String), `'=HYPERLINK("http://x")`, "M-77", "ZAMBIA"],
        ["Mica", "Unlisted Mica Processor", "Koderma pit 4", null, "INDIA"],
      ]),
    );
    expect(back.mines).toHaveLength(3);
    for (const m of back.mines.filter((x) => x.metal === "Cobalt"))
      expect(listedNames, `${m.smelterName} is one of the Smelter List's entries (the SSLX dropdown)`).toContain(
        m.smelterName,
      );
    const p = new Map(back.smelters.map((s) => [s.cid, s.recycledScrap]));
    const [first, second, third] = emrtRollupSmelterCids();
    expect([p.get(first!), p.get(second!), p.get(third!)]).toEqual(["Yes", "No", null]);

    const before = parts(blank);
    const after = parts(result.bytes);
    const mineSheet = "xl/worksheets/sheet7.xml";
    const b = xmlOf(before, mineSheet);
    const a = xmlOf(after, mineSheet);
    expect(tailOf(a), "Mine List validations (SmelterdropX, SSLX), protection and conditional formats").toBe(tailOf(b));
    expect(count(a, /<f[ >]/g), "no helper formula lost").toBe(count(b, /<f[ >]/g));
  });
});

function emrtRollupSmelterCids(): string[] {
  return lookupReference("rmi_smelter_lookup_EMRT_2.1.csv")
    .filter((r) => r.metal === "Cobalt")
    .slice(0, 3)
    .map((r) => r.cid);
}
