import { existsSync, readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readTemplate } from "../../loaders/template/read-template.ts";
import { Workbook } from "../../loaders/xlsx/workbook.ts";
import { writeTemplate } from "../../src/generate/template/write-template.ts";
import {
  AMRT_12,
  AMRT_13,
  CMRT_3,
  CMRT_5,
  CMRT_6,
  CRT_2,
  EMRT_1,
  EMRT_2,
  type TemplateLayout,
} from "../../src/rmi/layouts.ts";
import { companyMeaning, questionMeaning, questionTable } from "../../src/rmi/questions.ts";
import { sharedDir } from "../helpers/paths.ts";

// The expected meanings, written out from DOMAIN.md §10 and the blanks' English labels, independently of questions.ts.
const Q = {
  cmrt6: [
    "intentionally-added",
    "remains-in-product",
    "covered-countries",
    "cahra",
    "recycled-scrap",
    "response-share",
    "all-smelters-identified",
    "all-info-reported",
  ],
  cmrt5: [
    "intentionally-added",
    "remains-in-product",
    "covered-countries",
    "recycled-scrap",
    "response-share",
    "all-smelters-identified",
    "all-info-reported",
  ],
  emrt: [
    "intentionally-added",
    "remains-in-product",
    "cahra",
    "recycled-scrap",
    "response-share",
    "all-smelters-identified",
    "all-info-reported",
  ],
  crt: [
    "intentionally-added",
    "cahra",
    "recycled-scrap",
    "response-share",
    "all-smelters-identified",
    "all-info-reported",
  ],
  amrt: ["intentionally-added", "response-share"],
};
const C = {
  cmrt6: [
    "policy",
    "policy-public",
    "require-validated-smelters",
    "due-diligence-measures",
    "survey-suppliers",
    "review-suppliers",
    "corrective-action",
    "sec-eu-filer",
  ],
  cmrt5: [
    "policy",
    "policy-public",
    "require-drc-conflict-free",
    "require-validated-smelters",
    "due-diligence-measures",
    "survey-suppliers",
    "review-suppliers",
    "corrective-action",
    "sec-eu-filer",
  ],
  cmrt3: [
    "policy",
    "policy-public",
    "require-drc-conflict-free",
    "require-validated-smelters",
    "due-diligence-measures",
    "survey-suppliers",
    "request-smelter-names",
    "review-suppliers",
    "corrective-action",
    "sec-eu-filer",
  ],
  emrt: [
    "policy",
    "policy-public",
    "require-validated-smelters",
    "due-diligence-measures",
    "survey-suppliers",
    "review-suppliers",
    "corrective-action",
  ],
  crt: [
    "policy-public",
    "policy-covers-annex-ii",
    "due-diligence-measures",
    "require-supplier-due-diligence",
    "require-validated-smelters",
    "require-supplier-annex-ii",
    "survey-suppliers",
    "review-suppliers",
    "corrective-action",
  ],
  amrt: [],
};

interface Case {
  title: string;
  version: string;
  layout: TemplateLayout;
  questions: string[];
  company: string[];
  /** Extra sheets that identify the generation (structure-based detection). */
  sheets: string[];
  /** Minerals written in column B of each answer row (slot and list layouts). */
  minerals?: string[];
}

