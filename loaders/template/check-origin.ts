import type { Answer, Finding, SmelterRow } from "../../src/rmi/declaration.ts";
import { COVERED_COUNTRIES } from "../../src/rmi/covered-countries.ts";
import type { SmelterColumns } from "../../src/rmi/layouts.ts";
import { MEANING_LABEL } from "../../src/rmi/questions.ts";
import { isBoilerplateMineList, parseMineCountries } from "../../src/rmi/mine-countries.ts";
import { iso2ToName } from "../../src/text/countries.ts";
import type { Located } from "./read-sections.ts";

export interface OriginCheckInput {
  answers: readonly Located<Answer>[];
  smelters: readonly SmelterRow[];
  columns: SmelterColumns;
  /** Minerals declared in scope. */
  inScope: readonly string[];
  /** False when the layout has no recycled/scrap column (CMRT 2.x). */
  recycledColumn: boolean;
}

const lower = (s: string | null | undefined) => (s ?? "").trim().toLowerCase();
const yes = (a: string | null) => /^yes\b/i.test((a ?? "").trim());
const no = (a: string | null) => /^no\b/i.test((a ?? "").trim());

/**
 * The declaration's origin answers read against its own Smelter List: a "100% recycled or scrap" Yes with rows not
 * marked recycled, a "covered countries" No with rows naming a covered mine country, and boilerplate mine-country
 * lists (BOILERPLATE_MIN_COUNTRIES or more countries in a cell), which scoring does not use as origin.
 */
export function checkOrigin(input: OriginCheckInput): Finding[] {
  const out: Finding[] = [];
  const c = input.columns;
  const rowsOf = (m: string) => input.smelters.filter((s) => lower(s.metal) === lower(m));
  const inScope = new Set(input.inScope.map(lower));
  const parsed = new Map(input.smelters.map((s) => [s.row, parseMineCountries(s.mineCountries)]));
  for (const { value: a, cell } of input.answers) {
    if (!inScope.has(lower(a.mineral))) continue;
    if (a.meaning === "recycled-scrap" && yes(a.answer) && input.recycledColumn) {
      const rows = rowsOf(a.mineral);
      const not = rows.filter((s) => !yes(s.recycledScrap));
      if (not.length > 0) {
        out.push({
          severity: "warning",
          code: "recycled-claim-contradicted",
          sheet: "Declaration",
          cell,
          message: `"${MEANING_LABEL["recycled-scrap"]}" is Yes for ${a.mineral}, but ${not.length} of ${rows.length} ${a.mineral} Smelter List rows are not marked recycled or scrap (column ${c.recycledScrap}, first row ${not[0]!.row})`,
        });
      }
    }
    if (a.meaning === "covered-countries" && no(a.answer)) {
      const hits = rowsOf(a.mineral).flatMap((s) => {
        const p = parsed.get(s.row)!;
        if (isBoilerplateMineList(p)) return [];
        const covered = p.countries.filter((iso2) => COVERED_COUNTRIES.has(iso2));
        return covered.length ? [{ row: s.row, covered }] : [];
      });
      if (hits.length > 0) {
        const names = [...new Set(hits.flatMap((h) => h.covered))].map((iso2) => iso2ToName(iso2) ?? iso2).join(", ");
        out.push({
          severity: "warning",
          code: "covered-origin-contradicted",
          sheet: "Declaration",
          cell,
          message: `"${MEANING_LABEL["covered-countries"]}" is No for ${a.mineral}, but ${hits.length} ${a.mineral} Smelter List row(s) report mine countries ${names} (column ${c.mineCountries}, first row ${hits[0]!.row})`,
        });
      }
    }
  }
  const boilerplate = input.smelters.filter((s) => isBoilerplateMineList(parsed.get(s.row)!));
  if (boilerplate.length > 0) {
    const most = Math.max(...boilerplate.map((s) => parsed.get(s.row)!.countries.length));
    out.push({
      severity: "warning",
      code: "boilerplate-mine-countries",
      sheet: "Smelter List",
      cell: `${c.mineCountries}${boilerplate[0]!.row}`,
      message: `${boilerplate.length} Smelter List row(s) list up to ${most} mine countries each: a boilerplate list, not the origin of that smelter's ore; not used as origin (ask for the actual countries)`,
    });
  }
  return out;
}
