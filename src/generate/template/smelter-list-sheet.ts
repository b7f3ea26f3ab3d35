import type ExcelJS from "exceljs";
import { put, putEmail, putFormula, type Labels } from "./_cells.ts";
import type { TemplateDefects, TemplateInput } from "./_input.ts";
import type { LookupEntry } from "../../rmi/smelter-lookup.ts";
import { indexByCid } from "./_lookup.ts";
import { revisionString, type TemplateVersion } from "./_versions.ts";

const HEADERS = [
  "Smelter Identification Number Input Column",
  "Metal (*)",
  "Smelter Look-up (*)",
  "Smelter Name (1)",
  "Smelter Country (*)",
  "Smelter Identification",
  "Source of Smelter Identification Number",
  "Smelter Street",
  "Smelter City",
  "Smelter Facility Location: State / Province",
  "Smelter Contact Name",
  "Smelter Contact Email",
  "Proposed next steps",
  'Name of Mine(s) or if recycled or scrap sourced, enter "recycled" or "scrap"',
  'Location (Country) of Mine(s) or if recycled or scrap sourced, enter "recycled" or "scrap"',
  "Does 100% of the smelter's feedstock originate from recycled or scrap sources? (Yes/No/Unknown)",
  "Comments",
];
const CID_SPELLINGS = [
  (d: string) => `CID ${d}`,
  (d: string) => `cid${d}`,
  (d: string) => `CID-${d}`,
  (d: string) => `CID ${d} `,
];

const f = {
  B: (r: number) => `IF(LEN(A${r})=0,"",INDEX('Smelter Look-up'!$A:$A,MATCH($A${r},'Smelter Look-up'!$E:$E,0)))`,
  C: (r: number) => `IF(LEN(A${r})=0,"",INDEX('Smelter Look-up'!$C:$C,MATCH($A${r},'Smelter Look-up'!$E:$E,0)))`,
  lookup: (col: string, r: number) => `IF(ISERROR($V${r}),"",OFFSET('Smelter Look-up'!$${col}$4,$V${r}-4,0)&"")`,
  V: (r: number) =>
    `IF(C${r}="",NA(),IF(OR(C${r}="Smelter not listed",C${r}="Smelter not yet identified"),MATCH($B${r}&$D${r},'Smelter Look-up'!$J:$J,0),MATCH($B${r}&$C${r},'Smelter Look-up'!$J:$J,0)))`,
  S: (r: number) =>
    `IF(B${r}="","",IF(ISERROR(MATCH($E${r},CL,0)),"Unknown",INDIRECT("'C'!$A$"&MATCH($E${r},CL,0)+1)))`,
  X: (r: number) => `IF(AND(C${r}="Smelter not listed",OR(LEN(D${r})=0,LEN(E${r})=0)),1,0)`,
  AB: (r: number) => `B${r}&C${r}`,
};

