import { terminalText } from "../text/terminal-text.ts";

/** Formats rows as an aligned plain-text table for terminals. */
export function formatTable(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  if (rows.length === 0) return "(no rows)\n";
  const cols = columns ?? Object.keys(rows[0] ?? {});
  const cell = (v: unknown) =>
    (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v)).replace(
      /[\r\n\t]+/g,
      " ",
    );
  const safe = (v: unknown) => terminalText(cell(v));
  const widths = cols.map((c) => Math.min(60, Math.max(c.length, ...rows.map((r) => safe(r[c]).length))));
  const fit = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const lines = [cols.map((c, i) => fit(c, widths[i]!)).join("  "), widths.map((w) => "-".repeat(w)).join("  ")];
  for (const r of rows)
    lines.push(
      cols
        .map((c, i) => fit(safe(r[c]), widths[i]!))
        .join("  ")
        .trimEnd(),
    );
  return `${lines.join("\n")}\n`;
}
