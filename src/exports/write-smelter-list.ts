import { normalizeName } from "../text/normalize.ts";
import type { SheetXml } from "./_sheet-xml.ts";
import type { WriterSmelterList as SmelterList } from "./_template-layout.ts";
import type { LookupEntry } from "../rmi/smelter-lookup.ts";
import { neutralizeFormula } from "../text/neutralize.ts";
import type { RolledSmelter } from "./rollup-smelters.ts";

/** The template's own look-up, as its column-A formulas resolve a CID (first match, like MATCH(…,0)). */
function resolver(lookup: readonly LookupEntry[]) {
  const byCid = new Map<string, LookupEntry>();
  const byKey = new Map<string, LookupEntry>();
  for (const row of lookup) {
    if (row.cid && !byCid.has(row.cid)) byCid.set(row.cid, row);
    const key = `${row.metal}${row.alias ?? ""}`.toLowerCase();
    if (!byKey.has(key)) byKey.set(key, row);
  }
  return { byCid, byKey };
}

function lastDataRow(sheet: SheetXml, list: SmelterList, fallback: number): number {
  const { metal, cid } = list.columns;
  const withFormula = sheet
    .rowNumbers()
    .filter((r) => r >= list.firstRow && sheet.hasFormula(`${metal}${r}`) && sheet.hasFormula(`${cid}${r}`));
  return withFormula.length > 0 ? withFormula[withFormula.length - 1]! : fallback;
}

export interface SmelterListResult {
  written: number;
  /** The name each written smelter shows in the list (column C, or D for "Smelter not listed"): the Mine List's choices. */
  names: Map<RolledSmelter, string>;
}

/**
 * Enters smelters into the Smelter List: a CID the template knows goes into column A and the row's
 * look-up formulas keep working (their cached values are what Excel computes); any other smelter is
 * entered as "Smelter not listed" with metal, name and country typed in B–E.
 */
export function writeSmelterList(
  sheet: SheetXml,
  list: SmelterList,
  fallbackLastRow: number,
  smelters: readonly RolledSmelter[],
  lookup: readonly LookupEntry[],
  countryList: readonly string[],
  warnings: string[],
): SmelterListResult {
  const { byCid, byKey } = resolver(lookup);
  const countries = new Map(countryList.map((c) => [normalizeName(c), c]));
  const col = list.columns;
  const inputColumns = [col.metal, col.lookupName, col.name, col.country];
  const last = lastDataRow(sheet, list, fallbackLastRow);
  let r = list.firstRow;
  let written = 0;
  const names = new Map<RolledSmelter, string>();
  for (const s of smelters) {
    const hit = s.cid ? byCid.get(s.cid) : undefined;
    const known = hit !== undefined && hit.metal.toLowerCase() === s.metal.toLowerCase();
    // Typing over a shared-formula anchor would break the formulas of the rows below it.
    while (r <= last && !known && inputColumns.some((c) => sheet.isSharedFormulaAnchor(`${c}${r}`))) r++;
    if (r > last) {
      warnings.push(
        `Smelter List: ${smelters.length - written} smelter(s) did not fit (rows ${list.firstRow}–${last})`,
      );
      break;
    }
    const formulas = new Set(sheet.formulaCells(r));
    const cache = (col: string, value: string | number | null) => {
      if (formulas.delete(`${col}${r}`)) sheet.set(`${col}${r}`, { cached: value });
    };
    if (known) {
      sheet.set(`${col.cidInput}${r}`, { text: hit.cid ?? "" });
      cache(col.metal, hit.metal);
      let v = byKey.get(`${hit.metal}${hit.standardName ?? ""}`.toLowerCase());
      // Two CIDs can share a standard name; the name would then resolve to the other CID. Pick an alias of
      // this CID that resolves to it and type it into the look-up column instead.
      const alias =
        v && v.cid !== hit.cid
          ? lookup.find(
              (l) => l.cid === hit.cid && byKey.get(`${l.metal}${l.alias ?? ""}`.toLowerCase())?.cid === hit.cid,
            )
          : undefined;
      if (alias && !sheet.isSharedFormulaAnchor(`${col.lookupName}${r}`)) {
        sheet.set(`${col.lookupName}${r}`, { text: alias.alias ?? "" });
        formulas.delete(`${col.lookupName}${r}`);
        v = alias;
        names.set(s, alias.alias ?? "");
      } else {
        cache(col.lookupName, hit.standardName ?? "");
        names.set(s, hit.standardName ?? "");
        if (v && v.cid !== hit.cid)
          warnings.push(
            `${hit.metal} ${hit.cid}: the template's look-up resolves its name "${hit.standardName}" to ${v.cid}`,
          );
      }
      cache(col.country, v?.country ?? "");
      cache(col.cid, v?.cid ?? "");
      cache(col.idSource, v?.sourceOfId ?? "");
      cache(col.street, v?.street ?? "");
      cache(col.city, v?.city ?? "");
      cache(col.state, v?.state ?? "");
      // R (standard name) and V (the row's Look-up match) are hidden helper formulas, not fields of the cell map.
      cache("R", v?.standardName ?? "");
      cache("V", v ? v.line : null);
    } else {
      const country = s.country ? (countries.get(normalizeName(s.country)) ?? neutralizeFormula(s.country)) : null;
      sheet.set(`${col.metal}${r}`, { text: s.metal });
      sheet.set(`${col.lookupName}${r}`, { text: "Smelter not listed" });
      sheet.set(`${col.name}${r}`, { text: neutralizeFormula(s.name) });
      names.set(s, neutralizeFormula(s.name));
      if (country) sheet.set(`${col.country}${r}`, { text: country });
      else
        warnings.push(
          `${s.metal} ${s.name}: no country known; the template requires one for "Smelter not listed" (row ${r})`,
        );
      for (const c of inputColumns) formulas.delete(`${c}${r}`);
      if (s.cid) sheet.set(`${col.comments}${r}`, { text: `${s.cid} (not in this template's Smelter Look-up)` });
      if (s.cid)
        warnings.push(`${s.metal} ${s.cid}: not in this template's Smelter Look-up; entered as "Smelter not listed"`);
    }
    if (s.recycledScrap && !formulas.has(`${col.recycledScrap}${r}`))
      sheet.set(`${col.recycledScrap}${r}`, { text: s.recycledScrap });
    // Everything else in the row that depends on the new input is recomputed on open (fullCalcOnLoad).
    for (const ref of formulas) sheet.set(ref, { cached: null });
    r++;
    written++;
  }
  return { written, names };
}
