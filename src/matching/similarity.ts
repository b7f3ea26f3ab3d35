import { editDistance } from "../text/edit-distance.ts";
import { hasCjk } from "../text/transliterate.ts";

function bigramDice(a: string, b: string): number {
  const grams = (s: string) => {
    const c = [...s];
    const out: string[] = [];
    for (let i = 0; i + 2 <= c.length; i++) out.push(c[i]! + c[i + 1]!);
    return out.length ? out : c;
  };
  const ga = grams(a);
  const gb = new Map<string, number>();
  for (const g of grams(b)) gb.set(g, (gb.get(g) ?? 0) + 1);
  let hit = 0;
  for (const g of ga) {
    const n = gb.get(g) ?? 0;
    if (n > 0) {
      hit++;
      gb.set(g, n - 1);
    }
  }
  return (2 * hit) / (ga.length + grams(b).length);
}

/**
 * Similarity of two tokens in [0, 1]: 1 when equal; for words, 1 − edits/length when at most one edit per
 * four letters (typos), 0.85 for an abbreviation that is a prefix of at least 4 letters; numbers must be equal;
 * CJK tokens compare by character bigrams.
 */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (/^\d+$/.test(a) || /^\d+$/.test(b)) return 0;
  if (hasCjk(a) || hasCjk(b)) {
    const d = bigramDice(a, b);
    return d >= 0.5 ? d : 0;
  }
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  if (short.length >= 4 && long.startsWith(short)) return 0.85;
  const max = Math.floor(long.length / 4);
  // At least as many edits as the lengths differ.
  if (max === 0 || long.length - short.length > max) return 0;
  const d = editDistance(a, b, max);
  return d > max ? 0 : 1 - d / long.length;
}

/** A token as compared: its stem, the word as written and its IDF weight. */
export interface WeightedToken {
  stem: string;
  raw: string;
  weight: number;
}

// Token pairs recur across candidates and queries (a batch names the same words again and again).
const pairCache = new Map<string, Map<string, number>>();
let cached = 0;
function cachedSimilarity(a: string, b: string): number {
  let row = pairCache.get(a);
  if (!row) pairCache.set(a, (row = new Map()));
  let v = row.get(b);
  if (v === undefined) {
    if (++cached > 500_000) {
      pairCache.clear();
      cached = 0;
    }
    v = tokenSimilarity(a, b);
    row.set(b, v);
  }
  return v;
}

function pairSimilarity(a: WeightedToken, b: WeightedToken): number {
  if (a.stem === b.stem) return 1;
  return Math.max(
    cachedSimilarity(a.stem, b.stem),
    a.raw === a.stem && b.raw === b.stem ? 0 : cachedSimilarity(a.raw, b.raw),
  );
}

// Per-token best similarities, reused across calls (names have a handful of tokens).
let bestQ = new Float64Array(16);
let bestC = new Float64Array(16);

/**
 * IDF-weighted soft token overlap: each side's tokens are matched to their most similar token on the other side;
 * returns the harmonic mean of the two covered weight fractions (a soft F1).
 */
export function weightedOverlap(q: readonly WeightedToken[], c: readonly WeightedToken[]): number {
  if (q.length === 0 || c.length === 0) return 0;
  if (bestQ.length < q.length) bestQ = new Float64Array(q.length * 2);
  if (bestC.length < c.length) bestC = new Float64Array(c.length * 2);
  bestQ.fill(0, 0, q.length);
  bestC.fill(0, 0, c.length);
  for (let i = 0; i < q.length; i++) {
    for (let j = 0; j < c.length; j++) {
      const s = pairSimilarity(q[i]!, c[j]!);
      if (s > bestQ[i]!) bestQ[i] = s;
      if (s > bestC[j]!) bestC[j] = s;
    }
  }
  let qa = 0,
    qt = 0,
    ca = 0,
    ct = 0;
  for (let i = 0; i < q.length; i++) {
    qa += q[i]!.weight * bestQ[i]!;
    qt += q[i]!.weight;
  }
  for (let j = 0; j < c.length; j++) {
    ca += c[j]!.weight * bestC[j]!;
    ct += c[j]!.weight;
  }
  const p = qa / qt;
  const r = ca / ct;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}
