import { findCid, normalizeCid, normalizeLegacyId } from "../rmi/identifiers.ts";
import { normalizeMetal } from "../rmi/minerals.ts";
import { countryToIso2 } from "../text/countries.ts";
import { cleanText } from "../text/normalize.ts";
import { facilityKey, weightTokens, type AliasEntry, type MatchIndex } from "./match-index.ts";
import { nameKey, trigrams, type NameKey } from "../rmi/name-key.ts";
import type { Candidate, Decision, MatchFinding, MatchMethod } from "./identification-schema.ts";
import { tokenSimilarity, weightedOverlap, type WeightedToken } from "./similarity.ts";

export type { Candidate, Decision, MatchFinding, MatchMethod } from "./identification-schema.ts";

export interface Identification {
  decision: Decision;
  /** Best first; the first is the match when decision = matched. */
  matches: Candidate[];
  findings: MatchFinding[];
}

export interface IdentifyInput {
  name?: string | null;
  metal?: string | null;
  country?: string | null;
  /** What the row gives as smelter ID: a CID or a legacy ID (any spelling). */
  id?: string | null;
}

/** Thresholds of the decision; defaults were tuned on the bench's tuning seed (docs/matching.md). */
export interface MatchOptions {
  matchThreshold: number;
  ambiguousThreshold: number;
  /** A match needs this lead over the best other facility. */
  margin: number;
  countryAgree: number;
  countryContradict: number;
  /** Below this name score a CID row's name "contradicts" its facility. */
  nameContradiction: number;
  maxMatches: number;
  /** Fuzzy scores of facilities no current list names (removed, or only in older vintages) drop by this much. */
  notListedPenalty: number;
}
export const MATCH_DEFAULTS: Readonly<MatchOptions> = Object.freeze({
  matchThreshold: 0.8,
  ambiguousThreshold: 0.55,
  margin: 0.06,
  countryAgree: 0.05,
  countryContradict: 0.15,
  nameContradiction: 0.45,
  maxMatches: 5,
  notListedPenalty: 0.03,
});
const DEFAULTS: MatchOptions = MATCH_DEFAULTS;

const PLACEHOLDER =
  /^(smelter not (yet )?(listed|identified)|not (yet )?(listed|identified)|unknown|n ?a|none|nil|tbd|tba|0|various|multiple|other|others|recycled|scrap|recycled ?(or|and|\/)? ?scrap|see (comment|attached|list).*|-+|\?+)$/i;

function candidate(index: MatchIndex, metal: string, cid: string, score: number, method: MatchMethod): Candidate {
  const f = index.facilities.get(facilityKey(metal, cid))!;
  const st = index.standing.get(facilityKey(metal, cid));
  return {
    cid,
    name: f.standard_name,
    metal,
    country: f.country,
    score: Math.round(score * 1000) / 1000,
    method,
    status: st?.status ?? "listed",
    listedIn: st?.listedIn ?? null,
    changes: st?.changes ?? [],
  };
}

const listed = (c: Candidate) =>
  c.listedIn ? `${c.listedIn.list}${c.listedIn.vintage ? ` (${c.listedIn.vintage})` : ""}` : "an older list";

/** What a match to a removed or no longer listed facility must say. */
function standingFindings(index: MatchIndex, c: Candidate, viaCid: boolean): MatchFinding[] {
  const st = index.standing.get(facilityKey(c.metal, c.cid));
  if (!st || st.status === "listed") return [];
  if (st.status === "removed") {
    const r = index.removed.get(c.cid);
    const succ = st.successors.length ? `; RMI points to ${st.successors.join(", ")}` : "";
    return [
      {
        severity: viaCid ? "error" : "warning",
        code: viaCid ? "cid-removed" : "facility-removed",
        message: `${c.cid} ${c.name} was removed from the RMI list${r?.revision_date ? ` on ${r.revision_date}` : ""}${r?.details ? `: ${r.details}` : ""}${succ}`,
      },
    ];
  }
  return [
    {
      severity: viaCid ? "warning" : "info",
      code: viaCid ? "cid-historical" : "facility-historical",
      message: `${c.cid} ${c.name} is not in the current RMI lists; last listed in ${listed(c)}`,
    },
  ];
}

/** Name score of a query against one alias; the query may carry a country in its name ("Thaisarco Thailand"). */
function aliasScore(q: readonly WeightedToken[], qGrams: QueryGrams, e: AliasEntry, shared: number): number {
  const tokens = weightedOverlap(q, e.tokens);
  // Character-trigram Dice; `shared` is the trigrams both have when the candidate step counted them (else -1).
  const both = shared < 0 ? sharedCount(qGrams.ids, e.grams) : shared;
  const total = qGrams.size + e.grams.length;
  const chars = qGrams.size === 0 || e.grams.length === 0 ? 0 : (2 * both) / total;
  return Math.max(tokens, 0.55 * tokens + 0.45 * chars);
}

