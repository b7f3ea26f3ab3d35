import type ExcelJS from "exceljs";
import { put, type Labels } from "./_cells.ts";
import type { TemplateInput } from "./_input.ts";
import { copyright, revisionString, type TemplateVersion } from "./_versions.ts";

/** Product List: note row 1, link row 4, header row 5, data from row 6, copyright footer after the last data row. */
export function writeProductList(
  ws: ExcelJS.Worksheet,
  labels: Labels,
  t: TemplateVersion,
  input: TemplateInput,
): void {
  labels.set(
    ws,
    "B1",
    "Completion required only if reporting level 'Product (or List of Products)' selected on the Declaration tab.",
  );
  put(ws, "B4", "Click here to return to Declaration tab");
  t.productHeaders.forEach((h, i) => labels.set(ws, `${String.fromCharCode(66 + i)}5`, h));
  const fiveColumns = t.productHeaders.length === 5;
  (input.products ?? []).forEach((p, i) => {
    const r = 6 + i;
    put(ws, `B${r}`, p.number);
    put(ws, `C${r}`, p.name);
    if (fiveColumns) {
      put(ws, `D${r}`, p.requesterNumber);
      put(ws, `E${r}`, p.requesterName);
      put(ws, `F${r}`, p.comments);
    } else put(ws, `D${r}`, p.comments);
  });
  labels.set(ws, `B${t.productLastRow + 1}`, copyright(t));
}

const MINE_HEADERS = [
  "Metal",
  "Name of Smelter(s) sourcing from this Mine Facility",
  "Mine Facility (Site) Name",
  "Mine Identification (e.g. CID)",
  "Source of Mine Facility Identification Number",
  "Mine Facility Country",
  "Mine Facility Street",
  "Mine Facility City",
  "Mine Facility Location: State / Province",
  "Mine Facility Contact Name",
  "Mine Facility Contact Email",
  "Proposed next steps",
  "Comments",
];

/** EMRT 2.x Mine List: revision in M3, header row 4, data from row 5. */
export function writeMineList(ws: ExcelJS.Worksheet, labels: Labels, t: TemplateVersion, input: TemplateInput): void {
  ws.getCell("M3").value = revisionString(t);
  MINE_HEADERS.forEach((h, i) => labels.set(ws, `${String.fromCharCode(65 + i)}4`, h));
  (input.mines ?? []).forEach((m, i) => {
    const r = 5 + i;
    put(ws, `A${r}`, m.metal);
    put(ws, `B${r}`, m.smelterName);
    put(ws, `C${r}`, m.name);
    put(ws, `D${r}`, m.mineId);
    put(ws, `E${r}`, m.idSource);
    put(ws, `F${r}`, m.country);
    put(ws, `M${r}`, m.comments);
  });
}
