// OWASP "CSV injection": a cell whose text starts with one of these may be run as a formula when the file is opened or
// re-saved. Full-width ＝＋－＠ are folded to ASCII by some spreadsheet apps (and by NFKC), so they count too.
// pages/components/csv.js mirrors this set for browser downloads (Framework cannot import outside its root);
// test/text/neutralize.test.ts holds the two to the same answers.
const TRIGGER = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** True when a spreadsheet could take the text for a formula (it starts with a trigger, full-width ones included). */
export function startsLikeFormula(text: string): boolean {
  return TRIGGER.test(text);
}

/** Prefixes text that a spreadsheet could evaluate as a formula with an apostrophe, so it stays text. */
export function neutralizeFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/** As neutralizeFormula, for nullable values. */
export function neutralizeCell(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : neutralizeFormula(value);
}
