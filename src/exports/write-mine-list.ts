import { normalizeName } from "../text/normalize.ts";
import type { SheetXml } from "./_sheet-xml.ts";
import { neutralizeFormula } from "../text/neutralize.ts";
import type { RolledMine } from "./rollup-mines.ts";
import type { RolledSmelter } from "./rollup-smelters.ts";

const FIRST_ROW = 5;
const FALLBACK_LAST_ROW = 2504;

/** The last data row: the hidden helper column Q (=A&B) runs down every data row of EMRT 2.x. */
function lastDataRow(sheet: SheetXml): number {
  const rows = sheet.rowNumbers().filter((r) => r >= FIRST_ROW && sheet.hasFormula(`Q${r}`));
  return rows.length > 0 ? rows[rows.length - 1]! : FALLBACK_LAST_ROW;
}

/**
 * Enters mines into the EMRT 2.x Mine List (A metal, B smelter as listed on the Smelter List — the
 * template's SSLX choices, C mine name, D/E mine ID and source, F country). Only input cells are typed;
 * the hidden helper formulas keep their text and are recomputed on open.
 */
export function writeMineList(
  sheet: SheetXml,
  mines: readonly RolledMine[],
  smelterNames: ReadonlyMap<RolledSmelter, string>,
  countryList: readonly string[],
  warnings: string[],
): number {
  const countries = new Map(countryList.map((c) => [normalizeName(c), c]));
  const last = lastDataRow(sheet);
  let r = FIRST_ROW;
  let written = 0;
  for (const m of mines) {
    while (r <= last && ["A", "B", "C", "D", "E", "F"].some((c) => sheet.hasFormula(`${c}${r}`))) r++;
    if (r > last) {
      warnings.push(`Mine List: ${mines.length - written} mine(s) did not fit (rows ${FIRST_ROW}–${last})`);
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
    sheet.set(`A${r}`, { text: m.metal });
    if (smelter) sheet.set(`B${r}`, { text: smelter });
    if (m.name) sheet.set(`C${r}`, { text: neutralizeFormula(m.name) });
    if (m.mineId) sheet.set(`D${r}`, { text: neutralizeFormula(m.mineId) });
    if (m.idSource) sheet.set(`E${r}`, { text: neutralizeFormula(m.idSource) });
    if (country) sheet.set(`F${r}`, { text: country });
    else warnings.push(`Mine List row ${r}: ${m.metal} mine ${JSON.stringify(m.name ?? m.mineId)}: no country known`);
    for (const ref of sheet.formulaCells(r))
      sheet.set(ref, { cached: ref === `Q${r}` ? `${m.metal}${smelter ?? ""}` : null });
    r++;
    written++;
  }
  return written;
}
