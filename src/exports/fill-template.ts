import { parseRevisionCell, REVISION_CELL } from "../rmi/revision.ts";
import { AssayError } from "../errors.ts";
import { SheetXml } from "./_sheet-xml.ts";
import type { LookupEntry } from "../rmi/smelter-lookup.ts";
import { readCountryList, readLookup, sharedStrings } from "./_template-data.ts";
import { excelSerial, templateLayout, type TemplateLayout } from "./_template-layout.ts";
import { XlsxPackage } from "./_xlsx-package.ts";
import { neutralizeFormula } from "../text/neutralize.ts";
import { companyLetterOf, questionNumberOf, questionTable } from "../rmi/questions.ts";
import type { RollupFamily } from "./rollup-input.ts";
import type { Rollup } from "./rollup.ts";
import { writeMineList } from "./write-mine-list.ts";
import { writeSmelterList } from "./write-smelter-list.ts";

export interface FillResult {
  bytes: Uint8Array;
  family: RollupFamily;
  version: string;
  smelters: number;
  products: number;
  mines: number;
  warnings: string[];
}

const PHONE = /^\+?[\d\s()./-]+$/;
// Company fields the template's Checker requires (DOMAIN.md §3.1; name is always set).
const REQUIRED_COMPANY = new Set(["contactName", "contactEmail", "contactPhone", "authorizer", "authorizerEmail"]);

/** Detects CMRT 6.x / EMRT 2.x from the sheet set and Declaration!J3. */
function detect(
  pkg: XlsxPackage,
  declaration: SheetXml,
  sst: readonly string[],
): { family: RollupFamily; version: string } {
  const family: RollupFamily = pkg.sheetPath("Mine List") ? "EMRT" : "CMRT";
  const j3 = String(declaration.value(REVISION_CELL, sst) ?? "");
  const version = parseRevisionCell(j3).version ?? "";
  const major = Math.floor(Number.parseFloat(version));
  if ((family === "CMRT" && major !== 6) || (family === "EMRT" && major !== 2)) {
    throw new AssayError(
      `${pkg.file} › Declaration!${REVISION_CELL}: unsupported template version: ${JSON.stringify(j3.split(/\r?\n/)[0] ?? "")} (expected an official CMRT 6.x or EMRT 2.x blank)`,
      { code: "template", exitCode: 2 },
    );
  }
  return { family, version };
}

function editSheet(pkg: XlsxPackage, name: string): { path: string; sheet: SheetXml } {
  const path = pkg.sheetPath(name);
  if (!path)
    throw new AssayError(`${pkg.file}: no sheet named ${JSON.stringify(name)} (expected an official RMI template)`, {
      code: "template",
      exitCode: 2,
    });
  return { path, sheet: new SheetXml(pkg.text(path)) };
}

/** Sets fullCalcOnLoad so Excel and LibreOffice recompute, and drops calcChain (it would list cells that lost formulas). */
function forceRecalculation(pkg: XlsxPackage): void {
  let wb = pkg.text("xl/workbook.xml");
  if (/<calcPr\b/.test(wb)) {
    wb = wb.replace(/<calcPr\b[^>]*?(\/?)>/, (tag, close: string) => {
      const base = tag.replace(/\sfullCalcOnLoad="[^"]*"/, "").replace(/\s*\/?>$/, "");
      return `${base} fullCalcOnLoad="1"${close}>`;
    });
  } else {
    const anchor = /<\/definedNames>|<definedNames\/>|<\/externalReferences>|<\/sheets>/.exec(wb);
    if (anchor)
      wb =
        wb.slice(0, anchor.index + anchor[0].length) +
        `<calcPr fullCalcOnLoad="1"/>` +
        wb.slice(anchor.index + anchor[0].length);
  }
  pkg.setText("xl/workbook.xml", wb);
  if (pkg.has("xl/calcChain.xml")) {
    pkg.remove("xl/calcChain.xml");
    pkg.setText(
      "[Content_Types].xml",
      pkg.text("[Content_Types].xml").replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/, ""),
    );
    pkg.setText(
      "xl/_rels/workbook.xml.rels",
      pkg.text("xl/_rels/workbook.xml.rels").replace(/<Relationship\b[^>]*Target="[^"]*calcChain\.xml"[^>]*\/>/, ""),
    );
  }
}

