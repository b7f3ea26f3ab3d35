import { parseRevisionCell, REVISION_CELL } from "../../src/rmi/revision.ts";
import type { TemplateFamily } from "../../src/rmi/declaration.ts";
import { cellText } from "./cell-text.ts";
import {
  AMRT_12,
  AMRT_13,
  CMRT_1,
  CMRT_2,
  CMRT_3,
  CMRT_5,
  CMRT_6,
  CRT_2,
  EMRT_1,
  EMRT_2,
  type TemplateLayout,
} from "../../src/rmi/layouts.ts";
import { UnreadableWorkbook } from "../xlsx/unreadable-workbook.ts";
import type { WorkbookSource as Workbook } from "./workbook-source.ts";

export interface DetectedTemplate {
  family: TemplateFamily;
  version: string;
  layout: TemplateLayout;
  /** The version read from the file was not one the layout was verified against. */
  unverified: boolean;
}

const versionText = (value: unknown): string | null => parseRevisionCell(value).version;

/** The last numeric entry of the Revision sheet's table (column B from row 13). */
function revisionTableVersion(wb: Workbook): string | null {
  const sheet = wb.sheet("Revision", { maxRow: 400, maxColumns: 3 });
  if (!sheet) return null;
  let last: string | null = null;
  for (let r = 13; r <= sheet.lastRow; r++) {
    const v = sheet.get(r, 1) ?? sheet.get(r, 0);
    if (typeof v === "number" && v > 0 && v < 100) last = String(v);
    else if (typeof v === "string" && /^\d+(\.\d+)?[a-z]?$/.test(v.trim())) last = v.trim();
  }
  return last;
}

function familyFromTitle(title: string | null): TemplateFamily | null {
  if (!title) return null;
  const m = /\b(CMRT|EMRT|CRT|AMRT)\b/i.exec(title);
  if (m) return m[1]!.toUpperCase() as TemplateFamily;
  return /conflict minerals reporting template/i.test(title) ? "CMRT" : null;
}

function familyFromStructure(wb: Workbook): TemplateFamily | null {
  if (wb.hasSheet("Minerals Scope")) return "AMRT";
  if (wb.hasSheet("Mine List")) return "EMRT";
  if (wb.hasSheet("Standard Smelter Names") || wb.hasSheet("Smelter and Mine List")) return "CMRT";
  return null;
}

const major = (v: string) => Number.parseInt(v, 10);

function chooseLayout(family: TemplateFamily, version: string, wb: Workbook): TemplateLayout {
  switch (family) {
    case "CMRT":
      return major(version) >= 6
        ? CMRT_6
        : major(version) >= 4
          ? CMRT_5
          : major(version) >= 3
            ? CMRT_3
            : major(version) >= 2
              ? CMRT_2
              : CMRT_1;
    case "EMRT":
      return wb.hasSheet("Mine List") || major(version) >= 2 ? EMRT_2 : EMRT_1;
    case "CRT":
      return CRT_2;
    case "AMRT":
      return wb.hasSheet("Smelter Look-up") || Number(version) >= 1.3 ? AMRT_13 : AMRT_12;
  }
}

/**
 * Identifies family and version from the workbook itself: the title in Declaration!D2, the revision
 * in Declaration!J3 (else Smelter List!Q3/O3, else the Revision table), refined by structure.
 * Never from the file name or label text.
 */
export function detectTemplate(wb: Workbook): DetectedTemplate {
  const decl = wb.sheet("Declaration", { maxRow: 200, maxColumns: 12 });
  if (!decl) throw new UnreadableWorkbook("not an RMI reporting template (no Declaration sheet)");
  const family = familyFromTitle(cellText(decl.cell("D2"))) ?? familyFromStructure(wb);
  if (!family)
    throw new UnreadableWorkbook("not an RMI reporting template (Declaration!D2 names no CMRT/EMRT/CRT/AMRT)");
  const smelters = wb.hasSheet("Smelter List") ? wb.sheet("Smelter List", { maxColumns: 18 }) : null;
  let version =
    versionText(decl.cell(REVISION_CELL)) ??
    versionText(smelters?.cell("Q3") ?? null) ??
    versionText(smelters?.cell("O3") ?? null) ??
    revisionTableVersion(wb);
  if (!version) {
    const fallback = family === "CMRT" ? (wb.hasSheet("Smelter Look-up") ? "6" : "3") : null;
    if (!fallback) throw new UnreadableWorkbook(`${family} template without a readable revision (Declaration!J3)`);
    version = fallback;
  }
  if (family === "EMRT" && wb.hasSheet("Mine List") && major(version) < 2) version = "2.0";
  if (family === "EMRT" && version === "2.0" && productListHasRequesterColumns(wb)) version = "2.1";
  // RMI's CRT 2.21 still says "Revision 2.2"; it added the CID input column, so B5 derives from A5 by formula.
  if (family === "CRT" && version === "2.2" && smelters && [5, 6, 7].some((r) => smelters.isFormula(r, 1)))
    version = "2.21";
  const layout = chooseLayout(family, version, wb);
  return { family, version, layout, unverified: !layout.versions.includes(version) };
}

/** EMRT 2.1 / AMRT 1.3 Product List has requester columns, so column E carries a header in row 5. */
export function productListHasRequesterColumns(wb: Workbook): boolean {
  const sheet = wb.sheet("Product List", { maxColumns: 8 });
  return sheet ? cellText(sheet.cell("E5")) !== null : false;
}
