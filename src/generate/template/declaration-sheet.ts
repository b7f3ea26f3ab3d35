import type ExcelJS from "exceljs";
import { merge, put, putFormula, type Labels } from "./_cells.ts";
import { questionLetter, questionNumber, type TemplateDefects, type TemplateInput } from "./_input.ts";
import { revisionString, type TemplateVersion } from "./_versions.ts";
import { CMRT_6, EMRT_2, type TemplateLayout } from "../../rmi/layouts.ts";
import { REVISION_CELL } from "../../rmi/revision.ts";
import { writeCompanyBlock } from "./company-block.ts";

export const CMRT_METALS = ["Tantalum", "Tin", "Gold", "Tungsten"] as const;
export const EMRT_MINERALS = ["Cobalt", "Copper", "Graphite", "Lithium", "Mica", "Nickel"] as const;
// Cell positions come from the one cell map (src/rmi/layouts.ts); this module only adds labels and formulas.
const EMRT_SLOTS = EMRT_2.minerals.kind === "slots" ? EMRT_2.minerals.cells : [];
const rowOf = (cell: string) => Number(cell.replace(/^[A-Z]+/, ""));
const answerRows = (layout: TemplateLayout, question: number) => layout.questions[question]!.rows;
const companyRows = (layout: TemplateLayout, id: string) => layout.companyQuestions.find((q) => q.id === id)!.rows;

const CMRT_QUESTIONS = [
  "1) Is any 3TG intentionally added or used in the product(s) or in the production process? (*)",
  "2) Does any 3TG remain in the product(s)? (*)",
  "3) Do any of the smelters in your supply chain source the 3TG from the covered countries? (SEC term) (*)",
  "4) Do any of the smelters in your supply chain source the 3TG from conflict-affected and high-risk areas? (*)",
  "5) Does 100 percent of the 3TG (necessary to the functionality or production of your products) originate from recycled or scrap sources? (*)",
  "6) What percentage of relevant suppliers have provided a response to your supply chain survey? (*)",
  "7) Have you identified all of the smelters supplying the 3TG to your supply chain? (*)",
  "8) Has all applicable smelter information received by your company been reported in this declaration? (*)",
];
const CMRT_COMPANY = [
  "A. Have you established a responsible minerals sourcing policy? (*)",
  "B. Is your responsible minerals sourcing policy publicly available on your website? (Note – If yes, the user shall specify the URL in the comment field.) (*)",
  "C. Do you require your direct suppliers to source the 3TG from smelters whose due diligence practices have been validated by an independent third party audit program? (*)",
  "D. Have you implemented due diligence measures for responsible sourcing? (*)",
  "E. Does your company conduct Conflict Minerals survey(s) of your relevant supplier(s)? (*)",
  "F. Do you review due diligence information received from your suppliers against your company's expectations? (*)",
  "G. Does your review process include corrective action management? (*)",
  "H. Is your company required to file an annual conflict minerals disclosure? (*)",
];
const EMRT_QUESTIONS = [
  "1) Is any of the specified minerals/metals intentionally added or used in the product(s) or in the production process? (*)",
  "2) Does any of the specified minerals/metals remain in the product(s)? (*)",
  "3) Do any of the smelters or processors in your supply chain source the specified mineral/metal from conflict-affected and high-risk areas? (*)",
  "4) Have all of the smelters or processors in your supply chain been identified? (*)",
  "5) What percentage of relevant suppliers have provided a response to your supply chain survey? (*)",
  "6) Has all applicable smelter or processor information received by your company been reported in this declaration? (*)",
  "7) Have you identified all mines supplying the specified minerals/metals to your supply chain? (*)",
];
const EMRT_COMPANY = [
  "A. Have you established a responsible minerals sourcing policy? (*)",
  "B. Is your responsible minerals sourcing policy publicly available on your website? (*)",
  "C. Do you require your direct suppliers to source from smelters or processors whose due diligence practices have been validated by an independent third party audit program? (*)",
  "D. Have you implemented due diligence measures for responsible sourcing? (*)",
  "E. Does your company conduct a minerals survey of your relevant supplier(s)? (*)",
  "F. Do you review due diligence information received from your suppliers against your company's expectations? (*)",
  "G. Does your review process include corrective action management? (*)",
];

const canon = (mineral: string | null | undefined) => {
  const m = (mineral ?? "").trim().toLowerCase();
  return m ? m[0]!.toUpperCase() + m.slice(1) : "";
};

/** The minerals an EMRT declares, in the template's alphabetical row order. */
export function selectedMinerals(input: TemplateInput): string[] {
  const chosen = input.minerals?.map(canon) ?? [...EMRT_MINERALS];
  return EMRT_MINERALS.filter((m) => chosen.includes(m));
}

function header(ws: ExcelJS.Worksheet, labels: Labels, t: TemplateVersion, title: string): void {
  labels.set(ws, "D2", title);
  ws.getCell(REVISION_CELL).value = revisionString(t);
  ws.getCell(REVISION_CELL).alignment = { wrapText: true };
  put(ws, "D3", "English");
  putFormula(ws, "P3", "MATCH($D$3,LN,0)", 1);
  labels.set(ws, "B5", "Mandatory fields are marked with an asterisk (*).");
}

function answerValue(t: TemplateVersion, q: number, answer: string | null | undefined): string | number | null {
  if (!answer) return null;
  const percentQ = t.family === "CMRT" ? 6 : 5;
  return q === percentQ && answer === "100%" && t.percentAsNumber ? 1 : answer;
}

