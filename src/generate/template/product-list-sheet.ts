import type ExcelJS from "exceljs";
import { put, type Labels } from "./_cells.ts";
import type { TemplateInput } from "./_input.ts";
import { CMRT_6, EMRT_2, type MineColumns, PRODUCT_LIST_SHEET, REQUESTER_PRODUCT_LIST } from "../../rmi/layouts.ts";
import { copyright, revisionString, type TemplateVersion } from "./_versions.ts";

/**
 * Product List: note row 1, link row 4, header row above the data, copyright footer after the last data row. Columns
 * from the one cell map: EMRT 2.1 has the requester columns (REQUESTER_PRODUCT_LIST).
 */
export function writeProductList(
  ws: ExcelJS.Worksheet,
  labels: Labels,
  t: TemplateVersion,
  input: TemplateInput,
): void {
  labels.set(
    ws,
    PRODUCT_LIST_SHEET.noteCell,
    "Completion required only if reporting level 'Product (or List of Products)' selected on the Declaration tab.",
  );
  put(ws, PRODUCT_LIST_SHEET.linkCell, "Click here to return to Declaration tab");
  const fiveColumns = t.productHeaders.length === 5;
  const list = fiveColumns ? REQUESTER_PRODUCT_LIST : (t.family === "CMRT" ? CMRT_6 : EMRT_2).productList;
  const columns = fiveColumns
    ? [
        list.number,
        list.name,
        REQUESTER_PRODUCT_LIST.requesterNumber,
        REQUESTER_PRODUCT_LIST.requesterName,
        list.comments,
      ]
    : [list.number, list.name, list.comments];
  t.productHeaders.forEach((h, i) => labels.set(ws, `${columns[i]}${list.firstRow - 1}`, h));
  (input.products ?? []).forEach((p, i) => {
    const r = list.firstRow + i;
    put(ws, `${list.number}${r}`, p.number);
    put(ws, `${list.name}${r}`, p.name);
    if (fiveColumns) {
      put(ws, `${REQUESTER_PRODUCT_LIST.requesterNumber}${r}`, p.requesterNumber);
      put(ws, `${REQUESTER_PRODUCT_LIST.requesterName}${r}`, p.requesterName);
    }
    put(ws, `${list.comments}${r}`, p.comments);
  });
  labels.set(ws, `${PRODUCT_LIST_SHEET.footerColumn}${t.productLastRow + 1}`, copyright(t));
}

/** Row-4 headers of the Mine List, by field (DOMAIN.md §4.2). */
const MINE_HEADERS: ReadonlyArray<readonly [Exclude<keyof MineColumns, "combined">, string]> = [
  ["metal", "Metal"],
  ["smelterName", "Name of Smelter(s) sourcing from this Mine Facility"],
  ["name", "Mine Facility (Site) Name"],
  ["mineId", "Mine Identification (e.g. CID)"],
  ["idSource", "Source of Mine Facility Identification Number"],
  ["country", "Mine Facility Country"],
  ["street", "Mine Facility Street"],
  ["city", "Mine Facility City"],
  ["state", "Mine Facility Location: State / Province"],
  ["contactName", "Mine Facility Contact Name"],
  ["contactEmail", "Mine Facility Contact Email"],
  ["nextSteps", "Proposed next steps"],
  ["comments", "Comments"],
];

/** EMRT 2.x Mine List: revision, header row and columns from the one cell map (src/rmi/layouts.ts). */
export function writeMineList(ws: ExcelJS.Worksheet, labels: Labels, t: TemplateVersion, input: TemplateInput): void {
  const list = EMRT_2.mineList;
  if (!list) throw new Error("EMRT 2.x layout has no Mine List");
  const c = list.columns;
  ws.getCell(list.revisionCell).value = revisionString(t);
  for (const [field, h] of MINE_HEADERS) labels.set(ws, `${c[field]}${list.firstRow - 1}`, h);
  (input.mines ?? []).forEach((m, i) => {
    const r = list.firstRow + i;
    put(ws, `${c.metal}${r}`, m.metal);
    put(ws, `${c.smelterName}${r}`, m.smelterName);
    put(ws, `${c.name}${r}`, m.name);
    put(ws, `${c.mineId}${r}`, m.mineId);
    put(ws, `${c.idSource}${r}`, m.idSource);
    put(ws, `${c.country}${r}`, m.country);
    put(ws, `${c.comments}${r}`, m.comments);
  });
}