// Words naming a trade rather than a plant: a query that adds one to a smelter's name is another company
// ("Lingbao Gold Trading Co." is not "Lingbao Gold Co."), so such a match is left to the analyst (ambiguous).
const TRADE_WORDS = new Set([
  "trading",
  "trade",
  "trader",
  "import",
  "export",
  "imp",
  "exp",
  "logistics",
  "hardware",
  "jewelry",
  "jewellery",
  "supply",
  "sales",
  "distribution",
  "distributor",
  "tools",
  "wire",
]);
function addsTradeWord(query: NameKey, e: AliasEntry): boolean {
  return query.raw.some((t) => TRADE_WORDS.has(t) && !e.key.raw.includes(t));
}

/**
 * A distinctive word no RMI name uses and that resembles nothing in the candidate ("Shandong Zhenlian Gold
 * Smelter" against "Shandong Gold Smelting") names another company: left to the analyst, never assigned.
 */
function addsUnknownWord(index: MatchIndex, q: readonly WeightedToken[], e: AliasEntry): boolean {
  return q.some(
    (t) =>
      /^[a-z]{4,}$/.test(t.raw) &&
      !index.idf.has(t.stem) &&
      !countryToIso2(t.raw) &&
      !e.tokens.some((c) => tokenSimilarity(t.stem, c.stem) > 0 || tokenSimilarity(t.raw, c.raw) > 0),
  );
}

/** A query's character trigrams: how many, and the ids of those the index knows (ascending). */
interface QueryGrams {
  size: number;
  ids: number[];
}

function queryGrams(index: MatchIndex, compact: string): QueryGrams {
  const grams = trigrams(compact);
  const ids: number[] = [];
  for (const g of grams) {
    const id = index.gramIds.get(g);
    if (id !== undefined) ids.push(id);
  }
  return { size: grams.size, ids: ids.sort((a, b) => a - b) };
}

/** Elements two ascending id lists share. */
function sharedCount(a: readonly number[], b: readonly number[]): number {
  let i = 0,
    j = 0,
    n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else n++, i++, j++;
  }
  return n;
}

interface Scored {
  metal: string;
  cid: string;
  score: number;
}

