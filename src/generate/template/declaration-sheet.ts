import type ExcelJS from "exceljs";
import { merge, put, putFormula, type Labels } from "./_cells.ts";
import { questionLetter, questionNumber, type TemplateDefects, type TemplateInput } from "./_input.ts";
import { revisionString, type TemplateVersion } from "./_versions.ts";
import { CMRT_6, type DeclarationSheetCells, EMRT_2, type TemplateLayout } from "../../rmi/layouts.ts";
import { REVISION_CELL } from "../../rmi/revision.ts";
import { writeCompanyBlock } from "./company-block.ts";

export const CMRT_METALS = ["Tantalum", "Tin", "Gold", "Tungsten"] as const;
export const EMRT_MINERALS = ["Cobalt", "Copper", "Graphite", "Lithium", "Mica", "Nickel"] as const;
// Cell positions come from the one cell map (src/rmi/layouts.ts); this module only adds labels and formulas.
const EMRT_SLOTS = EMRT_2.minerals.kind === "slots" ? EMRT_2.minerals.cells : [];
const rowOf = (cell: string) => Number(cell.replace(/^[A-Z]+/, ""));
const sheetOf = (layout: TemplateLayout): DeclarationSheetCells => {
  if (!layout.declarationSheet) throw new Error(`${layout.family} layout has no Declaration sheet cells`);
  return layout.declarationSheet;
};
const CMRT_SHEET = sheetOf(CMRT_6);
const EMRT_SHEET = sheetOf(EMRT_2);
const EMRT_LIST = EMRT_SHEET.mineralListCells ?? [];
/** "D3" → "$D$3". */
const absolute = (cell: string) => cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
/** "P54" → "P$54". */
const rowAbsolute = (cell: string) => cell.replace(/^([A-Z]+)(\d+)$/, "$1$$$2");
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

function header(
  ws: ExcelJS.Worksheet,
  labels: Labels,
  t: TemplateVersion,
  cells: DeclarationSheetCells,
  title: string,
): void {
  labels.set(ws, cells.titleCell, title);
  ws.getCell(REVISION_CELL).value = revisionString(t);
  ws.getCell(REVISION_CELL).alignment = { wrapText: true };
  put(ws, cells.languageCell, "English");
  putFormula(ws, cells.languageIndexCell, `MATCH(${absolute(cells.languageCell)},LN,0)`, 1);
  labels.set(ws, cells.mandatoryNoteCell, "Mandatory fields are marked with an asterisk (*).");
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
  header(ws, labels, t, CMRT_SHEET, "Conflict Minerals Reporting Template (CMRT)");
  writeCompanyBlock(ws, labels, input, rowOf(CMRT_6.company.uniqueId), defects);
  if (input.company?.scope === "Product")
    putFormula(
      ws,
      "D11",
      'IF($D$9="B. Product (or List of Products)","Click here to enter the products this declaration applies to","")',
      "Click here to enter the products this declaration applies to",
    );
  labels.set(
    ws,
    CMRT_SHEET.questionsIntroCell!,
    "Answer the following questions 1 - 8 based on the declaration scope indicated above",
  );
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
  labels.set(ws, CMRT_SHEET.companyIntroCell, "Answer the Following Questions at a Company Level");
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
  header(ws, labels, t, EMRT_SHEET, "Extended Minerals Reporting Template (EMRT)");
  writeCompanyBlock(ws, labels, input, rowOf(EMRT_2.company.uniqueId), defects);
  const minerals = selectedMinerals(input);
  labels.set(ws, EMRT_SHEET.mineralScopeLabelCell!, "Select Minerals/Metals in Scope (*):");
  if (t.version !== "2.0")
    labels.set(
      ws,
      EMRT_SHEET.mineralScopeNoteCell!,
      "Note: questions 1 to 7 and C list the selected minerals/metals in alphabetical order.",
    );
  EMRT_MINERALS.forEach((m, i) => put(ws, EMRT_SLOTS[i]!, minerals.includes(m) ? m : `(Delete ${m})`));
  EMRT_QUESTIONS.forEach((text, qi) => {
    const headerRow = answerRows(EMRT_2, qi)[0]! - 1;
    labels.set(ws, `B${headerRow}`, text);
    labels.set(ws, `G${headerRow}`, "Comments");
    for (let i = 0; i < 10; i++) {
      const row = answerRows(EMRT_2, qi)[i]!;
      const mineral = minerals[i];
      putFormula(
        ws,
        `B${row}`,
        `IF(COUNTBLANK(${EMRT_LIST[i]}),"",${EMRT_LIST[i]}&"(*)")`,
        mineral ? `${mineral}(*)` : "",
      );
      const a = mineral
        ? input.answers?.find((x) => questionNumber(x.question) === qi + 1 && canon(x.mineral) === mineral)
        : undefined;
      writeAnswer(ws, row, answerValue(t, qi + 1, a?.answer), a?.comment);
    }
  });
  labels.set(ws, EMRT_SHEET.companyIntroCell, "Answer the Following Questions at a Company Level");
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
        const listed = rowAbsolute(EMRT_LIST[k]!);
        const formula = `IF(ISERROR(${listed}),"",${listed}&"")&${rowAbsolute(EMRT_SHEET.companyCSuffixCell!)}`;
        putFormula(ws, `B${r}`, formula, mineral ? `${mineral}(*)` : "");
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
  // Mineral list the B-column formulas read (hidden helper column, from the cell map).
  minerals.forEach((m, i) => put(ws, EMRT_LIST[i]!, m));
}

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** Hides the Declaration helper columns the cell map lists for the family. */
export function hideDeclarationHelpers(ws: ExcelJS.Worksheet, t: TemplateVersion): void {
  for (const { from, to } of (t.family === "CMRT" ? CMRT_SHEET : EMRT_SHEET).hiddenColumns)
    for (let c = columnNumber(from); c <= columnNumber(to); c++) ws.getColumn(c).hidden = true;
}
