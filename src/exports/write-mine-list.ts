import { normalizeName } from "../text/normalize.ts";
import type { SheetXml } from "./_sheet-xml.ts";
import type { MineListLayout } from "../rmi/layouts.ts";
import { neutralizeFormula } from "../text/neutralize.ts";
import type { RolledMine } from "./rollup-mines.ts";
import type { RolledSmelter } from "./rollup-smelters.ts";

/** The last data row: the hidden helper column (=metal & smelter) runs down every data row of EMRT 2.x. */
function lastDataRow(sheet: SheetXml, list: MineListLayout, fallback: number): number {
  const { combined } = list.columns;
  const rows = sheet.rowNumbers().filter((r) => r >= list.firstRow && sheet.hasFormula(`${combined}${r}`));
  return rows.length > 0 ? rows[rows.length - 1]! : fallback;
}

/**
 * Enters mines into the EMRT 2.x Mine List (metal, smelter as listed on the Smelter List — the template's SSLX
 * choices, mine name, mine ID and source, country; columns from the one cell map). Only input cells are typed;
 * the hidden helper formulas keep their text and are recomputed on open.
 */
export function writeMineList(
  sheet: SheetXml,
  list: MineListLayout,
  fallbackLastRow: number,
  mines: readonly RolledMine[],
  smelterNames: ReadonlyMap<RolledSmelter, string>,
  countryList: readonly string[],
  warnings: string[],
): number {
  const countries = new Map(countryList.map((c) => [normalizeName(c), c]));
  const col = list.columns;
  const inputColumns = [col.metal, col.smelterName, col.name, col.mineId, col.idSource, col.country];
  const last = lastDataRow(sheet, list, fallbackLastRow);
  let r = list.firstRow;
  let written = 0;
  for (const m of mines) {
    while (r <= last && inputColumns.some((c) => sheet.hasFormula(`${c}${r}`))) r++;
    if (r > last) {
      warnings.push(`Mine List: ${mines.length - written} mine(s) did not fit (rows ${list.firstRow}–${last})`);
      break;
    }
    const listed = m.smelter ? smelterNames.get(m.smelter) : undefined;
    const smelter = listed ?? (m.smelterName ? neutralizeFormula(m.smelterName) : null);
    if (!listed) {
      warnings.push(
        `Mine List row ${r}: ${m.metal} mine ${JSON.stringify(m.name ?? m.mineId)}: its smelter ${JSON.stringify(m.smelterName ?? "")} is not on the exported Smelter List; typed as given`,
      );
    }
    const country = m.country ? (countries.get(normalizeName(m.country)) ?? neutralizeFormula(m.country)) : null;
    sheet.set(`${col.metal}${r}`, { text: m.metal });
    if (smelter) sheet.set(`${col.smelterName}${r}`, { text: smelter });
    if (m.name) sheet.set(`${col.name}${r}`, { text: neutralizeFormula(m.name) });
    if (m.mineId) sheet.set(`${col.mineId}${r}`, { text: neutralizeFormula(m.mineId) });
    if (m.idSource) sheet.set(`${col.idSource}${r}`, { text: neutralizeFormula(m.idSource) });
    if (country) sheet.set(`${col.country}${r}`, { text: country });
    else warnings.push(`Mine List row ${r}: ${m.metal} mine ${JSON.stringify(m.name ?? m.mineId)}: no country known`);
    for (const ref of sheet.formulaCells(r))
      sheet.set(ref, { cached: ref === `${col.combined}${r}` ? `${m.metal}${smelter ?? ""}` : null });
    r++;
    written++;
  }
  return written;
}
