import { openWorkbook } from "../xlsx/open-workbook.ts";
import { DEFAULT_WORKBOOK_LIMITS, type WorkbookLimits } from "../xlsx/workbook.ts";
import { checkAnswers, checkCompany, mineralsInScope } from "./check-company.ts";
import { checkOrigin } from "./check-origin.ts";
import { checkProducts, checkSmelters } from "./check-smelters.ts";
import type { Declaration, Finding } from "../../src/rmi/declaration.ts";
import { detectTemplate, productListHasRequesterColumns } from "./detect-template.ts";
import { ABSENT, LATEST_VERSION, REQUESTER_PRODUCT_LIST } from "../../src/rmi/layouts.ts";
import {
  readAnswers,
  readCompany,
  readCompanyAnswers,
  readLookup,
  readMines,
  readMinerals,
  readProducts,
  readSmelters,
} from "./read-sections.ts";
import type { WorkbookSource } from "./workbook-source.ts";
import { capTextLengths } from "./cap-text.ts";

export interface ReadOptions {
  /** Name reported in `file` (a path or file name). */
  file: string;
  /** ISO date the date checks are made against. */
  asOf: string;
  limits?: Partial<WorkbookLimits>;
}

const versionNumber = (v: string) => Number.parseFloat(v);

/** Reads a template from any cell source (the fast Workbook, or a reference reader in tests). */
export function readDeclaration(wb: WorkbookSource, options: ReadOptions): Declaration {
  const detected = detectTemplate(wb);
  const { layout, family, version } = detected;
  const decl = wb.sheet("Declaration", { maxRow: 200, maxColumns: 12 })!;
  const findings: Finding[] = [];
  if (layout.legacy) {
    const skipped = layout.notRead ? `; not read: ${layout.notRead}` : "";
    findings.push({
      severity: "warning",
      code: "legacy-layout",
      sheet: null,
      cell: null,
      message: `${family} ${version} uses a legacy layout; read on a best-effort basis (current version ${LATEST_VERSION[family]})${skipped}`,
    });
  } else if (versionNumber(version) < versionNumber(LATEST_VERSION[family])) {
    findings.push({
      severity: "warning",
      code: "template-outdated",
      sheet: "Declaration",
      cell: "J3",
      message: `${family} ${version} is outdated (current version ${LATEST_VERSION[family]})`,
    });
  }
  if (detected.unverified && !layout.legacy) {
    const nearest = layout.versions[layout.versions.length - 1]!;
    // A release newer than any verified one may have moved cells (AMRT 1.31 added minerals): say so louder.
    findings.push(
      versionNumber(version) > versionNumber(LATEST_VERSION[family])
        ? {
            severity: "warning",
            code: "version-unverified",
            sheet: "Declaration",
            cell: "J3",
            message: `${family} ${version} is newer than the versions Assay verified (latest ${LATEST_VERSION[family]}); read with the ${family} ${nearest} cell map, so check answers and minerals against the workbook`,
          }
        : {
            severity: "info",
            code: "version-unverified",
            sheet: "Declaration",
            cell: "J3",
            message: `${family} ${version} was read with the ${family} ${layout.versions.join("/")} cell map`,
          },
    );
  }

  const companyRead = readCompany(decl, layout, wb.date1904 === true);
  const answers = readAnswers(decl, layout, version);
  const companyAnswers = readCompanyAnswers(decl, layout, version);
  const minerals = readMinerals(
    decl,
    layout,
    answers.map((a) => a.value),
  );

  const smelterSheetName =
    layout.family === "CMRT" && !wb.hasSheet("Smelter List") ? "Smelter and Mine List" : "Smelter List";
  const smelterSheet = wb.sheet(smelterSheetName, { maxColumns: 18 });
  const smelters = smelterSheet ? readSmelters(smelterSheet, layout) : [];
  const productSheet = wb.sheet("Product List", { maxColumns: 8 });
  const requester = productSheet !== null && productListHasRequesterColumns(wb);
  const products = productSheet
    ? readProducts(productSheet, layout, requester ? REQUESTER_PRODUCT_LIST.comments : layout.productList.comments)
    : [];
  const mineSheet = layout.mineList ? wb.sheet("Mine List", { maxColumns: 16 }) : null;
  const mines = mineSheet && layout.mineList ? readMines(mineSheet, layout.mineList) : [];

  const rowCap = options.limits?.maxRow ?? DEFAULT_WORKBOOK_LIMITS.maxRow;
  for (const [name, sheet] of [
    [smelterSheetName, smelterSheet],
    ["Product List", productSheet],
    ["Mine List", mineSheet],
  ] as const) {
    if (sheet?.truncated)
      findings.push({
        severity: "warning",
        code: "rows-truncated",
        sheet: name,
        cell: null,
        message: `${name} has rows beyond row ${rowCap}; they were not read (limit ${rowCap} rows per sheet)`,
      });
  }

  const inScope =
    layout.minerals.kind === "fixed"
      ? mineralsInScope(answers)
      : mineralsInScope(answers).filter(
          (m) => minerals.length === 0 || minerals.some((x) => x.toLowerCase() === m.toLowerCase()),
        );
  const used = answers.filter((a) => a.value.meaning === "intentionally-added");
  const declaredNo = used.filter((a) => a.value.answer === "No").map((a) => a.value.mineral);
  findings.push(
    ...checkCompany(companyRead, layout, options.asOf).filter(
      (f) => !layout.notRead || f.code.startsWith("effective-date"),
    ),
    ...checkAnswers(answers, companyAnswers, layout),
    ...checkSmelters({
      smelters,
      columns: layout.smelterList.columns,
      inScope: inScope.filter((m) => used.some((a) => a.value.mineral === m && a.value.answer === "Yes")),
      declaredNo,
      lookup: readLookup(wb.sheet("Smelter Look-up", { maxColumns: 9 })),
      q1Cells: new Map(used.map((a) => [a.value.mineral, a.cell])),
    }),
    ...checkProducts(products, companyRead.company.scope === "Product", layout.productList.number),
    ...checkOrigin({
      answers,
      smelters,
      columns: layout.smelterList.columns,
      inScope,
      recycledColumn: layout.smelterList.columns.recycledScrap !== ABSENT,
    }),
  );

  const declaration: Declaration = {
    file: options.file,
    template: family,
    version,
    company: companyRead.company,
    minerals,
    answers: answers.map((a) => a.value),
    companyAnswers: companyAnswers.map((a) => a.value),
    smelters,
    products,
    mines,
    findings,
  };
  capTextLengths(declaration);
  return declaration;
}

const ENCRYPTION_NAMES = {
  agile: "Agile",
  standard: "Standard",
  rc4: "RC4",
  "rc4-cryptoapi": "RC4 CryptoAPI",
} as const;

/**
 * Reads workbook bytes (.xlsx, .xlsm, legacy .xls, or either encrypted with Excel's default password) as an RMI
 * template; throws UnreadableWorkbook with a one-line reason otherwise.
 */
export function readTemplate(bytes: Uint8Array, options: ReadOptions): Declaration {
  const opened = openWorkbook(bytes, options.limits);
  const declaration = readDeclaration(opened.workbook, options);
  if (opened.decrypted) {
    const kind = opened.format === "xls" ? "legacy .xls" : ".xlsx";
    declaration.findings.unshift({
      severity: "info",
      code: "decrypted-default-password",
      sheet: null,
      cell: null,
      message: `${kind} workbook was encrypted (${ENCRYPTION_NAMES[opened.decrypted]}) with Excel's default password "VelvetSweatshop" and was decrypted to be read; Excel opens such files without asking`,
    });
  }
  return declaration;
}
