import type {
  Answer,
  CompanyAnswer,
  CompanyInfo,
  DeclarationScope,
  MineRow,
  ProductRow,
  SmelterRow,
} from "../../src/rmi/declaration.ts";
import { canonicalAnswer, cellText, freeText } from "./cell-text.ts";
import { smelterId } from "../../src/rmi/identifiers.ts";
import { normalizeMetal } from "../../src/rmi/minerals.ts";
import { readLookupSheet } from "../../src/rmi/smelter-lookup.ts";
import { normalizeName } from "../../src/text/normalize.ts";
import { parseEffectiveDate } from "./effective-date.ts";
import type { MineListLayout, TemplateLayout } from "../../src/rmi/layouts.ts";
import { companyMeaning, questionMeaning } from "../../src/rmi/questions.ts";
import type { SheetSource } from "./workbook-source.ts";
import { columnIndex } from "../xlsx/sheet.ts";

export interface Located<T> {
  value: T;
  cell: string;
}

function scopeOf(text: string | null): DeclarationScope | null {
  if (!text) return null;
  const t = text.toLowerCase();
  if (/^a[.)]/.test(t) || t.startsWith("company")) return "Company";
  if (/^b[.)]/.test(t) || t.startsWith("product")) return "Product";
  if (/^c[.)]/.test(t) || t.startsWith("user")) return "User defined";
  return null;
}

export interface CompanyRead {
  company: CompanyInfo;
  /** Raw effective-date text that is no date. */
  invalidDate: string | null;
  rawScope: string | null;
}

export function readCompany(decl: SheetSource, layout: TemplateLayout, date1904 = false): CompanyRead {
  const text = (field: keyof TemplateLayout["company"]) => freeText(decl.cell(layout.company[field]));
  const date = parseEffectiveDate(decl.cell(layout.company.effectiveDate), date1904);
  const rawScope = text("scope");
  return {
    company: {
      name: text("name"),
      scope: scopeOf(rawScope),
      scopeDescription: text("scopeDescription"),
      uniqueId: text("uniqueId"),
      uniqueIdAuthority: text("uniqueIdAuthority"),
      address: text("address"),
      contactName: text("contactName"),
      contactEmail: text("contactEmail"),
      contactPhone: text("contactPhone"),
      authorizer: text("authorizer"),
      authorizerTitle: text("authorizerTitle"),
      authorizerEmail: text("authorizerEmail"),
      authorizerPhone: text("authorizerPhone"),
      effectiveDate: date && "iso" in date ? date.iso : null,
    },
    invalidDate: date && "invalid" in date ? date.invalid : null,
    rawScope,
  };
}

/** The mineral named in column B of an answer row ("Cobalt(*)" → "Cobalt"). */
function rowMineral(decl: SheetSource, row: number): string | null {
  const t = freeText(decl.get(row, 1));
  return t ? cleanMineral(t) : null;
}

// RMI's spelling whatever the supplier typed ("铝", "Aluminium", "Cobalt(*)" → Aluminum, Aluminum, Cobalt).
const cleanMineral = (t: string) => normalizeMetal(t.replace(/\s*\(\*\)\s*$/, ""));

