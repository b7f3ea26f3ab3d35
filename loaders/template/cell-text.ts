import { cleanText } from "../../src/text/normalize.ts";
import type { CellValue } from "../xlsx/sheet.ts";

/** Text of a cell with whitespace normalised; numbers print as Excel shows general numbers. */
export function cellText(value: CellValue): string | null {
  if (value === null) return null;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  return cleanText(value);
}

/** Free text where pasted formulas leave a literal 0 for an empty source cell. */
export function freeText(value: CellValue): string | null {
  if (value === 0) return null;
  const text = cellText(value);
  return text === "0" ? null : text;
}

/**
 * Maps an answer to its canonical English value (case- and space-insensitive); "100%" for the
 * number 1 that older templates store. Unrecognised answers come back cleaned, unchanged.
 */
export function canonicalAnswer(value: CellValue, allowed: readonly string[], percent: boolean): string | null {
  if (percent && typeof value === "number" && Math.abs(value - 1) < 1e-9) return "100%";
  const text = freeText(value);
  if (text === null) return null;
  const key = text.toLowerCase();
  return allowed.find((a) => a.toLowerCase() === key) ?? text;
}