/** The mineral named by a computed row label ("Cobalt(*)") → its row, for EMRT's alphabetical blocks. */
function mineralRows(sheet: SheetXml, sst: readonly string[], first: number, count: number): Map<string, number> {
  const rows = new Map<string, number>();
  for (let r = first; r < first + count; r++) {
    const label = String(sheet.value(`B${r}`, sst) ?? "")
      .replace(/\(\*\)/g, "")
      .trim();
    if (label) rows.set(label.toLowerCase(), r);
  }
  return rows;
}

const EMRT_SLOTS: Record<string, string> = {
  Cobalt: "D12",
  Copper: "E12",
  Graphite: "G12",
  Lithium: "D13",
  Mica: "E13",
  Nickel: "G13",
};

/**
 * EMRT 2.x lists the selected minerals alphabetically in every question block. Selects the minerals the
 * roll-up declares (D12:G13) and caches the row labels the template's formulas will compute.
 */
function selectMinerals(sheet: SheetXml, layout: TemplateLayout, rollup: Rollup): void {
  const q1 = new Map(
    rollup.answers.filter((a) => a.meaning === "intentionally-added").map((a) => [a.mineral, a.answer]),
  );
  const selected = [...q1]
    .filter(([, a]) => a !== null && a !== "Not declaring")
    .map(([m]) => m)
    .sort();
  if (selected.length === 0) return;
  for (const [mineral, ref] of Object.entries(EMRT_SLOTS))
    sheet.set(ref, { text: selected.includes(mineral) ? mineral : `(Delete ${mineral})` });
  const blocks = [
    ...Array.from({ length: 7 }, (_, i) => layout.questionRow(i + 1)),
    ...(layout.mineralPolicyRows ? [layout.mineralPolicyRows] : []),
  ];
  for (const first of blocks) {
    for (let i = 0; i < layout.rowsPerQuestion; i++) {
      const m = selected[i];
      const star = m !== undefined && (first === layout.questionRow(1) || q1.get(m) === "Yes") ? "(*)" : "";
      if (sheet.hasFormula(`B${first + i}`))
        sheet.set(`B${first + i}`, { cached: m === undefined ? "" : `${m}${star}` });
    }
  }
}

function writeDeclaration(
  sheet: SheetXml,
  sst: readonly string[],
  layout: TemplateLayout,
  version: string,
  rollup: Rollup,
  warnings: string[],
): void {
  const text = (ref: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined && value.trim() !== "") sheet.set(ref, { text: value });
  };
  for (const [field, ref] of Object.entries(layout.company)) {
    const value = (rollup.company as Record<string, string | undefined>)[field];
    if (value === undefined || value.trim() === "") {
      if (REQUIRED_COMPANY.has(field))
        warnings.push(
          `company.${field} is not configured; Declaration!${ref} is required by the template (assay check will report it)`,
        );
      continue;
    }
    text(ref, /Phone$/.test(field) && PHONE.test(value) ? value : neutralizeFormula(value));
  }
  const scopes = ["P9", "Q9", "R9"].map((ref) => String(sheet.value(ref, sst) ?? ""));
  const scopeIndex = { Company: 0, Product: 1, "User defined": 2 }[rollup.scope];
  text(
    layout.scope,
    scopes[scopeIndex] ||
      ["A. Company", "B. Product (or List of Products)", "C. User defined [Specify in 'Description of scope']"][
        scopeIndex
      ],
  );
  if (rollup.scopeDescription) text(layout.scopeDescription, neutralizeFormula(rollup.scopeDescription));
  sheet.set(layout.effectiveDate, { number: excelSerial(rollup.effectiveDate) });

  // The UI language selector (Declaration!D3, named range SL = P3): suppliers' blanks may be saved in any language.
  sheet.set("D3", { text: "English" });
  if (sheet.hasFormula("P3")) sheet.set("P3", { cached: 1 });
  if (layout.family === "EMRT") selectMinerals(sheet, layout, rollup);
  // Rows follow the meaning in this blank's own version (questions.ts), not the roll-up's label.
  const table = questionTable(layout.family, version);
  const oldPercent = layout.family === "CMRT" && Number.parseFloat(version) < 6.3;
  const cmrtOrder = ["tantalum", "tin", "gold", "tungsten"];
  for (const a of rollup.answers) {
    const n = Number(questionNumberOf(table, a.meaning) ?? Number.NaN);
    if (!Number.isFinite(n)) continue;
    const first = layout.questionRow(n);
    const row =
      layout.family === "CMRT"
        ? first + cmrtOrder.indexOf(a.mineral.toLowerCase())
        : mineralRows(sheet, sst, first, layout.rowsPerQuestion).get(a.mineral.toLowerCase());
    if (row === undefined || row < first) {
      if (a.answer !== null && a.answer !== "Not declaring" && n === 1)
        warnings.push(
          `${a.mineral}: not selected on this template's Declaration (D12:G13); its answers were not written`,
        );
      continue;
    }
    if (a.answer === null) continue;
    if (oldPercent && a.answer === "100%") sheet.set(`D${row}`, { number: 1 });
    else text(`D${row}`, a.answer);
    text(`G${row}`, a.comment ? neutralizeFormula(a.comment) : null);
  }

  for (const c of rollup.companyAnswers) {
    const letter = c.meaning ? companyLetterOf(table, c.meaning) : null;
    let row = letter ? layout.companyRows[letter] : undefined;
    if (c.mineral !== null && layout.mineralPolicyRows !== null) {
      row = mineralRows(sheet, sst, layout.mineralPolicyRows, 10).get(c.mineral.toLowerCase());
    }
    if (row === undefined) continue;
    text(`D${row}`, c.answer);
    text(`G${row}`, c.comment ? neutralizeFormula(c.comment) : null);
  }
}

