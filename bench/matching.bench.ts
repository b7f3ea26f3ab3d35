import { performance } from "node:perf_hooks";
import { Database } from "../src/db/database.ts";
import { buildEvalSet, type EvalCase } from "./matching-eval-set.ts";
import { identify, type Identification } from "../src/matching/identify.ts";
import type { MatchIndex } from "../src/matching/match-index.ts";
import { loadMatchIndex } from "../src/matching/match-session.ts";
import { ReferenceAlias, ReferenceFacility } from "../src/matching/reference-rows.ts";
import { nameKey } from "../src/rmi/name-key.ts";
import { loadShippedReference } from "../loaders/reference/shipped.ts";
import { markdownTable, type Bench } from "./harness.ts";

/** The analyst's dropdown: an exact (normalised) alias within the metal, nothing else. */
function exactAlias(index: MatchIndex, c: EvalCase): Identification {
  const cids = index.exact.get(`${c.metal}|${nameKey(c.name).norm}`);
  if (cids?.size !== 1) return { decision: "unmatched", matches: [], findings: [] };
  const cid = [...cids][0]!;
  return {
    decision: "matched",
    matches: [{ cid, name: "", metal: c.metal, country: null, score: 1, method: "alias" }],
    findings: [],
  };
}

export interface Quality {
  top1: number;
  wrongOnPositives: number;
  wrongOnNegatives: number;
  /** Negatives answered `ambiguous` (shown to the analyst, not assigned). */
  ambiguousOnNegatives: number;
  perSecond: number;
  misses: EvalCase[];
}

export function evaluate(cases: readonly EvalCase[], run: (c: EvalCase) => Identification): Quality {
  let pos = 0,
    hit = 0,
    wrongPos = 0,
    neg = 0,
    wrongNeg = 0,
    ambiguousNeg = 0;
  const misses: EvalCase[] = [];
  const t0 = performance.now();
  for (const c of cases) {
    const r = run(c);
    const top = r.decision === "matched" ? r.matches[0]?.cid : undefined;
    if (c.cid) {
      pos++;
      if (top === c.cid) hit++;
      else {
        misses.push(c);
        if (top) wrongPos++;
      }
    } else {
      neg++;
      if (r.decision === "ambiguous") ambiguousNeg++;
      if (top) {
        wrongNeg++;
        misses.push(c);
      }
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    top1: hit / pos,
    wrongOnPositives: wrongPos / pos,
    wrongOnNegatives: wrongNeg / neg,
    ambiguousOnNegatives: ambiguousNeg / neg,
    perSecond: cases.length / seconds,
    misses,
  };
}

export async function matchingFixture(): Promise<{
  index: MatchIndex;
  facilities: ReferenceFacility[];
  aliases: ReferenceAlias[];
}> {
  const db = await Database.open();
  try {
    await loadShippedReference(db);
    const index = await loadMatchIndex(db);
    const facilities = (
      await db.all(
        "SELECT metal, cid, standard_name, country, country_iso2 FROM current_ref_smelters ORDER BY metal, cid",
      )
    ).map((r) => ReferenceFacility.parse(r));
    const aliases = (
      await db.all("SELECT metal, cid, alias FROM current_ref_smelter_aliases ORDER BY metal, cid, alias")
    ).map((r) => ReferenceAlias.parse(r));
    return { index, facilities, aliases };
  } finally {
    db.close();
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

// Thresholds were tuned on seed 1; the table reports seed 2 (held out) next to it.
export const bench: Bench = async ({ quick }) => {
  const { index, facilities, aliases } = await matchingFixture();
  const rows: (string | number)[][] = [];
  const hardRows: (string | number)[][] = [];
  let speed = { assay: 0, baseline: 0 };
  for (const [seed, role] of [
    [1, "tuning"],
    [2, "held out"],
  ] as const) {
    const cases = buildEvalSet(facilities, aliases, seed, quick ? 400 : 2000);
    const ours = evaluate(cases, (c) => identify(index, c));
    const base = evaluate(cases, (c) => exactAlias(index, c));
    rows.push([
      `${seed} (${role})`,
      "exact alias (baseline)",
      pct(base.top1),
      pct(base.wrongOnPositives),
      pct(base.wrongOnNegatives),
    ]);
    rows.push([
      `${seed} (${role})`,
      "assay identify",
      pct(ours.top1),
      pct(ours.wrongOnPositives),
      pct(ours.wrongOnNegatives),
    ]);
    const hard = cases.filter((c) => c.perturbation === "hard-negative");
    const h = evaluate(hard, (c) => identify(index, c));
    hardRows.push([
      `${seed} (${role})`,
      hard.length,
      pct(h.wrongOnNegatives),
      pct(h.ambiguousOnNegatives),
      pct(1 - h.wrongOnNegatives - h.ambiguousOnNegatives),
    ]);
    if (process.env.ASSAY_BENCH_MISSES)
      for (const m of h.misses.slice(0, 20))
        console.error(
          seed,
          "hard",
          JSON.stringify(m.name),
          m.metal,
          JSON.stringify(identify(index, m).matches.slice(0, 2)),
        );
    if (seed === 2) speed = { assay: ours.perSecond, baseline: base.perSecond };
    if (process.env.ASSAY_BENCH_MISSES)
      for (const m of ours.misses.slice(0, 40))
        console.error(
          seed,
          m.perturbation,
          JSON.stringify(m.name),
          m.metal,
          m.cid,
          JSON.stringify(identify(index, m).matches.slice(0, 2)),
        );
  }
  const n = quick ? 400 : 2000;
  return {
    title: "Smelter identification quality",
    lines: [
      `${n} perturbed RMI names (case, punctuation, legal forms, typos, token swaps, country appended, diacritics) and ${n / 4 + n / 8} names that must stay unmatched per seed. Targets: top-1 ≥ 97%, wrong on negatives ≤ 2%.`,
      "",
      ...markdownTable(
        ["seed", "method", "top-1 on positives", "wrong match on positives", "wrong match on negatives"],
        rows,
      ),
      "",
      'Hard negatives (included above): a province or mining town from RMI names + the metal + a trader\'s business ("Jiangxi Tungsten Trading Co., Ltd.").',
      "",
      ...markdownTable(
        ["seed", "hard negatives", "wrong assignment", "ambiguous (analyst decides)", "unmatched"],
        hardRows,
      ),
      "",
      `Throughput: ${Math.round(speed.assay).toLocaleString("en")} queries/s for identify, ${(speed.baseline / speed.assay).toFixed(0)}× slower than a plain alias lookup (${Math.round(speed.baseline).toLocaleString("en")} queries/s), one index built once.`,
    ],
  };
};
