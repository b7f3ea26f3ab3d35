import { neutralizeFormula } from "../text/neutralize.ts";

/**
 * Escapes text for Markdown and inline HTML so supplier names cannot open links, tags, emphasis, code, table cells or
 * Framework `${…}` expressions — while ordinary text stays readable when pasted ("Ltd.", "Co-op", "(PTY)" unchanged).
 * Only characters that can start markup are escaped; a leading "#", "-", "+", ">", "=" or "1." cannot start a block.
 */
export function escapeMarkdown(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  return (
    String(value)
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
      .replace(/\r\n?|\n/g, " ")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/([\\`*_{}[\]|~$])/g, "\\$1")
      // "](" cannot make a link once the brackets are escaped; escaping its "(" too keeps it visibly inert.
      .replace(/\\\]\(/g, "\\]\\(")
      .replace(/^(\s*)([#+=-])/, "$1\\$2")
      .replace(/^(\s*\d+)([.)])/, "$1\\$2")
      // Markdown's linkify would turn "http://…" or "www.…" in supplier text into a live link.
      .replace(/:\/\//g, "&#58;//")
      .replace(/\bwww\./gi, (m) => m.replace("w", "&#119;"))
  );
}

/** A Markdown table; every cell is escaped, and text cells are formula-neutralised (tables get pasted into spreadsheets). */
export function markdownTable(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>,
): string {
  const line = (cells: ReadonlyArray<string | number | null | undefined>) =>
    `| ${cells.map((c) => escapeMarkdown(typeof c === "string" ? neutralizeFormula(c) : c)).join(" | ")} |`;
  if (rows.length === 0) return "_None._";
  return [line(header), `|${header.map(() => " --- ").join("|")}|`, ...rows.map(line)].join("\n");
}

/** "12.5%" for a ratio; "n/a" when undefined. */
export function percent(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return "n/a";
  return `${(Math.round(ratio * 1000) / 10).toString()}%`;
}