function writeProducts(sheet: SheetXml, layout: TemplateLayout, rollup: Rollup, warnings: string[]): number {
  // Data rows end above the copyright footer (a formula in column B).
  const footer = sheet.rowNumbers().find((r) => r >= 6 && sheet.hasFormula(`B${r}`)) ?? 1001;
  let r = 6;
  for (const p of rollup.products) {
    if (r >= footer) {
      warnings.push(`Product List: ${rollup.products.length - (r - 6)} product(s) did not fit (rows 6–${footer - 1})`);
      break;
    }
    sheet.set(`${layout.productColumns.number}${r}`, { text: neutralizeFormula(p.number) });
    if (p.name) sheet.set(`${layout.productColumns.name}${r}`, { text: neutralizeFormula(p.name) });
    r++;
  }
  return r - 6;
}

/**
 * Fills the user's copy of an official RMI blank (CMRT 6.x / EMRT 2.x) with a roll-up, editing only the
 * cells that change in the Declaration, Smelter List, Mine List (EMRT) and Product List parts of the package.
 */
export function fillTemplate(blank: Uint8Array, rollup: Rollup, file = "template.xlsx"): FillResult {
  const pkg = XlsxPackage.open(blank, file);
  const sst = sharedStrings(pkg);
  const declaration = editSheet(pkg, "Declaration");
  const { family, version } = detect(pkg, declaration.sheet, sst);
  if (family !== rollup.family) {
    throw new AssayError(
      `${file}: this is an official ${family} ${version} template, not ${rollup.family} (use assay export ${family.toLowerCase()})`,
      {
        code: "template",
        exitCode: 2,
      },
    );
  }
  const layout = templateLayout(family, version);
  const warnings: string[] = [];
  writeDeclaration(declaration.sheet, sst, layout, version, rollup, warnings);
  pkg.setText(declaration.path, declaration.sheet.toString());

  const smelterList = editSheet(pkg, "Smelter List");
  const lookup: LookupEntry[] = readLookup(editSheet(pkg, "Smelter Look-up").sheet, sst);
  const cPath = pkg.sheetPath("C");
  const countries = readCountryList(cPath ? new SheetXml(pkg.text(cPath)) : null, sst);
  const listed = writeSmelterList(
    smelterList.sheet,
    layout.smelterList,
    layout.defaultLastSmelterRow,
    rollup.smelters,
    lookup,
    countries,
    warnings,
  );
  pkg.setText(smelterList.path, smelterList.sheet.toString());

  let mines = 0;
  if (rollup.mines.length > 0 && layout.mineList && pkg.sheetPath("Mine List")) {
    const mineList = editSheet(pkg, "Mine List");
    mines = writeMineList(
      mineList.sheet,
      layout.mineList,
      layout.defaultLastMineRow,
      rollup.mines,
      listed.names,
      countries,
      warnings,
    );
    pkg.setText(mineList.path, mineList.sheet.toString());
  }

  let products = 0;
  if (rollup.products.length > 0) {
    const productList = editSheet(pkg, "Product List");
    products = writeProducts(productList.sheet, layout, rollup, warnings);
    pkg.setText(productList.path, productList.sheet.toString());
  }
  forceRecalculation(pkg);
  return { bytes: pkg.toBytes(), family, version, smelters: listed.written, products, mines, warnings };
}
