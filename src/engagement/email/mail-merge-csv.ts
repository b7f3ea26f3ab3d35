/** Neutralises spreadsheet formula injection: a cell starting with = + - @ (or tab / CR) gets a leading single quote. */
export function safeCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF. */
function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document (UTF-8 with BOM so Excel detects the encoding, CRLF rows), every cell formula-safe. */
export function formatMailMergeCsv(columns: readonly string[], rows: readonly Record<string, string | number | boolean | null | undefined>[]): string {
  const lines = [columns.map((c) => quote(safeCell(c))).join(",")];
  for (const row of rows) lines.push(columns.map((c) => quote(safeCell(row[c]))).join(","));
  return `\ufeff${lines.join("\r\n")}\r\n`;
}
