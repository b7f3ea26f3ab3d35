import type ExcelJS from "exceljs";
import { put, putEmail, putFormula, type Labels } from "./_cells.ts";
import type { TemplateDefects, TemplateInput } from "./_input.ts";
import type { LookupEntry } from "../../rmi/smelter-lookup.ts";
import {
  CMRT_6,
  EMRT_2,
  SMELTER_LOOKUP_SHEET,
  type SmelterColumns,
  type SmelterHelperColumns,
  type SmelterSheetCells,
} from "../../rmi/layouts.ts";
import { indexByCid } from "./_lookup.ts";
import { revisionString, type TemplateVersion, type WritableFamily } from "./_versions.ts";

/** The Smelter List the generator writes: first data row, visible columns (CID input and look-up included) and helpers. */
export interface GeneratorSmelterList {
  firstRow: number;
  c: Required<Pick<SmelterColumns, "cidInput" | "lookupName">> & SmelterColumns;
  h: SmelterHelperColumns;
  sheet: SmelterSheetCells;
  /** The fixed minerals the CMRT metal list (sheet.metalListCells) holds, in order. */
  metals: readonly string[];
}

function generatorList(family: WritableFamily): GeneratorSmelterList {
  const layout = family === "CMRT" ? CMRT_6 : EMRT_2;
  const { firstRow, columns, helpers, sheet } = layout.smelterList;
  const { cidInput, lookupName } = columns;
  if (!cidInput || !lookupName || !helpers || !sheet)
    throw new Error(`${family}: the Smelter List layout lacks input, helper or sheet cells`);
  const metals = layout.minerals.kind === "fixed" ? layout.minerals.minerals : [];
  return { firstRow, c: { ...columns, cidInput, lookupName }, h: helpers, sheet, metals };
}

const LISTS: Record<WritableFamily, GeneratorSmelterList> = {
  CMRT: generatorList("CMRT"),
  EMRT: generatorList("EMRT"),
};

/** Cell positions of the generated Smelter List, from the one cell map (src/rmi/layouts.ts). */
export const smelterListLayout = (family: WritableFamily): GeneratorSmelterList => LISTS[family];

/** Row-4 headers of the visible columns, in column order. */
const HEADERS: ReadonlyArray<readonly [keyof SmelterColumns, string]> = [
  ["cidInput", "Smelter Identification Number Input Column"],
  ["metal", "Metal (*)"],
  ["lookupName", "Smelter Look-up (*)"],
  ["name", "Smelter Name (1)"],
  ["country", "Smelter Country (*)"],
  ["cid", "Smelter Identification"],
  ["idSource", "Source of Smelter Identification Number"],
  ["street", "Smelter Street"],
  ["city", "Smelter City"],
  ["state", "Smelter Facility Location: State / Province"],
  ["contactName", "Smelter Contact Name"],
  ["contactEmail", "Smelter Contact Email"],
  ["nextSteps", "Proposed next steps"],
  ["mineNames", 'Name of Mine(s) or if recycled or scrap sourced, enter "recycled" or "scrap"'],
  ["mineCountries", 'Location (Country) of Mine(s) or if recycled or scrap sourced, enter "recycled" or "scrap"'],
  ["recycledScrap", "Does 100% of the smelter's feedstock originate from recycled or scrap sources? (Yes/No/Unknown)"],
  ["comments", "Comments"],
];
const CID_SPELLINGS = [
  (d: string) => `CID ${d}`,
  (d: string) => `cid${d}`,
  (d: string) => `CID-${d}`,
  (d: string) => `CID ${d} `,
];

/** Columns of the Smelter Look-up sheet the formulas read, from the one cell map (J = metal & alias). */
const LOOKUP = SMELTER_LOOKUP_SHEET.columns;
const LOOKUP_HEADER = SMELTER_LOOKUP_SHEET.headerRow;