const CASES: Case[] = [
  {
    title: "Conflict Minerals Reporting Template (CMRT)",
    version: "6.4",
    layout: CMRT_6,
    questions: Q.cmrt6,
    company: C.cmrt6,
    sheets: ["Smelter Look-up"],
  },
  {
    title: "Conflict Minerals Reporting Template (CMRT)",
    version: "5.12",
    layout: CMRT_5,
    questions: Q.cmrt5,
    company: C.cmrt5,
    sheets: ["Smelter Look-up"],
  },
  {
    title: "Conflict Minerals Reporting Template (CMRT)",
    version: "3.01",
    layout: CMRT_3,
    questions: Q.cmrt5,
    company: C.cmrt3,
    sheets: [],
  },
  {
    title: "Extended Minerals Reporting Template (EMRT)",
    version: "1.3",
    layout: EMRT_1,
    questions: Q.emrt,
    company: C.emrt,
    sheets: ["Smelter Look-up"],
  },
  {
    title: "Extended Minerals Reporting Template (EMRT)",
    version: "2.1",
    layout: EMRT_2,
    questions: Q.emrt,
    company: C.emrt,
    sheets: ["Mine List", "Smelter Look-up"],
    minerals: ["Cobalt", "Nickel"],
  },
  {
    title: "Cobalt Reporting Template (CRT)",
    version: "2.2",
    layout: CRT_2,
    questions: Q.crt,
    company: C.crt,
    sheets: ["Smelter Look-up"],
  },
  {
    title: "Additional Minerals Reporting Template (AMRT)",
    version: "1.3",
    layout: AMRT_13,
    questions: Q.amrt,
    company: C.amrt,
    sheets: ["Minerals Scope", "Mine List", "Smelter Look-up"],
    minerals: ["Silver", "Zinc"],
  },
  {
    title: "Additional Minerals Reporting Template (AMRT)",
    version: "1.2",
    layout: AMRT_12,
    questions: Q.amrt,
    company: C.amrt,
    sheets: ["Minerals Scope"],
    minerals: ["Silver"],
  },
];