/** Best score per facility for a name, within the given metals, with country as evidence. */
export function scoreName(
  index: MatchIndex,
  name: string,
  metals: readonly string[],
  iso: string | null,
  opts: MatchOptions = DEFAULTS,
  /** nameKey(name), when the caller has it already. */
  key: NameKey = nameKey(name),
): Scored[] {
  const variants = queryVariants(name, key);
  const best = new Map<string, Scored>();
  for (const v of variants) {
    const tokens = weightTokens(v.key, index.idf, index.maxIdf);
    const grams = queryGrams(index, v.key.compact);
    const evidence = iso ?? v.iso;
    for (const metal of metals) {
      const found = candidates(index, metal, grams);
      for (let c = 0; c < found.entries.length; c++) {
        const e = found.entries[c]!;
        let s = aliasScore(tokens, grams, e, found.shared ? found.shared[c]! : -1);
        if (s < 0.3) continue;
        const fk = facilityKey(metal, e.cid);
        const fIso = index.facilities.get(fk)?.country_iso2 ?? null;
        if (evidence && fIso) s = evidence === fIso ? Math.min(1, s + opts.countryAgree) : s - opts.countryContradict;
        if (s >= opts.matchThreshold && (addsTradeWord(v.key, e) || addsUnknownWord(index, tokens, e)))
          s = opts.matchThreshold - 0.01;
        // RMI removed this ID as an alias of one other facility ("Alias to CID000760"): the name is that facility's.
        const st = index.standing.get(fk);
        const successor =
          st?.status === "removed" &&
          st.successors.length === 1 &&
          index.facilities.has(facilityKey(metal, st.successors[0]!))
            ? st.successors[0]!
            : null;
        const cid = successor ?? e.cid;
        // Between similar names, a facility a current list names is preferred to one only older vintages name.
        if (!successor && st && st.status !== "listed") s -= opts.notListedPenalty;
        const k = successor ? facilityKey(metal, cid) : fk;
        if (s > (best.get(k)?.score ?? -1)) best.set(k, { metal, cid, score: s });
      }
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.cid.localeCompare(b.cid));
}

const MAX_CANDIDATES = 60;
let counts = new Int32Array(1024);
let ratios = new Float64Array(1024);

/**
 * Entries worth scoring: those sharing enough character trigrams with the query, or a whole token (CJK names and
 * very short names share few trigrams). Keeps the fuzzy step to a few dozen full comparisons per query. With the
 * entries, the number of trigrams each shares with the query (null when every entry of the metal is returned).
 */
function candidates(
  index: MatchIndex,
  metal: string,
  grams: QueryGrams,
): { entries: AliasEntry[]; shared: number[] | null } {
  const entries = index.entriesByMetal.get(metal) ?? [];
  const gramIndex = index.gramIndex.get(metal);
  if (!gramIndex || entries.length <= MAX_CANDIDATES) return { entries, shared: null };
  if (counts.length < entries.length) counts = new Int32Array(entries.length);
  const touched: number[] = [];
  for (const g of grams.ids) {
    const at = gramIndex[g];
    if (!at) continue;
    for (const i of at) {
      if (counts[i] === 0) touched.push(i);
      counts[i] = counts[i]! + 1;
    }
  }
  if (ratios.length < entries.length) ratios = new Float64Array(entries.length);
  const kept: number[] = [];
  for (const i of touched) {
    const n = counts[i]!;
    const r = n / Math.min(grams.size, entries[i]!.grams.length);
    if (r >= 0.2) {
      kept.push(i);
      ratios[i] = r;
    }
  }
  // Stable: equal ratios keep the order the trigrams found them in.
  kept.sort((a, b) => ratios[b]! - ratios[a]!);
  const top = kept.length > MAX_CANDIDATES ? kept.slice(0, MAX_CANDIDATES) : kept;
  const out = { entries: top.map((i) => entries[i]!), shared: top.map((i) => counts[i]!) };
  for (const i of touched) counts[i] = 0;
  return out;
}

// The same trailing words come back in query after query ("Co., Ltd.", "China"): each is looked up once.
const tails = new Map<string, string | null>();
function tailCountry(tail: string): string | null {
  let iso = tails.get(tail);
  if (iso === undefined) {
    if (tails.size > 100_000) tails.clear();
    iso = countryToIso2(tail);
    tails.set(tail, iso);
  }
  return iso;
}

/** The name as typed, and without a trailing or bracketed country ("…, China", "… (Thailand)") used as evidence. */
function queryVariants(name: string, key: NameKey): { key: NameKey; iso: string | null }[] {
  const out = [{ key, iso: null as string | null }];
  const bracket = /^(.*?)[\s,;-]*[([]\s*([^()[\]]+?)\s*[)\]]\s*$/.exec(name);
  if (bracket && countryToIso2(bracket[2]!)) out.push({ key: nameKey(bracket[1]!), iso: countryToIso2(bracket[2]!) });
  const words = name.trim().split(/[\s,;]+/);
  // Up to eight words: "…, United Kingdom of Great Britain and Northern Ireland".
  for (let n = Math.min(8, words.length - 1); n >= 1; n--) {
    const tail = words.slice(-n).join(" ");
    if (/[([]/.test(tail)) continue;
    const iso = tailCountry(tail);
    if (iso) {
      out.push({ key: nameKey(words.slice(0, -n).join(" ")), iso });
      break;
    }
  }
  return out.filter((v) => v.key.core.length > 0);
}

function decide(scored: Scored[], index: MatchIndex, method: MatchMethod, opts: MatchOptions): Identification {
  const matches = scored
    .slice(0, opts.maxMatches)
    .map((s) => candidate(index, s.metal, s.cid, Math.max(0, s.score), method));
  const top = scored[0];
  if (!top || top.score < opts.ambiguousThreshold)
    return {
      decision: "unmatched",
      matches: matches.filter((m) => m.score >= opts.ambiguousThreshold * 0.8),
      findings: [],
    };
  // A name an older vintage gave another, no longer listed facility does not make a listed one's match close.
  const listed = (s: Scored) => (index.standing.get(facilityKey(s.metal, s.cid))?.status ?? "listed") === "listed";
  const runnerUp = scored.find((s) => s.cid !== top.cid && (!listed(top) || listed(s)));
  const clear = !runnerUp || top.score - runnerUp.score >= opts.margin;
  return { decision: top.score >= opts.matchThreshold && clear ? "matched" : "ambiguous", matches, findings: [] };
}

/**
 * Identifies one reported smelter: exact CID (for this metal), legacy ID, exact alias within the metal, then fuzzy
 * name within the metal with the country as evidence. Never guesses: weak or close calls are `ambiguous`/`unmatched`.
 */
export function identify(index: MatchIndex, input: IdentifyInput, options: Partial<MatchOptions> = {}): Identification {
  const opts = { ...DEFAULTS, ...options };
  const name = cleanText(input.name ?? null);
  const metal = normalizeMetal(input.metal ?? null);
  const iso = countryToIso2(input.country ?? null);
  const metals = metal ? [metal] : [...index.entriesByMetal.keys()];
  const findings: MatchFinding[] = [];
  const rawId = cleanText(input.id ?? null) ?? (name && (normalizeCid(name) || normalizeLegacyId(name)) ? name : null);
  let cid = normalizeCid(rawId) ?? (input.id ? findCid(input.id) : null);
  let method: MatchMethod = "cid";
  const legacyId = cid ? null : normalizeLegacyId(rawId);
  if (legacyId) {
    const row = index.legacy.get(legacyId);
    if (row) {
      cid = row.cid;
      method = "legacy-id";
      findings.push({
        severity: "info",
        code: "legacy-id",
        message: `legacy smelter ID ${legacyId} is ${row.cid} since 2014`,
      });
    } else
      findings.push({
        severity: "warning",
        code: "legacy-id-unknown",
        message: `legacy smelter ID ${legacyId} is not in the 2014 translation`,
      });
  }
  const nameOnly = name && name !== rawId ? name : null;

  if (cid) {
    const cidMetals = index.metalsByCid.get(cid) ?? [];
    const hit = metal ? (cidMetals.includes(metal) ? metal : null) : (cidMetals[0] ?? null);
    if (hit) {
      const f = index.facilities.get(facilityKey(hit, cid))!;
      let confidence = method === "cid" ? 1 : 0.97;
      if (nameOnly && !PLACEHOLDER.test(nameOnly)) {
        const own = scoreName(index, nameOnly, [hit], null, opts).find((s) => s.cid === cid)?.score ?? 0;
        if (own < opts.nameContradiction) {
          const other = identify(index, { name: nameOnly, metal: hit, country: input.country }, options);
          const alt = other.decision === "matched" ? other.matches[0] : undefined;
          findings.push({
            severity: "warning",
            code: "cid-name-mismatch",
            message: `${cid} is ${f.standard_name}, but the row names ${JSON.stringify(nameOnly)}${alt && alt.cid !== cid ? ` (which matches ${alt.cid} ${alt.name})` : ""}`,
          });
          confidence = 0.6;
        }
      }
      if (iso && f.country_iso2 && iso !== f.country_iso2) {
        findings.push({
          severity: "warning",
          code: "cid-country-mismatch",
          message: `${cid} ${f.standard_name} is in ${f.country}, but the row says ${input.country}`,
        });
        confidence = Math.min(confidence, 0.7);
      }
      const match = candidate(index, hit, cid, confidence, method);
      return {
        decision: "matched",
        matches: [match],
        findings: [...findings, ...standingFindings(index, match, true)],
      };
    }
    if (cidMetals.length > 0) {
      findings.push({
        severity: "error",
        code: "cid-wrong-metal",
        message: `${cid} is a ${cidMetals.join("/")} facility, not ${metal}`,
      });
    } else if (method === "cid") {
      findings.push({ severity: "error", code: "cid-unknown", message: `${cid} is not in the loaded RMI reference` });
    }
  }

  if (!nameOnly) return { decision: "unmatched", matches: [], findings };
  if (PLACEHOLDER.test(nameOnly.trim())) {
    findings.push({
      severity: "info",
      code: "name-placeholder",
      message: `${JSON.stringify(nameOnly)} names no facility`,
    });
    return { decision: "unmatched", matches: [], findings };
  }
  const key = nameKey(nameOnly);
  const exact: Candidate[] = [];
  for (const m of metals)
    for (const c of index.exact.get(`${m}|${key.norm}`) ?? []) exact.push(candidate(index, m, c, 1, "alias"));
  if (exact.length > 0) {
    // A name an older vintage gave one facility and a current list gives another: the current list decides.
    const current = exact.filter((c) => c.status === "listed");
    const pool = current.length > 0 && current.length < exact.length ? current : exact;
    const distinct = new Set(pool.map((c) => c.cid));
    const decision = distinct.size === 1 ? "matched" : "ambiguous";
    return {
      decision,
      matches: pool.slice(0, opts.maxMatches),
      findings: [...findings, ...(decision === "matched" ? standingFindings(index, pool[0]!, false) : [])],
    };
  }
  const result = decide(scoreName(index, nameOnly, metals, iso, opts, key), index, "fuzzy", opts);
  const top = result.decision === "matched" ? result.matches[0] : undefined;
  return {
    ...result,
    findings: [...findings, ...result.findings, ...(top ? standingFindings(index, top, false) : [])],
  };
}