/** The Smelter List formulas of row r, for the columns of one layout. */
function formulas({ c, h }: GeneratorSmelterList) {
  const byCid = (col: string, r: number) =>
    `IF(LEN(${c.cidInput}${r})=0,"",INDEX('Smelter Look-up'!$${col}:$${col},MATCH($${c.cidInput}${r},'Smelter Look-up'!$${LOOKUP.cid}:$${LOOKUP.cid},0)))`;
  const keyMatch = (a: string, b: string, r: number) =>
    `MATCH($${a}${r}&$${b}${r},'Smelter Look-up'!$${LOOKUP.key}:$${LOOKUP.key},0)`;
  return {
    metal: (r: number) => byCid(LOOKUP.metal, r),
    lookupName: (r: number) => byCid(LOOKUP.standardName, r),
    lookup: (col: string, r: number) =>
      `IF(ISERROR($${h.lookupRow}${r}),"",OFFSET('Smelter Look-up'!$${col}$${LOOKUP_HEADER},$${h.lookupRow}${r}-${LOOKUP_HEADER},0)&"")`,
    cid: (r: number) =>
      `IF(ISERROR($${h.lookupRow}${r}),"",OFFSET('Smelter Look-up'!$${LOOKUP.cid}$${LOOKUP_HEADER},$${h.lookupRow}${r}-${LOOKUP_HEADER},0))`,
    lookupRow: (r: number) =>
      `IF(${c.lookupName}${r}="",NA(),IF(OR(${c.lookupName}${r}="Smelter not listed",${c.lookupName}${r}="Smelter not yet identified"),${keyMatch(c.metal, c.name, r)},${keyMatch(c.metal, c.lookupName, r)}))`,
    countryCode: (r: number) =>
      `IF(${c.metal}${r}="","",IF(ISERROR(MATCH($${c.country}${r},CL,0)),"Unknown",INDIRECT("'C'!$A$"&MATCH($${c.country}${r},CL,0)+1)))`,
    stateCode: (r: number) =>
      `IF(OR(${c.state}${r}="",${h.countryCode}${r}=""),"",IFERROR(INDEX(SorP!$A:$A,MATCH(${h.countryCode}${r}&${c.state}${r},SorP!$C:$C,0)),""))`,
    missingEntry: (r: number) =>
      `IF(AND(${c.lookupName}${r}="Smelter not listed",OR(LEN(${c.name}${r})=0,LEN(${c.country}${r})=0)),1,0)`,
    combined: (r: number) => `${c.metal}${r}&${c.lookupName}${r}`,
  };
}

/** The Look-up columns that fill the looked-up Smelter List fields (the CID column has its own formula). */
const LOOKED_UP = ["country", "cid", "idSource", "street", "city", "state"] as const;

export function writeSmelterList(
  ws: ExcelJS.Worksheet,
  labels: Labels,
  t: TemplateVersion,
  input: TemplateInput,
  lookup: readonly LookupEntry[],
  options: { defects: TemplateDefects },
): void {
  const { defects } = options;
  const list = smelterListLayout(t.family);
  const { c, h } = list;
  const f = formulas(list);
  const byCid = indexByCid(lookup);
  const lookupRow = new Map<string, number>();
  lookup.forEach((l, i) => lookupRow.set(`${l.metal}${l.alias ?? ""}`, SMELTER_LOOKUP_SHEET.firstRow + i));
  const cells = list.sheet;
  labels.set(
    ws,
    cells.instructionsCell,
    'TO BEGIN: Option A - enter the Smelter Identification Number in column A; Option B - select the metal and the smelter name from the drop-downs; Option C - select "Smelter not listed" and type the name and country.',
  );
  labels.set(ws, cells.conformantLinkCell, "Link to 'RMAP Conformant Smelter List'");
  ws.getCell(cells.revisionCell).value = revisionString(
    t,
    t.family === "EMRT" && t.version === "2.0" ? "Version" : "Revision",
  );
  const header = list.firstRow - 1;
  for (const [field, text] of HEADERS) {
    const name = t.family === "EMRT" && field === "name" ? "Smelter Name (*)" : text;
    labels.set(ws, `${c[field]}${header}`, name);
  }
  put(ws, `${h.standardName}${header}`, "Standard Smelter Name");
  put(ws, `${h.countryCode}${header}`, "Country Code");
  put(ws, `${h.stateCode}${header}`, "State / Province Code");
  cells.metalListCells?.forEach((cell, i) => put(ws, cell, list.metals[i]));
  ["Yes", "No", "Unknown"].forEach((v, i) => put(ws, cells.answerListCells[i]!, v));

  const smelters = input.smelters ?? [];
  smelters.forEach((s, i) => {
    const r = list.firstRow + i;
    const at = (col: string) => `${col}${r}`;
    const ref = s.cid ? byCid.get(s.cid) : undefined;
    const notListed = s.lookupName === "Smelter not listed" || s.lookupName === "Smelter not yet identified";
    const metal = s.metal ?? ref?.metal ?? null;
    const lookupName = s.lookupName ?? ref?.standardName ?? null;
    const country = s.country ?? (notListed ? null : ref?.country) ?? null;
    const cid = s.cid ?? null;
    const spelled =
      cid && defects.spacedCids ? CID_SPELLINGS[i % CID_SPELLINGS.length]!(cid.replace(/^CID/i, "")) : cid;
    const looked: Record<(typeof LOOKED_UP)[number], string> = {
      country: country ?? "",
      cid: cid ?? "",
      idSource: s.idSource ?? (cid ? "RMI" : notListed ? "Enter smelter details" : ""),
      street: s.street ?? ref?.street ?? "",
      city: s.city ?? ref?.city ?? "",
      state: s.state ?? ref?.state ?? "",
    };
    if (!defects.cidOnlyInF) put(ws, at(c.cidInput), spelled);
    const pasted = defects.pastedZeros === true || defects.cidOnlyInF === true || !cid;
    if (!pasted && cid) {
      putFormula(ws, at(c.metal), f.metal(r), metal ?? "");
      putFormula(ws, at(c.lookupName), f.lookupName(r), lookupName ?? "");
    } else {
      put(ws, at(c.metal), metal);
      put(ws, at(c.lookupName), lookupName);
    }
    put(ws, at(c.name), s.name);
    for (const field of LOOKED_UP) {
      const cell = at(c[field]);
      const value = field === "cid" && defects.cidOnlyInF ? (spelled ?? "") : looked[field];
      if (notListed && field === "country") put(ws, cell, value);
      else if (!pasted) putFormula(ws, cell, field === "cid" ? f.cid(r) : f.lookup(LOOKUP[field], r), value);
      else if (value === "" && defects.pastedZeros && ["idSource", "street", "state"].includes(field))
        ws.getCell(cell).value = 0;
      else put(ws, cell, value);
    }
    const noise = (v: string | null | undefined, kind: "comment" | "mine") => {
      if (!v || !defects.whitespaceNoise) return v;
      return kind === "comment" ? v.replaceAll(" / ", "\u3000/\u3000").replaceAll(": ", "：") : `${v}\r\n`;
    };
    const tail: Array<[keyof SmelterColumns, string | null | undefined]> = [
      ["contactName", s.contactName],
      ["nextSteps", s.nextSteps],
      ["mineNames", noise(s.mineNames, "mine")],
      ["mineCountries", s.mineCountries],
      ["recycledScrap", s.recycledScrap],
      ["comments", noise(s.comments, "comment")],
    ];
    for (const [field, v] of tail) {
      const cell = at(c[field]!);
      if (!v && defects.pastedZeros && field !== "nextSteps" && field !== "recycledScrap") ws.getCell(cell).value = 0;
      else put(ws, cell, v);
    }
    if (!s.contactEmail && defects.pastedZeros) ws.getCell(at(c.contactEmail)).value = 0;
    else putEmail(ws, at(c.contactEmail), s.contactEmail, defects.hyperlinkEmails === true);
    putFormula(ws, at(h.standardName), f.lookup(LOOKUP.standardName, r), notListed ? "" : (ref?.standardName ?? ""));
    const key = `${metal ?? ""}${notListed ? (s.name ?? "") : (lookupName ?? "")}`;
    ws.getCell(at(h.lookupRow)).value = { formula: f.lookupRow(r), result: lookupRow.get(key) ?? { error: "#N/A" } };
    putFormula(ws, at(h.missingEntry), f.missingEntry(r), notListed && (!s.name || !country) ? 1 : 0);
    putFormula(ws, at(h.combined), f.combined(r), `${metal ?? ""}${lookupName ?? ""}`);
  });

  // The helper and list columns (R–AH) stay hidden, as in RMI's templates.
  const { from, to } = cells.hiddenColumns;
  for (let col = ws.getColumn(from).number; col <= ws.getColumn(to).number; col++) ws.getColumn(col).hidden = true;
}