/** A small supplier workbook at the layout's cells: every answer is tagged in its comment with the meaning it should read back as. */
async function taggedWorkbook(c: Case): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const decl = wb.addWorksheet("Declaration");
  decl.getCell("D2").value = c.title;
  decl.getCell("J3").value = `Revision ${c.version}`;
  decl.getCell("D8").value = "Tagged Answers Ltd";
  const l = c.layout;
  if (l.minerals.kind === "slots")
    l.minerals.cells.forEach(
      (ref, i) =>
        (decl.getCell(ref).value = c.minerals!.includes(
          ["Cobalt", "Copper", "Graphite", "Lithium", "Mica", "Nickel"][i]!,
        )
          ? ["Cobalt", "Copper", "Graphite", "Lithium", "Mica", "Nickel"][i]!
          : `(Delete ${["Cobalt", "Copper", "Graphite", "Lithium", "Mica", "Nickel"][i]})`),
    );
  if (l.minerals.kind === "list")
    c.minerals!.forEach((m, i) => (decl.getCell((l.minerals as { cells: readonly string[] }).cells[i]!).value = m));
  l.questions.forEach((q, qi) => {
    q.rows.forEach((row, ri) => {
      if (l.minerals.kind !== "fixed") {
        if (ri >= c.minerals!.length) return;
        decl.getCell(row, 2).value = `${c.minerals![ri]}(*)`;
      } else if (ri >= l.minerals.minerals.length) return;
      // Distinct answers per question where the options allow it; the comment names the expected meaning.
      decl.getCell(row, 4).value = q.values[(qi + ri) % Math.max(1, q.values.length)] ?? "Yes";
      decl.getCell(row, 7).value = `expect:${c.questions[qi]}`;
    });
  });
  l.companyQuestions.forEach((q, qi) => {
    q.rows.forEach((row, ri) => {
      if (q.perMineral) {
        const minerals = l.minerals.kind === "fixed" ? l.minerals.minerals : c.minerals!;
        if (ri >= minerals.length) return;
        if (l.minerals.kind !== "fixed") decl.getCell(row, 2).value = minerals[ri]!;
      }
      decl.getCell(row, 4).value = q.values[qi % q.values.length]!;
      if (q.urlCell) decl.getCell(q.urlCell).value = `expect:${c.company[qi]}`;
      else decl.getCell(row, 7).value = `expect:${c.company[qi]}`;
    });
  });
  wb.addWorksheet("Smelter List").getCell("A4").value = "Smelter Identification Number Input Column";
  wb.addWorksheet("Product List");
  for (const s of c.sheets) wb.addWorksheet(s);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("question meaning per template family and version", () => {
  for (const c of CASES) {
    it(`${c.title.match(/\((\w+)\)/)![1]} ${c.version}: every answer and company answer reads back with its meaning`, async () => {
      const d = readTemplate(await taggedWorkbook(c), { file: "tagged.xlsx", asOf: "2026-06-30" });
      expect(`${d.template} ${d.version}`).toBe(`${c.title.match(/\((\w+)\)/)![1]} ${c.version}`);
      const perMineral = c.layout.minerals.kind === "fixed" ? c.layout.minerals.minerals.length : c.minerals!.length;
      expect(d.answers).toHaveLength(c.questions.length * perMineral);
      for (const a of d.answers)
        expect(`Q${a.question} ${a.mineral} → ${a.meaning}`).toBe(
          `Q${a.question} ${a.mineral} → ${a.comment!.replace("expect:", "")}`,
        );
      expect(new Set(d.answers.map((a) => a.meaning)).size, "each question has its own meaning").toBe(
        c.questions.length,
      );
      expect(d.companyAnswers.length).toBeGreaterThanOrEqual(c.company.length);
      for (const a of d.companyAnswers)
        expect(`${a.question} → ${a.meaning}`).toBe(`${a.question} → ${a.comment!.replace("expect:", "")}`);
    });
  }

  it("CMRT 6.x and EMRT 2.x workbooks written by the generator read back by meaning, whatever the number", async () => {
    const cmrt = await writeTemplate(
      {
        company: { name: "Meaning Check GmbH", scope: "Company", effectiveDate: "2026-01-15" },
        answers: Q.cmrt6.map((_, i) => ({
          question: String(i + 1),
          mineral: "Tin",
          answer: i === 5 ? "Greater than 75%" : i === 2 ? "Unknown" : "Yes",
          comment: null,
        })),
        companyAnswers: [
          { question: "H", mineral: null, answer: "Yes, with the EU", comment: null },
          { question: "G", mineral: null, answer: "No", comment: null },
        ],
      },
      { template: "CMRT", version: "6.22" },
    );
    const c = readTemplate(cmrt, { file: "cmrt.xlsx", asOf: "2026-06-30" });
    const tin = (m: string) => c.answers.find((a) => a.mineral === "Tin" && a.meaning === m)?.answer;
    expect([tin("response-share"), tin("covered-countries"), tin("cahra")]).toEqual([
      "Greater than 75%",
      "Unknown",
      "Yes",
    ]);
    expect(c.companyAnswers.find((a) => a.meaning === "sec-eu-filer")?.answer).toBe("Yes, with the EU");
    expect(c.companyAnswers.find((a) => a.meaning === "corrective-action")?.answer).toBe("No");

    const emrt = await writeTemplate(
      {
        company: { name: "Meaning Check GmbH", scope: "Company", effectiveDate: "2026-01-15" },
        minerals: ["Cobalt"],
        answers: [
          ["1", "Yes"],
          ["2", "Yes"],
          ["3", "Unknown"],
          ["4", "No"],
          ["5", "50% or less"],
          ["6", "No"],
          ["7", "Yes"],
        ].map(([question, answer]) => ({ question: question!, mineral: "Cobalt", answer: answer!, comment: null })),
      },
      { template: "EMRT", version: "2.1" },
    );
    const e = readTemplate(emrt, { file: "emrt.xlsx", asOf: "2026-06-30" });
    const co = (m: string) => e.answers.find((a) => a.mineral === "Cobalt" && a.meaning === m)?.answer;
    // The defect of issue #14: EMRT Q4 is "100% recycled", Q5 the response share, Q6 "all identified", Q7 "all reported".
    expect({
      recycled: co("recycled-scrap"),
      share: co("response-share"),
      identified: co("all-smelters-identified"),
      reported: co("all-info-reported"),
    }).toEqual({ recycled: "No", share: "50% or less", identified: "No", reported: "Yes" });
  });

  it("picks the generation by version: an unknown newer CMRT reads as 6.x, CMRT 2.x has no remains question", () => {
    expect(questionMeaning("CMRT", "6.6", "8")).toBe("all-info-reported");
    expect(questionMeaning("CMRT", null, "Q4")).toBe("cahra");
    expect(questionMeaning("CMRT", "5.12", "Q4")).toBe("recycled-scrap");
    expect(questionMeaning("CMRT", "2.03a", "2")).toBe("covered-countries");
    expect(questionMeaning("CRT", "2.21", "2")).toBe("cahra");
    expect(companyMeaning("CMRT", "6.5", "H")).toBe("sec-eu-filer");
    expect(companyMeaning("CMRT", "5.12", "H")).toBe("corrective-action");
    expect(companyMeaning("EMRT", "2.1", "H")).toBeNull();
    expect(questionTable("EMRT", "2.1").programme).not.toContain("sec-eu-filer");
  });
});

