import { tokenSimilarity, type ScreeningName } from "./screening-name.ts";

export interface NameComparison {
  /** Weighted Dice similarity of the two token sets, 0–1, after the caps below. */
  score: number;
  pairs: { query: string; listed: string; similarity: number }[];
  /** Why the score was capped, if it was. */
  capped: string | null;
}

type Kind = "distinctive" | "descriptor" | "generic";
interface Tok {
  t: string;
  kind: Kind;
  w: number;
}

const KIND_WEIGHT = { descriptor: 0.6, generic: 0.25 } as const;
/** A name that matches on one short word only ("Alpha", "Luna", "MSC") is never more than a weak lead; one long word spelled differently is at most a review. */
const SHORT_SINGLE = 7;
const LONG_SINGLE = 10;
const MIN_COVERAGE = 0.6;

function tokens(n: ScreeningName, weight: (t: string) => number): Tok[] {
  return [
    ...n.distinctive.map((t) => ({ t, kind: "distinctive" as const, w: weight(t) })),
    ...n.descriptor.map((t) => ({ t, kind: "descriptor" as const, w: KIND_WEIGHT.descriptor })),
    ...n.generic.map((t) => ({ t, kind: "generic" as const, w: KIND_WEIGHT.generic })),
  ];
}

/**
 * Compares a query name with a listed name, order-free: each query token pairs with its most similar listed
 * token (transliteration folds and short endings count as near matches). Caps: no distinctive token in
 * common → 0; a single short word in common → 0.5; a single word spelled differently → 0.75 (0.85 from ten letters); less than 60% of either side's distinctive weight
 * matched → 0.6.
 */
export function compareNames(
  query: ScreeningName,
  listed: ScreeningName,
  weight: (t: string) => number,
): NameComparison {
  const q = tokens(query, weight);
  const l = tokens(listed, weight);
  const used = new Set<number>();
  const pairs: NameComparison["pairs"] = [];
  let matched = 0;
  let matchedDistinctive = { q: 0, l: 0 };
  const content: { t: string; similarity: number }[] = [];
  for (const a of [...q].sort((x, y) => y.w - x.w)) {
    let best = -1;
    let bestSim = 0;
    l.forEach((b, j) => {
      if (used.has(j) || (a.kind === "generic") !== (b.kind === "generic")) return;
      const s = tokenSimilarity(a.t, b.t);
      if (s > bestSim) [best, bestSim] = [j, s];
    });
    if (best < 0) continue;
    const b = l[best]!;
    used.add(best);
    matched += (a.w + b.w) * bestSim;
    pairs.push({ query: a.t, listed: b.t, similarity: bestSim });
    if (a.kind === "distinctive" && b.kind === "distinctive") {
      matchedDistinctive = { q: matchedDistinctive.q + a.w * bestSim, l: matchedDistinctive.l + b.w * bestSim };
    }
    if (a.kind !== "generic") content.push({ t: a.t.length <= b.t.length ? a.t : b.t, similarity: bestSim });
  }
  const total = q.reduce((s, t) => s + t.w, 0) + l.reduce((s, t) => s + t.w, 0);
  let score = total === 0 ? 0 : matched / total;
  let capped: string | null = null;
  const dq = q.filter((t) => t.kind === "distinctive").reduce((s, t) => s + t.w, 0);
  const dl = l.filter((t) => t.kind === "distinctive").reduce((s, t) => s + t.w, 0);
  if (matchedDistinctive.q === 0) {
    score = 0;
    capped = "no distinctive word in common";
  } else if (content.length === 1 && content[0]!.t.length < SHORT_SINGLE) {
    if (score > 0.5) capped = `only one short word in common (${content[0]!.t})`;
    score = Math.min(score, 0.5);
  } else if (
    content.length === 1 &&
    (q.filter((t) => t.kind === "distinctive").length > 1 || l.filter((t) => t.kind === "distinctive").length > 1)
  ) {
    if (score > 0.6) capped = `one word in common (${content[0]!.t}) while other distinctive words differ`;
    score = Math.min(score, 0.6);
  } else if (content.length === 1 && content[0]!.similarity < 1) {
    // A long transliterated name one or two letters off (Krastvetmet ↔ Krastsvetmet) needs the country to be a hit.
    const cap = content[0]!.t.length >= LONG_SINGLE ? 0.85 : 0.75;
    if (score > cap) capped = `only one word in common, spelled differently (${content[0]!.t})`;
    score = Math.min(score, cap);
  } else if (Math.min(matchedDistinctive.q / dq, matchedDistinctive.l / dl) < MIN_COVERAGE) {
    if (score > 0.6) capped = "most distinctive words differ";
    score = Math.min(score, 0.6);
  }
  return { score, pairs, capped };
}