const xmlEscape = (v: string) => v.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/**
 * The blank template rows below the data, as sheet XML: a saved RMI template carries these formulas in every row
 * (writing them through exceljs would cost ~40k cell objects per file).
 */
export function blankRowsXml(list: GeneratorSmelterList, from: number, to: number): string {
  const { c, h } = list;
  const f = formulas(list);
  const parts: string[] = [];
  for (let r = from; r <= to; r++) {
    const str = (col: string, formula: string) => `<c r="${col}${r}" t="str"><f>${xmlEscape(formula)}</f><v></v></c>`;
    parts.push(
      `<row r="${r}">`,
      str(c.metal, f.metal(r)),
      str(c.lookupName, f.lookupName(r)),
      str(c.country, f.lookup(LOOKUP.country, r)),
      str(c.cid, f.cid(r)),
      str(c.idSource, f.lookup(LOOKUP.idSource, r)),
      str(c.street, f.lookup(LOOKUP.street, r)),
      str(c.city, f.lookup(LOOKUP.city, r)),
      str(c.state, f.lookup(LOOKUP.state, r)),
      str(h.standardName, f.lookup(LOOKUP.standardName, r)),
      str(h.countryCode, f.countryCode(r)),
      str(h.stateCode, f.stateCode(r)),
      `<c r="${h.lookupRow}${r}" t="e"><f>${xmlEscape(f.lookupRow(r))}</f><v>#N/A</v></c>`,
      `<c r="${h.missingEntry}${r}"><f>${xmlEscape(f.missingEntry(r))}</f><v>0</v></c>`,
      str(h.combined, f.combined(r)),
      "</row>",
    );
  }
  return parts.join("");
}

/** Appends blank template rows after the last written row of a worksheet XML and widens its dimension. */
export function appendBlankRows(
  sheetXml: string,
  list: GeneratorSmelterList,
  firstRow: number,
  lastRow: number,
): string {
  if (lastRow < firstRow) return sheetXml;
  const rows = blankRowsXml(list, firstRow, lastRow);
  const withRows = sheetXml.includes("</sheetData>")
    ? sheetXml.replace("</sheetData>", `${rows}</sheetData>`)
    : sheetXml.replace("<sheetData/>", `<sheetData>${rows}</sheetData>`);
  // The sheet's used range ends with the last hidden column (the answer list).
  const lastColumn = list.sheet.hiddenColumns.to;
  return withRows.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:${lastColumn}${lastRow}"/>`);
}
