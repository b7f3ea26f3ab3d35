import type ExcelJS from "exceljs";
import { isoToDate, put, putFormula, type Labels } from "./_cells.ts";
import type { TemplateInput } from "./_input.ts";
import type { LookupEntry } from "../../rmi/smelter-lookup.ts";
import { copyright, revisionHistory, type TemplateVersion } from "./_versions.ts";

/** Revision sheet: title block, then the history table from row 12 whose last row is this version. */
export function writeRevision(ws: ExcelJS.Worksheet, labels: Labels, t: TemplateVersion): void {
  put(ws, "B2", "DOCUMENT TITLE");
  put(ws, "B3", t.family === "CMRT" ? "Conflict Minerals Reporting Template" : "Extended Mineral Reporting Template");
  put(ws, "B4", "SHEET");
  put(ws, "B5", `1 of ${t.family === "CMRT" ? 8 : 9}`);
  put(ws, "B9", "REVISION HISTORY");
  put(
    ws,
    "B10",
    "A change in the first digit of the revision number signifies major improvements; a change in the digits after the point signifies minor corrections.",
  );
  ["REVISION", "ORIGINATOR", "RELEASE DATE", "DESCRIPTION OF FUNCTIONAL CHANGE", "UPDATES TO SMELTER LIST"].forEach(
    (h, i) => put(ws, `${"BCDEF"[i]}12`, h),
  );
  const rows = revisionHistory(t);
  rows.forEach(([rev, date, text], i) => {
    const r = 13 + i;
    ws.getCell(`B${r}`).value = rev;
    put(ws, `C${r}`, "RMI MRT Team");
    ws.getCell(`D${r}`).value = isoToDate(date);
    ws.getCell(`D${r}`).numFmt = "yyyy-mm-dd";
    put(ws, `E${r}`, text);
    put(ws, `F${r}`, "This version incorporates changes to the smelter list as reflected in the Smelter Look-up tab.");
  });
  labels.set(ws, `B${13 + rows.length}`, copyright(t));
}

export function writeInstructions(ws: ExcelJS.Worksheet, labels: Labels, t: TemplateVersion): void {
  const lines = [
    `Instructions for completing the ${t.family} ${t.version}.`,
    "Complete the Declaration tab: company information, questions per metal or mineral, and the company-level questions.",
    "Enter the effective date as DD-MMM-YYYY.",
    "List every smelter or processor in your supply chain on the Smelter List tab, preferably by Smelter Identification Number.",
    "If the declaration scope is Product, list the products on the Product List tab.",
    "Use the Checker tab to find required fields that are still empty.",
    'Save the file as "companyname-date.xlsx" with the date as YYYY-MM-DD.',
  ];
  lines.forEach((text, i) => labels.set(ws, `B${2 + i}`, text));
}

export function writeDefinitions(ws: ExcelJS.Worksheet, labels: Labels, t: TemplateVersion): void {
  const terms: Array<[string, string]> = [
    ["Smelter", "A facility that processes mineral ore or recycled material into refined metal."],
    [
      "Smelter Identification Number",
      "The identifier RMI assigns to a smelter or refiner (CID followed by six digits).",
    ],
    [
      "Recycled or scrap sources",
      "Recycled metals are reclaimed end-user or post-consumer products, or scrap processed metals created during product manufacturing.",
    ],
    ["Declaration scope", "Company, Product (or List of Products), or User defined."],
  ];
  if (t.family === "EMRT")
    terms.push([
      "Processor",
      "A facility that processes a mineral (for example mica or graphite) rather than smelting it.",
    ]);
  terms.forEach(([term, text], i) => {
    labels.set(ws, `B${3 + i}`, term);
    labels.set(ws, `C${3 + i}`, text);
  });
}

/** A compact Checker: D2 is the number of required company fields still empty, as RMI's H70 sum reports. */
export function writeChecker(ws: ExcelJS.Worksheet, labels: Labels, t: TemplateVersion, input: TemplateInput): void {
  const c = input.company ?? {};
  const base = t.family === "CMRT" ? 12 : 16;
  const fields: Array<[string, number, string | null | undefined]> = [
    ["Company Name", 8, c.name],
    ["Declaration Scope", 9, c.scope],
    ["Contact Name", base + 3, c.contactName],
    ["Email – Contact", base + 4, c.contactEmail],
    ["Phone – Contact", base + 5, c.contactPhone],
    ["Authorizer", base + 6, c.authorizer],
    ["Email - Authorizer", base + 8, c.authorizerEmail],
    ["Effective Date", base + 10, c.effectiveDate],
  ];
  labels.set(ws, "B2", "Number of required fields still to complete:");
  let missing = 0;
  fields.forEach(([label, row, value], i) => {
    const r = 4 + i;
    const empty = !value || (label.startsWith("Email") && !value.includes("@")) ? 1 : 0;
    missing += empty;
    put(ws, `A${r}`, label);
    putFormula(ws, `B${r}`, `Declaration!D${row}`, value ?? 0);
    putFormula(ws, `F${r}`, "1", 1);
    putFormula(ws, `G${r}`, `IF(B${r}=0,1,0)`, empty);
    putFormula(ws, `H${r}`, `F${r}*G${r}`, empty);
  });
  const sumRow = 4 + fields.length;
  putFormula(ws, `H${sumRow}`, `SUM(H4:H${sumRow - 1})`, missing);
  putFormula(ws, "D2", `H${sumRow}`, missing);
  for (let col = 6; col <= 15; col++) ws.getColumn(col).hidden = true;
}

/** Hidden L (labels: key, sheet, cell, English), C (country list) and SorP (subdivisions) sheets. */
export function writeHiddenSheets(wb: ExcelJS.Workbook, labels: Labels, lookup: readonly LookupEntry[]): void {
  const l = wb.addWorksheet("L", { state: "hidden" });
  ["English"].forEach((lang, i) => put(l, `${"D"}${1 + i}`, lang));
  labels.rows.forEach(([sheet, cell, text], i) => {
    const r = 2 + i;
    putFormula(l, `A${r}`, `B${r}&C${r}`, sheet + cell);
    put(l, `B${r}`, sheet);
    put(l, `C${r}`, cell);
    put(l, `D${r}`, text);
  });
  const c = wb.addWorksheet("C", { state: "hidden" });
  put(c, "A1", "Code");
  put(c, "B1", "Name");
  const countries = [...new Set(lookup.map((x) => x.country).filter((x) => x && x !== "Unknown"))].sort();
  countries.forEach((name, i) => put(c, `B${2 + i}`, name));
  const s = wb.addWorksheet("SorP", { state: "hidden" });
  ["subdivision_code", "subdivision_name", "matching_key"].forEach((h, i) => put(s, `${"ABC"[i]}1`, h));
  wb.definedNames.add("'C'!$B$2:$B$250", "CL");
  wb.definedNames.add("L!$D$1:$M$1", "LN");
  wb.definedNames.add("Declaration!$P$3", "SL");
}