// English label (sheet L, column D of the official blanks) → meaning.
const LABELS: Array<[RegExp, string]> = [
  [/intentionally added or used/i, "intentionally-added"],
  [/remain in the product/i, "remains-in-product"],
  [/from the covered countries/i, "covered-countries"],
  [/conflict-affected and high-risk/i, "cahra"],
  [/100 percent .* recycled or scrap/i, "recycled-scrap"],
  [/percentage of relevant suppliers/i, "response-share"],
  [/identified all of the smelters/i, "all-smelters-identified"],
  [/all applicable smelter .*reported/i, "all-info-reported"],
];
const COMPANY_LABELS: Array<[RegExp, string]> = [
  [/established a publicly available .*policy/i, "policy-public"],
  [/established a responsible minerals sourcing policy/i, "policy"],
  [/policy publicly available on your website/i, "policy-public"],
  [/policy cover, at a minimum/i, "policy-covers-annex-ii"],
  [/suppliers' due diligence practices to cover/i, "require-supplier-annex-ii"],
  [/require suppliers to exercise due diligence/i, "require-supplier-due-diligence"],
  [/require your direct suppliers to source .* (validated|independent)/i, "require-validated-smelters"],
  [/implemented due diligence measures/i, "due-diligence-measures"],
  [/conduct .*survey/i, "survey-suppliers"],
  [/review due diligence information/i, "review-suppliers"],
  [/corrective action management/i, "corrective-action"],
  [/required to file an annual conflict minerals disclosure/i, "sec-eu-filer"],
];

const officialDir = resolve(sharedDir, "templates/official");
const blanks = existsSync(officialDir)
  ? readdirSync(officialDir)
      .filter((f) => /^RMI_\w+_[\d.]+\.xlsx$/.test(f))
      .sort()
  : [];

describe.skipIf(blanks.length === 0)("the table agrees with every official blank's English labels", () => {
  for (const file of blanks) {
    it(file, () => {
      const [, family, version] = /^RMI_(\w+)_([\d.]+)\.xlsx$/.exec(file)!;
      const wb = Workbook.open(readFileSync(resolve(officialDir, file)));
      const sheet = wb.sheet("L", { maxRow: 3000, maxColumns: 6 })!;
      const seen = { questions: 0, company: 0 };
      for (let row = 1; row <= sheet.lastRow; row++) {
        // Only labels the Declaration sheet shows (column A keys them by cell, e.g. "DeclarationB119").
        if (!/^Declaration[A-Z]+\d+$/.test(String(sheet.get(row, 0) ?? ""))) continue;
        const text = String(sheet.get(row, 3) ?? "")
          .replace(/\s+/g, " ")
          .trim();
        const q = /^(\d)\) (.*)$/.exec(text);
        if (q) {
          const expected = LABELS.find(([re]) => re.test(q[2]!))?.[1];
          expect(expected, `label ${JSON.stringify(text)} is recognised`).toBeDefined();
          expect(`${q[1]}: ${questionMeaning(family, version, q[1]!)}`, text).toBe(`${q[1]}: ${expected}`);
          seen.questions++;
        }
        const c = /^([A-I])\. ((?:Have|Is|Do|Does) .*\?)/.exec(text);
        if (c) {
          const expected = COMPANY_LABELS.find(([re]) => re.test(c[2]!))?.[1];
          expect(expected, `label ${JSON.stringify(text)} is recognised`).toBeDefined();
          expect(`${c[1]}: ${companyMeaning(family, version, c[1]!)}`, text).toBe(`${c[1]}: ${expected}`);
          seen.company++;
        }
      }
      expect(seen.questions).toBe(Object.keys(questionTable(family, version).questions).length);
      expect(seen.company).toBe(Object.keys(questionTable(family, version).company).length);
    });
  }
});