function writeAnswer(
  ws: ExcelJS.Worksheet,
  row: number,
  value: string | number | null,
  comment: string | null | undefined,
): void {
  put(ws, `D${row}`, value);
  if (typeof value === "number") ws.getCell(`D${row}`).numFmt = "0%";
  put(ws, `G${row}`, comment);
  merge(ws, `D${row}:E${row}`);
  merge(ws, `G${row}:J${row}`);
}

export function writeDeclarationCmrt(
  ws: ExcelJS.Worksheet,
  labels: Labels,
  t: TemplateVersion,
  input: TemplateInput,
  defects: TemplateDefects,
): void {
  header(ws, labels, t, "Conflict Minerals Reporting Template (CMRT)");
  writeCompanyBlock(ws, labels, input, rowOf(CMRT_6.company.uniqueId), defects);
  if (input.company?.scope === "Product")
    putFormula(
      ws,
      "D11",
      'IF($D$9="B. Product (or List of Products)","Click here to enter the products this declaration applies to","")',
      "Click here to enter the products this declaration applies to",
    );
  labels.set(ws, "B24", "Answer the following questions 1 - 8 based on the declaration scope indicated above");
  CMRT_QUESTIONS.forEach((text, qi) => {
    const headerRow = answerRows(CMRT_6, qi)[0]! - 1;
    labels.set(ws, `B${headerRow}`, text);
    labels.set(ws, `G${headerRow}`, "Comments");
    CMRT_METALS.forEach((metal, mi) => {
      const row = answerRows(CMRT_6, qi)[mi]!;
      labels.set(ws, `B${row}`, metal, "(*)");
      const a = input.answers?.find((x) => questionNumber(x.question) === qi + 1 && canon(x.mineral) === metal);
      writeAnswer(ws, row, answerValue(t, qi + 1, a?.answer), a?.comment);
    });
  });
  labels.set(ws, "B73", "Answer the Following Questions at a Company Level");
  CMRT_COMPANY.forEach((text, i) => {
    const row = companyRows(CMRT_6, "ABCDEFGH"[i]!)[0]!;
    labels.set(ws, `B${row}`, text);
    const a = input.companyAnswers?.find((x) => questionLetter(x.question) === "ABCDEFGH"[i]);
    writeAnswer(ws, row, a?.answer ?? null, a?.comment);
  });
}

export function writeDeclarationEmrt(
  ws: ExcelJS.Worksheet,
  labels: Labels,
  t: TemplateVersion,
  input: TemplateInput,
  defects: TemplateDefects,
): void {
  header(ws, labels, t, "Extended Minerals Reporting Template (EMRT)");
  writeCompanyBlock(ws, labels, input, rowOf(EMRT_2.company.uniqueId), defects);
  const minerals = selectedMinerals(input);
  labels.set(ws, "B12", "Select Minerals/Metals in Scope (*):");
  if (t.version !== "2.0")
    labels.set(ws, "B13", "Note: questions 1 to 7 and C list the selected minerals/metals in alphabetical order.");
  EMRT_MINERALS.forEach((m, i) => put(ws, EMRT_SLOTS[i]!, minerals.includes(m) ? m : `(Delete ${m})`));
  EMRT_QUESTIONS.forEach((text, qi) => {
    const headerRow = answerRows(EMRT_2, qi)[0]! - 1;
    labels.set(ws, `B${headerRow}`, text);
    labels.set(ws, `G${headerRow}`, "Comments");
    for (let i = 0; i < 10; i++) {
      const row = answerRows(EMRT_2, qi)[i]!;
      const mineral = minerals[i];
      putFormula(ws, `B${row}`, `IF(COUNTBLANK(AA${12 + i}),"",AA${12 + i}&"(*)")`, mineral ? `${mineral}(*)` : "");
      const a = mineral
        ? input.answers?.find((x) => questionNumber(x.question) === qi + 1 && canon(x.mineral) === mineral)
        : undefined;
      writeAnswer(ws, row, answerValue(t, qi + 1, a?.answer), a?.comment);
    }
  });
  labels.set(ws, "B113", "Answer the Following Questions at a Company Level");
  const letters = ["A", "B", "C", "D", "E", "F", "G"];
  letters.forEach((letter, i) => {
    const answers = companyRows(EMRT_2, letter);
    // C is a per-mineral block: its label sits on the row above the first mineral.
    const row = letter === "C" ? answers[0]! - 1 : answers[0]!;
    labels.set(ws, `B${row}`, EMRT_COMPANY[i]!);
    if (letter === "C") {
      for (let k = 0; k < 10; k++) {
        const r = answers[k]!;
        const mineral = minerals[k];
        putFormula(ws, `B${r}`, `IF(ISERROR(AA$${12 + k}),"",AA$${12 + k}&"")&P$54`, mineral ? `${mineral}(*)` : "");
        const a = mineral
          ? input.companyAnswers?.find((x) => questionLetter(x.question) === "C" && canon(x.mineral) === mineral)
          : undefined;
        writeAnswer(ws, r, a?.answer ?? null, a?.comment);
      }
      return;
    }
    const a = input.companyAnswers?.find((x) => questionLetter(x.question) === letter);
    writeAnswer(ws, row, a?.answer ?? null, a?.comment);
  });
  // Mineral list the B-column formulas read (hidden helper AA12:AA21).
  minerals.forEach((m, i) => put(ws, `AA${12 + i}`, m));
}

export function hideDeclarationHelpers(ws: ExcelJS.Worksheet): void {
  for (let c = 12; c <= 25; c++) ws.getColumn(c).hidden = true;
  ws.getColumn("AA").hidden = true;
}
