import { stripCjkForms, stripLegalForms } from "./legal-forms.ts";
import { foldDiacritics, normalizeName } from "../text/normalize.ts";
import { hasCjk, transliterate } from "../text/transliterate.ts";

/** The comparable forms of one name. */
export interface NameKey {
  /** normalizeName of the transliterated name: the exact-alias key. */
  norm: string;
  /** Distinctive tokens: legal forms and stop words removed, abbreviations and word endings unified. */
  core: string[];
  /** core before stemming (typos are judged on the word as written). */
  raw: string[];
  /** core joined without spaces, for character-trigram similarity (handles split/joined words). */
  compact: string;
}

const WORD_FAMILIES: [RegExp, string][] = [
  [/^refin/, "refin"],
  [/^smelt/, "smelt"],
  [/^metallurg/, "metallurg"],
  [/^industr/, "industr"],
  [/^ind$/, "industr"],
  [/^technolog/, "tech"],
  [/^tech$/, "tech"],
  [/^internation|^internacion|^intl$/, "intl"],
  [/^chemi|^chem$/, "chem"],
  [/^materia/, "material"],
  [/^mfg$|^manufactur/, "mfg"],
  [/^mining$|^mines?$|^mineracao$|^mineria$/, "mine"],
  [/^metal(s|e|es|le)?$|^metais$|^metaux$/, "metal"],
  [/^non ?ferrous$/, "nonferrous"],
  [/^(hi|high) ?tech$/, "hitech"],
  [/^elec(tro)?$|^electronic/, "electronic"],
  [/^nickel$/, "nickel"],
  // Abbreviations suppliers type: Mng./Mfg./Mat./Ref./Prods/Dev.
  [/^mng$/, "mine"],
  [/^mats?$/, "material"],
  [/^ref$|^refin/, "refin"],
  [/^prods?$|^product/, "product"],
  [/^dev$|^develop/, "develop"],
  // The metal written as its symbol or in another language: Sn, W/Wolfram, Ta/Tantal, Au.
  [/^(tin|sn|zinn|estano|estanho|etain)$/, "tin"],
  [/^(tungsten|wolfram|w|wolframio|tungstene)$/, "tungsten"],
  [/^(tantalum|tantal|ta|tantale|tantalo)$/, "tantalum"],
  [/^(gold|au|oro|ouro)$/, "gold"],
];

/** Unifies abbreviations and word endings so "Refining"/"Refinery", "Metals"/"Metal" compare equal. */
export function stemToken(token: string): string {
  let stem = stems.get(token);
  if (stem === undefined) {
    if (stems.size > 100_000) stems.clear();
    stem = stemOf(token);
    stems.set(token, stem);
  }
  return stem;
}

// Suppliers and RMI lists reuse a small vocabulary: each word is stemmed once.
const stems = new Map<string, string>();

function stemOf(token: string): string {
  if (/^\d/.test(token)) return token;
  for (const [re, out] of WORD_FAMILIES) if (re.test(token)) return out;
  if (token.length > 4 && token.endsWith("ies")) return `${token.slice(0, -3)}y`;
  if (token.length > 4 && token.endsWith("s") && !token.endsWith("ss")) return token.slice(0, -1);
  return token;
}

/**
 * The one reduction of a company or smelter name, where every name comparison starts: diacritics folded,
 * Cyrillic transliterated (АО «Уралэлектромедь» → ao uralelektromed), then normalizeName.
 */
export function nameNorm(name: string): string {
  return normalizeName(transliterate(foldDiacritics(name)));
}

/** The tokens of nameNorm without legal forms and stop words (CJK legal suffixes too); all of them if nothing is left. */
export function nameCore(name: string): string[] {
  return coreOf(nameNorm(name));
}

function coreOf(norm: string): string[] {
  const { core } = stripLegalForms(norm === "" ? [] : norm.split(" "));
  return core.map((t) => (hasCjk(t) ? stripCjkForms(t) : t));
}

export function nameKey(name: string): NameKey {
  const norm = nameNorm(name);
  const raw = coreOf(norm);
  const stemmed = raw.map((t) => (hasCjk(t) ? t : stemToken(t)));
  return { norm, core: stemmed, raw, compact: stemmed.join("") };
}

/** Character trigrams of a compact string, padded so short names still yield grams. */
export function trigrams(compact: string): Set<string> {
  const s = `  ${compact} `;
  const out = new Set<string>();
  if (!/[\ud800-\udfff]/.test(s)) {
    // No surrogate pairs: UTF-16 units are characters.
    for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
    return out;
  }
  const chars = [...s];
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(""));
  return out;
}
