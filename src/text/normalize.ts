/** Whitespace that suppliers paste: tabs, CR/LF, NBSP, ideographic space (U+3000), zero-width characters. */
const SPACE_RUN = /[\s\u00a0\u2000-\u200b\u2028\u2029\u3000\ufeff]+/g;

/** Trims and collapses every kind of whitespace to one ASCII space; returns null for empty text. */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const out = value.replace(SPACE_RUN, " ").trim();
  return out === "" ? null : out;
}

/** Removes diacritics (Hütten → Hutten) and folds full-width forms to ASCII (ＡＢＣ → ABC). */
export function foldDiacritics(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[Øø]/g, "o")
    .replace(/[Łł]/g, "l")
    .replace(/[Ææ]/g, "ae");
}

/** Lower-case, diacritic-free, punctuation-free, single-spaced form of a name for comparison. */
export function normalizeName(value: string): string {
  return foldDiacritics(value)
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The tokens of normalizeName(value). */
export function nameTokens(value: string): string[] {
  const n = normalizeName(value);
  return n === "" ? [] : n.split(" ");
}
