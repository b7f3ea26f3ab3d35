import { countryToIso2 } from "../text/countries.ts";
import { editDistance } from "../text/edit-distance.ts";
import { nameNorm } from "../rmi/name-key.ts";
import {
  ABBREVIATIONS,
  DESCRIPTOR_TOKENS,
  GENERIC_TOKENS,
  LEGAL_PHRASES,
  LEGAL_TOKENS,
  STOP_TOKENS,
} from "./legal-forms.ts";

export interface ScreeningName {
  /** The spelling this was made from. */
  original: string;
  /** Folded tokens that identify the party. */
  distinctive: string[];
  /** Folded metal and mineral words (gold, zinc, …). */
  descriptor: string[];
  /** Folded generic tokens (metal, refinery, plant, …). */
  generic: string[];
  /** Legal forms removed, for reasons ("JSC", "aktsionernoe obshchestvo"). */
  legalForms: string[];
}

const FOLDS: readonly [RegExp, string][] = [
  [/shch|sch/g, "sh"],
  [/ck/g, "k"],
  [/ch/g, "\u0001"],
  [/c/g, "k"],
  [/\u0001/g, "ch"],
  [/kh/g, "h"],
  [/ph/g, "f"],
  [/w/g, "v"],
  [/q/g, "k"],
  [/x/g, "ks"],
  [/(?<=[a-z])(yo|jo|ye|ie)/g, "e"],
  [/^(yo|jo|ye)/, "e"],
  [/j/g, "i"],
  [/y/g, "i"],
  [/(.)\1+/g, "$1"],
];

/**
 * Folds one token so that common transliteration variants coincide: c/k (Uralelectromed ↔ Uralelektromed),
 * shch/sch, kh/h, y/i/ij endings (Solikamskii ↔ Solikamsky), ye/yo/e (Yekaterinburg ↔ Ekaterinburg), w/v, doubled letters.
 */
export function foldToken(token: string): string {
  let t = token;
  for (const [re, to] of FOLDS) t = t.replace(re, to);
  return t;
}

/**
 * The spellings to screen for one name: the name itself and without its brackets; with `bracketed`, also a
 * bracketed short name ("… (OJSC Krastsvetmet)") unless it is a country ("(Hong Kong)", "(Singapore)").
 */
export function nameVariants(name: string, bracketed = true): string[] {
  const out = new Set<string>([name]);
  const bare = name
    .replace(/\([^)]*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (bare !== "" && bare !== name) out.add(bare);
  if (bracketed) {
    for (const m of name.matchAll(/\(([^)]+)\)/g)) {
      const inner = m[1]!.trim();
      if (inner.length > 0 && countryToIso2(inner) === null) out.add(inner);
    }
  }
  return [...out];
}

// Long and short forms of state names that listed parties carry ("Central Bank of the DPR of Korea").
const STATE_NAMES: readonly [RegExp, string][] = [
  [/ (democratic peoples? republic|d ?p ?r) of korea /g, " dprk "],
  [/ democratic republic of (the )?congo /g, " drc "],
];

/**
 * Splits a name into legal forms (dropped), generic and distinctive folded tokens. A variant of src/rmi's nameNorm
 * (the same reduction identification uses): screening additionally shortens state names, records the legal forms
 * it drops (for reasons), joins initials and folds transliteration variants (foldToken).
 */
export function screeningName(name: string): ScreeningName {
  let text = ` ${nameNorm(name)} `;
  for (const [re, to] of STATE_NAMES) text = text.replace(re, to);
  const legalForms: string[] = [];
  for (const re of LEGAL_PHRASES) {
    text = text.replace(re, (m) => {
      legalForms.push(m.trim());
      return " ";
    });
  }
  // Initials written with dots or spaces ("T.C.A", "E.K.T.") become one token, as "TCA" and "EKT".
  text = text.replace(/(?:\b\p{L}\b ?){2,}/gu, (m) => ` ${m.replace(/ /g, "")} `);
  const distinctive: string[] = [];
  const descriptor: string[] = [];
  const generic: string[] = [];
  for (const raw of text.split(" ")) {
    if (raw === "" || STOP_TOKENS.has(raw)) continue;
    if (LEGAL_TOKENS.has(raw)) {
      legalForms.push(raw);
      continue;
    }
    const word = ABBREVIATIONS[raw] ?? raw;
    const folded = foldToken(word);
    if (DESCRIPTOR_TOKENS.has(word)) descriptor.push(folded);
    else if (GENERIC_TOKENS.has(word)) generic.push(folded);
    else distinctive.push(folded);
  }
  return {
    original: name,
    distinctive: [...new Set(distinctive)],
    descriptor: [...new Set(descriptor)],
    generic: [...new Set(generic)],
    legalForms,
  };
}

/**
 * Similarity of two folded tokens: 1 equal; 0.9 when one is the other plus a short ending (Solikamsk ↔ Solikamskii);
 * 0.85/0.8 for one/two edits on long tokens; else 0.
 */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (s.length >= 5 && l.startsWith(s) && l.length - s.length <= 3) return 0.9;
  if (s.length >= 6 && editDistance(s, l, 1) <= 1) return 0.85;
  if (s.length >= 10 && editDistance(s, l, 2) <= 2) return 0.8;
  return 0;
}