/** Minerals declared in scope: selected slots/lists, or for fixed-metal templates those with Q1 = Yes. */
export function readMinerals(decl: SheetSource, layout: TemplateLayout, answers: readonly Answer[]): string[] {
  const src = layout.minerals;
  if (src.kind === "fixed")
    return src.minerals.filter((m) =>
      answers.some((a) => a.meaning === "intentionally-added" && a.mineral === m && a.answer === "Yes"),
    );
  if (src.kind === "slots") {
    return src.cells
      .map((c) => freeText(decl.cell(c)))
      .filter((t): t is string => t !== null && !/^\(delete/i.test(t))
      .map((t) => cleanMineral(t)!);
  }
  const out: string[] = [];
  for (const c of src.cells) {
    const t = freeText(decl.cell(c));
    if (t && !/^other\b/i.test(t)) out.push(cleanMineral(t)!);
  }
  for (const c of src.otherCells) {
    const t = freeText(decl.cell(c));
    if (t) out.push(cleanMineral(t)!);
  }
  return [...new Set(out)];
}

/** The per-mineral answers, each with its meaning in this template and version (questions.ts). */
export function readAnswers(decl: SheetSource, layout: TemplateLayout, version: string): Located<Answer>[] {
  const out: Located<Answer>[] = [];
  for (const q of layout.questions) {
    const meaning = questionMeaning(layout.family, version, q.id);
    q.rows.forEach((row, i) => {
      const mineral = layout.minerals.kind === "fixed" ? (layout.minerals.minerals[i] ?? null) : rowMineral(decl, row);
      if (!mineral) return;
      out.push({
        cell: `D${row}`,
        value: {
          question: q.id,
          meaning,
          mineral,
          // Older templates store the percentage question's "100%" as the number 1.
          answer: canonicalAnswer(decl.get(row, 3), q.values, meaning === "response-share"),
          comment: freeText(decl.get(row, 6)),
        },
      });
    });
  }
  return out;
}

export function readCompanyAnswers(
  decl: SheetSource,
  layout: TemplateLayout,
  version: string,
): Located<CompanyAnswer>[] {
  const out: Located<CompanyAnswer>[] = [];
  const fixed = layout.minerals.kind === "fixed" ? layout.minerals.minerals : null;
  for (const q of layout.companyQuestions) {
    const meaning = companyMeaning(layout.family, version, q.id);
    q.rows.forEach((row, i) => {
      const mineral = q.perMineral ? (fixed ? (fixed[i] ?? null) : rowMineral(decl, row)) : null;
      if (q.perMineral && !mineral) return;
      const comment = q.urlCell ? freeText(decl.cell(q.urlCell)) : freeText(decl.get(row, 6));
      out.push({
        cell: `D${row}`,
        value: {
          question: q.id,
          meaning,
          mineral,
          answer: canonicalAnswer(decl.get(row, 3), q.values, false),
          comment,
        },
      });
    });
  }
  return out;
}

const FOOTER = /^©|copyright|all rights reserved|保留所有权利/i;
const SPECIAL = /^smelter not (yet identified|listed)$/i;
export const isSpecialLookup = (v: string | null) => v !== null && SPECIAL.test(v);

export function readSmelters(sheet: SheetSource, layout: TemplateLayout): SmelterRow[] {
  const c = layout.smelterList.columns;
  const col = (letter: string | undefined) => (letter ? columnIndex(letter) : -1);
  const at = (row: number, letter: string | undefined) => (letter ? freeText(sheet.get(row, col(letter))) : null);
  const key = [c.cidInput, c.metal, c.lookupName, c.name, c.country, c.cid];
  const out: SmelterRow[] = [];
  for (let row = layout.smelterList.firstRow; row <= sheet.lastRow; row++) {
    // Older templates keep helper tables (translations, countries) below the list, after a copyright footer or a
    // row of "AAAA…" in the comments column.
    if (
      FOOTER.test(at(row, "A") ?? "") ||
      FOOTER.test(at(row, c.metal) ?? "") ||
      /^A{20,}$/.test(at(row, c.comments) ?? "")
    )
      break;
    if (!key.some((k) => at(row, k) !== null)) continue;
    const lookupName = at(row, c.lookupName);
    const written = at(row, c.name);
    const standard = c.lookupName ? freeText(sheet.get(row, columnIndex("R"))) : null;
    out.push({
      row,
      metal: normalizeMetal(at(row, c.metal)),
      lookupName,
      name: written ?? (isSpecialLookup(lookupName) ? null : (standard ?? lookupName)),
      country: at(row, c.country),
      cid: smelterId(at(row, c.cid)) ?? smelterId(at(row, c.cidInput)),
      idSource: at(row, c.idSource),
      street: at(row, c.street),
      city: at(row, c.city),
      state: at(row, c.state),
      contactName: at(row, c.contactName),
      contactEmail: at(row, c.contactEmail),
      nextSteps: at(row, c.nextSteps),
      mineNames: at(row, c.mineNames),
      mineCountries: at(row, c.mineCountries),
      recycledScrap: at(row, c.recycledScrap),
      comments: at(row, c.comments),
    });
  }
  return out;
}

export function readProducts(sheet: SheetSource, layout: TemplateLayout, commentsColumn: string): ProductRow[] {
  const p = layout.productList;
  const out: ProductRow[] = [];
  const [n, m, k] = [columnIndex(p.number), columnIndex(p.name), columnIndex(commentsColumn)];
  for (let row = p.firstRow; row <= sheet.lastRow; row++) {
    const number = freeText(sheet.get(row, n));
    if (number && FOOTER.test(number)) break;
    const name = freeText(sheet.get(row, m));
    const comments = freeText(sheet.get(row, k));
    if (number === null && name === null) continue;
    out.push({ row, number, name, comments });
  }
  return out;
}

export function readMines(sheet: SheetSource, list: MineListLayout): MineRow[] {
  const out: MineRow[] = [];
  const c = list.columns;
  const at = (row: number, letter: string) => freeText(sheet.get(row, columnIndex(letter)));
  for (let row = list.firstRow; row <= sheet.lastRow; row++) {
    if (![c.metal, c.smelterName, c.name, c.mineId].some((l) => at(row, l) !== null)) continue;
    out.push({
      row,
      metal: normalizeMetal(at(row, c.metal)),
      smelterName: at(row, c.smelterName),
      name: at(row, c.name),
      mineId: smelterId(at(row, c.mineId)),
      idSource: at(row, c.idSource),
      country: at(row, c.country),
      comments: at(row, c.comments),
    });
  }
  return out;
}

/** The template's own Smelter Look-up: its CIDs per lower-case metal, and the metals and CID of each alias. */
export interface WorkbookLookup {
  cids: Map<string, Set<string>>;
  /** normalizeName(alias or standard name) → RMI metal → CID. */
  names: Map<string, Map<string, string>>;
}

export function readLookup(sheet: SheetSource | null): WorkbookLookup | null {
  if (!sheet) return null;
  const cids = new Map<string, Set<string>>();
  const names = new Map<string, Map<string, string>>();
  const cells = {
    rows: Array.from({ length: Math.max(0, sheet.lastRow) }, (_, i) => i + 1),
    value: (ref: string) => cellText(sheet.cell(ref)),
  };
  for (const { metal, cid, alias, standardName } of readLookupSheet(cells, "workbook").rows) {
    if (!cid) continue;
    const key = metal.toLowerCase();
    if (!cids.has(key)) cids.set(key, new Set());
    cids.get(key)!.add(cid);
    for (const text of [alias, standardName]) {
      const name = normalizeName(text ?? "");
      if (name === "") continue;
      if (!names.has(name)) names.set(name, new Map());
      names.get(name)!.set(metal, cid);
    }
  }
  return cids.size > 0 ? { cids, names } : null;
}