export function writeSmelterList(
  ws: ExcelJS.Worksheet,
  labels: Labels,
  t: TemplateVersion,
  input: TemplateInput,
  lookup: readonly LookupEntry[],
  options: { defects: TemplateDefects },
): void {
  const { defects } = options;
  const byCid = indexByCid(lookup);
  const lookupRow = new Map<string, number>();
  lookup.forEach((l, i) => lookupRow.set(`${l.metal}${l.alias ?? ""}`, 5 + i));
  labels.set(
    ws,
    "A2",
    'TO BEGIN: Option A - enter the Smelter Identification Number in column A; Option B - select the metal and the smelter name from the drop-downs; Option C - select "Smelter not listed" and type the name and country.',
  );
  labels.set(ws, "J2", "Link to 'RMAP Conformant Smelter List'");
  ws.getCell("Q3").value = revisionString(t, t.family === "EMRT" && t.version === "2.0" ? "Version" : "Revision");
  HEADERS.forEach((h, i) =>
    labels.set(ws, `${String.fromCharCode(65 + i)}4`, t.family === "EMRT" && i === 3 ? "Smelter Name (*)" : h),
  );
  ["Standard Smelter Name", "Country Code", "State / Province Code"].forEach((h, i) => put(ws, `${"RST"[i]}4`, h));
  if (t.family === "CMRT") ["Tantalum", "Tin", "Gold", "Tungsten"].forEach((m, i) => put(ws, `${"WXYZ"[i]}3`, m));
  ["Yes", "No", "Unknown"].forEach((v, i) => put(ws, `AH${2 + i}`, v));

  const smelters = input.smelters ?? [];
  smelters.forEach((s, i) => {
    const r = 5 + i;
    const ref = s.cid ? byCid.get(s.cid) : undefined;
    const notListed = s.lookupName === "Smelter not listed" || s.lookupName === "Smelter not yet identified";
    const metal = s.metal ?? ref?.metal ?? null;
    const lookupName = s.lookupName ?? ref?.standardName ?? null;
    const country = s.country ?? (notListed ? null : ref?.country) ?? null;
    const cid = s.cid ?? null;
    const spelled =
      cid && defects.spacedCids ? CID_SPELLINGS[i % CID_SPELLINGS.length]!(cid.replace(/^CID/i, "")) : cid;
    const looked = {
      E: country ?? "",
      F: cid ?? "",
      G: s.idSource ?? (cid ? "RMI" : notListed ? "Enter smelter details" : ""),
      H: s.street ?? ref?.street ?? "",
      I: s.city ?? ref?.city ?? "",
      J: s.state ?? ref?.state ?? "",
    };
    if (!defects.cidOnlyInF) put(ws, `A${r}`, spelled);
    const pasted = defects.pastedZeros === true || defects.cidOnlyInF === true || !cid;
    if (!pasted && cid) {
      putFormula(ws, `B${r}`, f.B(r), metal ?? "");
      putFormula(ws, `C${r}`, f.C(r), lookupName ?? "");
    } else {
      put(ws, `B${r}`, metal);
      put(ws, `C${r}`, lookupName);
    }
    put(ws, `D${r}`, s.name);
    for (const col of ["E", "F", "G", "H", "I", "J"] as const) {
      const value = col === "F" && defects.cidOnlyInF ? (spelled ?? "") : looked[col];
      if (notListed && col === "E") put(ws, `E${r}`, value);
      else if (!pasted)
        putFormula(
          ws,
          `${col}${r}`,
          col === "F"
            ? `IF(ISERROR($V${r}),"",OFFSET('Smelter Look-up'!$E$4,$V${r}-4,0))`
            : f.lookup(String.fromCharCode(col.charCodeAt(0) - 1), r),
          value,
        );
      else if (value === "" && defects.pastedZeros && "GHJ".includes(col)) ws.getCell(`${col}${r}`).value = 0;
      else put(ws, `${col}${r}`, value);
    }
    const noise = (v: string | null | undefined, kind: "comment" | "mine") => {
      if (!v || !defects.whitespaceNoise) return v;
      return kind === "comment" ? v.replaceAll(" / ", "\u3000/\u3000").replaceAll(": ", "：") : `${v}\r\n`;
    };
    const tail: Array<[string, string | null | undefined]> = [
      ["K", s.contactName],
      ["M", s.nextSteps],
      ["N", noise(s.mineNames, "mine")],
      ["O", s.mineCountries],
      ["P", s.recycledScrap],
      ["Q", noise(s.comments, "comment")],
    ];
    for (const [col, v] of tail) {
      if (!v && defects.pastedZeros && col !== "M" && col !== "P") ws.getCell(`${col}${r}`).value = 0;
      else put(ws, `${col}${r}`, v);
    }
    if (!s.contactEmail && defects.pastedZeros) ws.getCell(`L${r}`).value = 0;
    else putEmail(ws, `L${r}`, s.contactEmail, defects.hyperlinkEmails === true);
    putFormula(ws, `R${r}`, f.lookup("C", r), notListed ? "" : (ref?.standardName ?? ""));
    const key = `${metal ?? ""}${notListed ? (s.name ?? "") : (lookupName ?? "")}`;
    ws.getCell(`V${r}`).value = { formula: f.V(r), result: lookupRow.get(key) ?? { error: "#N/A" } };
    putFormula(ws, `X${r}`, f.X(r), notListed && (!s.name || !country) ? 1 : 0);
    putFormula(ws, `AB${r}`, f.AB(r), `${metal ?? ""}${lookupName ?? ""}`);
  });

  for (let c = 18; c <= 34; c++) ws.getColumn(c).hidden = true;
}

const xmlEscape = (v: string) => v.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/**
 * The blank template rows below the data, as sheet XML: a saved RMI template carries these formulas in every row
 * (writing them through exceljs would cost ~40k cell objects per file).
 */
export function blankRowsXml(from: number, to: number): string {
  const parts: string[] = [];
  for (let r = from; r <= to; r++) {
    const str = (col: string, formula: string) => `<c r="${col}${r}" t="str"><f>${xmlEscape(formula)}</f><v></v></c>`;
    parts.push(
      `<row r="${r}">`,
      str("B", f.B(r)),
      str("C", f.C(r)),
      str("E", f.lookup("D", r)),
      str("F", `IF(ISERROR($V${r}),"",OFFSET('Smelter Look-up'!$E$4,$V${r}-4,0))`),
      str("G", f.lookup("F", r)),
      str("H", f.lookup("G", r)),
      str("I", f.lookup("H", r)),
      str("J", f.lookup("I", r)),
      str("R", f.lookup("C", r)),
      str("S", f.S(r)),
      str("T", `IF(OR(J${r}="",S${r}=""),"",IFERROR(INDEX(SorP!$A:$A,MATCH(S${r}&J${r},SorP!$C:$C,0)),""))`),
      `<c r="V${r}" t="e"><f>${xmlEscape(f.V(r))}</f><v>#N/A</v></c>`,
      `<c r="X${r}"><f>${xmlEscape(f.X(r))}</f><v>0</v></c>`,
      str("AB", f.AB(r)),
      "</row>",
    );
  }
  return parts.join("");
}

/** Appends blank template rows after the last written row of a worksheet XML and widens its dimension. */
export function appendBlankRows(sheetXml: string, firstRow: number, lastRow: number): string {
  if (lastRow < firstRow) return sheetXml;
  const rows = blankRowsXml(firstRow, lastRow);
  const withRows = sheetXml.includes("</sheetData>")
    ? sheetXml.replace("</sheetData>", `${rows}</sheetData>`)
    : sheetXml.replace("<sheetData/>", `<sheetData>${rows}</sheetData>`);
  return withRows.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:AH${lastRow}"/>`);
}
