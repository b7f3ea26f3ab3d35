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

const WORD = 0;
const DIGITS = 1;
const CJK = 2;
const kindOf = (t: string) => (/^\d+$/.test(t) ? DIGITS : hasCjk(t) ? CJK : WORD);

function similarityOf(a: string, ka: number, b: string, kb: number): number {
  if (a === b) return 1;
  if (ka === DIGITS || kb === DIGITS) return 0;
  if (ka === CJK || kb === CJK) {
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

/**
 * Similarity of two tokens in [0, 1]: 1 when equal; for words, 1 − edits/length when at most one edit per
 * four letters (typos), 0.85 for an abbreviation that is a prefix of at least 4 letters; numbers must be equal;
 * CJK tokens compare by character bigrams.
 */
export function tokenSimilarity(a: string, b: string): number {
  return similarityOf(a, kindOf(a), b, kindOf(b));
}

// Every token compared gets an id once, with its kind: similarities are cached per id pair. The table grows with
// the distinct words of a session (a few per query), not with the number of comparisons.
const ids = new Map<string, number>();
const texts: string[] = [];
const kinds: number[] = [];

/** The id of a token (the same string, the same id, for the life of the process). */
export function tokenId(t: string): number {
  let id = ids.get(t);
  if (id === undefined) {
    id = texts.length;
    ids.set(t, id);
    texts.push(t);
    kinds.push(kindOf(t));
  }
  return id;
}

/** A token as compared: its stem, the word as written and its IDF weight, with the ids of stem and word. */
export interface WeightedToken {
  stem: string;
  raw: string;
  weight: number;
  stemId: number;
  rawId: number;
}

// Token pairs recur across candidates and queries (a batch names the same words again and again).
let rows: (Map<number, number> | undefined)[] = [];
let cached = 0;
function cachedSimilarity(a: number, b: number): number {
  let row = rows[a];
  if (!row) rows[a] = row = new Map();
  let v = row.get(b);
  if (v === undefined) {
    if (++cached > 500_000) {
      rows = [];
      rows[a] = row = new Map();
      cached = 0;
    }
    v = similarityOf(texts[a]!, kinds[a]!, texts[b]!, kinds[b]!);
    row.set(b, v);
  }
  return v;
}

function pairSimilarity(a: WeightedToken, b: WeightedToken): number {
  if (a.stemId === b.stemId) return 1;
  return Math.max(
    cachedSimilarity(a.stemId, b.stemId),
    a.rawId === a.stemId && b.rawId === b.stemId ? 0 : cachedSimilarity(a.rawId, b.rawId),
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
