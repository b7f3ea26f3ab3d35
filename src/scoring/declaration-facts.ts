import { normalizeName } from "../text/normalize.ts";
import type { DeclarationFacts } from "./facts.ts";
import { smelterKey } from "../rmi/smelter-key.ts";
import {
  companyMeaning,
  questionMeaning,
  questionNumberOf,
  questionTable,
  type QuestionMeaning,
} from "../rmi/questions.ts";

type Row = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined || v === "" ? null : String(v));

/** A smelter as the suppliers' rows name it, before the reference lists are consulted. */
export interface SmelterSeed {
  cid: string | null;
  metal: string;
  name: string;
  recycled: boolean[];
}

/** One declaration reduced to what scoring reads; records each smelter row it names in `seeds`. */
export function declarationFacts(
  d: Row,
  answersBy: Map<string, Row[]>,
  companyBy: Map<string, Row[]>,
  rowsBy: Map<string, Row[]>,
  seeds: Map<string, SmelterSeed>,
): DeclarationFacts {
  const id = String(d.declaration_id);
  const template = str(d.template);
  const version = str(d.version);
  // Keyed by meaning (src/rmi/questions.ts): the stored one, else the table's for rows read before meanings were stored.
  const answer = new Map<string, string | null>();
  for (const a of answersBy.get(id) ?? []) {
    const meaning = str(a.meaning) ?? questionMeaning(template, version, String(a.question));
    if (meaning) answer.set(`${meaning}|${String(a.mineral).toLowerCase()}`, str(a.answer));
  }
  const table = questionTable(template, version);
  // Absent when the template does not ask the question, null when the supplier left it blank.
  const at = (meaning: QuestionMeaning, m: string) =>
    questionNumberOf(table, meaning) === null ? undefined : (answer.get(`${meaning}|${m}`) ?? null);
  const minerals = [...new Set((answersBy.get(id) ?? []).map((a) => String(a.mineral).toLowerCase()))];
  const inScope = minerals.filter(
    (m) =>
      /^yes/i.test(answer.get(`intentionally-added|${m}`) ?? "") &&
      !/^no$/i.test(answer.get(`remains-in-product|${m}`) ?? ""),
  );
  const programme: Record<string, string | null> = {};
  for (const a of companyBy.get(id) ?? []) {
    const k = str(a.meaning) ?? companyMeaning(template, version, String(a.question));
    if (!k) continue;
    if (programme[k] === undefined || /^yes/i.test(String(a.answer ?? ""))) programme[k] = str(a.answer);
  }
  const keys: string[] = [];
  const perMineral: Record<string, { rows: number; recycled: number }> = {};
  for (const r of rowsBy.get(id) ?? []) {
    const metal = String(r.metal ?? "").toLowerCase();
    const name = str(r.name);
    // Rows pasted as values carry a literal 0 in empty cells (DOMAIN A §5.1): not a smelter.
    if (!metal || !name || /^[\d\W]*$/.test(normalizeName(name))) continue;
    const key = smelterKey(str(r.cid), metal, name);
    keys.push(key);
    const seed = seeds.get(key) ?? { cid: str(r.cid), metal, name, recycled: [] };
    const recycled = /^yes/i.test(String(r.recycled_scrap ?? ""));
    seed.recycled.push(recycled);
    const count = (perMineral[metal] ??= { rows: 0, recycled: 0 });
    count.rows += 1;
    if (recycled) count.recycled += 1;
    seeds.set(key, seed);
  }
  return {
    declarationId: id,
    template: str(d.template) ?? "CMRT",
    effectiveDate: str(d.effective_date)?.slice(0, 10) ?? null,
    mineralsInScope: inScope,
    mineralsAnswered: minerals.filter((m) => /^(yes|no)\b/i.test(answer.get(`intentionally-added|${m}`) ?? "")),
    findings: { error: Number(d.error_count ?? 0), warning: Number(d.warning_count ?? 0) },
    programme,
    programmeTest: [...table.programme],
    origin: Object.fromEntries(
      inScope.map((m) => [
        m,
        { covered: at("covered-countries", m), cahra: at("cahra", m), recycled: at("recycled-scrap", m) },
      ]),
    ),
    smelterRows: perMineral,
    surveyCoverage: Object.fromEntries(inScope.map((m) => [m, answer.get(`response-share|${m}`) ?? null])),
    incompleteSmelterList: inScope.filter((m) =>
      ["all-smelters-identified", "all-info-reported"].some((c) => /^no$/i.test(answer.get(`${c}|${m}`) ?? "")),
    ),
    smelterKeys: [...new Set(keys)],
  };
}

/** Merges a supplier's current declarations: the first (CMRT-first order) leads and names the merge; lists and counts add up. */
export function mergeDeclarations(list: DeclarationFacts[]): DeclarationFacts | null {
  const [lead, ...rest] = list;
  if (!lead) return null;
  const merged = { ...lead, surveyCoverage: { ...lead.surveyCoverage }, findings: { ...lead.findings } };
  for (const d of rest) {
    merged.mineralsInScope = [...new Set([...merged.mineralsInScope, ...d.mineralsInScope])];
    if (merged.mineralsAnswered || d.mineralsAnswered)
      merged.mineralsAnswered = [...new Set([...(merged.mineralsAnswered ?? []), ...(d.mineralsAnswered ?? [])])];
    merged.incompleteSmelterList = [...new Set([...merged.incompleteSmelterList, ...d.incompleteSmelterList])];
    merged.smelterKeys = [...new Set([...merged.smelterKeys, ...d.smelterKeys])];
    merged.findings.error += d.findings.error;
    merged.findings.warning += d.findings.warning;
    for (const [m, a] of Object.entries(d.surveyCoverage))
      if (!(m in merged.surveyCoverage)) merged.surveyCoverage[m] = a;
    if (d.origin) merged.origin = { ...d.origin, ...merged.origin };
    if (d.smelterRows) merged.smelterRows = { ...d.smelterRows, ...merged.smelterRows };
  }
  return merged;
}
