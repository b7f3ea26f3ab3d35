// OWASP "CSV injection": a cell whose text starts with one of these may be run as a formula
// when the file is opened or re-saved as CSV. Full-width forms are folded to ASCII by some spreadsheet apps.
const TRIGGER = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** Prefixes text that a spreadsheet could evaluate as a formula with an apostrophe, so it stays text. */
export function neutralizeFormula(text: string): string {
  return TRIGGER.test(text) ? `'${text}` : text;
}

/** As neutralizeFormula, for nullable values. */
export function neutralizeCell(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : neutralizeFormula(value);
}

/** One CSV field: neutralised, then quoted when it holds a delimiter, quote or line break. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV document (RFC 4180, CRLF line ends) from a header and rows. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
