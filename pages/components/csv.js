// CSV of the rows a table shows, built in the browser. Cells a spreadsheet would run as a formula (starting with
// = + - @, tab, CR or full-width ＝＋－＠) get a leading apostrophe; cells are quoted as RFC 4180 needs.
// Mirrors src/text/neutralize.ts and src/text/csv.ts (Framework cannot import outside pages/);
// test/text/neutralize.test.ts holds the two to the same answers.
const TRIGGER = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

export function csvCell(value) {
  if (value === null || value === undefined) return "";
  let text = Array.isArray(value)
    ? value.join("; ")
    : value instanceof Date
      ? value.toISOString()
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);
  // Numbers are data, not formulas: only text is neutralised (so -2 stays a number).
  if (typeof value !== "number" && typeof value !== "boolean" && TRIGGER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows, columns = Object.keys(rows[0] ?? {})) {
  const lines = [columns.map(csvCell).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** A button that downloads `rows()` (a function, so it reads the rows shown at click time; it may return a promise) as CSV. */
export function csvButton(rows, { filename = "table.csv", columns, label = "Download CSV" } = {}) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "csv-download";
  button.textContent = label;
  button.setAttribute("aria-label", `${label}: ${filename}`);
  button.addEventListener("click", async () => {
    // `rows` may be a function returning rows or a promise of them (data fetched only on click).
    const data = await (typeof rows === "function" ? rows() : rows);
    const blob = new Blob(["\ufeff" + toCsv(data, columns)], { type: "text/csv;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = filename;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
  return button;
}
