import type { CellValue } from "../xlsx/sheet.ts";
import { cleanText } from "../../src/text/normalize.ts";

const DAYS_1900_TO_1904 = 1462;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function iso(y: number, m: number, d: number): string | null {
  if (y < 100) y += 2000;
  const t = Date.UTC(y, m - 1, d);
  const date = new Date(t);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Excel serial (1900 date system) → ISO date. */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

function month(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * An effective date from a serial or from text: d-mmm-yyyy, yyyy-mm-dd, dd.mm.yyyy, dd/mm/yyyy
 * (mm/dd/yyyy when the day cannot be a month), "May 2, 2024", "2 May 2024", serials typed as text.
 * Returns null for empty cells and `{ invalid }` for text that is no date.
 */
export function parseEffectiveDate(value: CellValue, date1904 = false): { iso: string } | { invalid: string } | null {
  if (value === null || value === 0) return null;
  if (typeof value === "number") {
    const out = serialToIso(date1904 ? value + DAYS_1900_TO_1904 : value);
    return out ? { iso: out } : { invalid: String(value) };
  }
  const text = cleanText(String(value));
  if (text === null) return null;
  const t = text.replace(/(\d)(st|nd|rd|th)\b/gi, "$1");
  let m: RegExpExecArray | null;
  let out: string | null = null;
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/.exec(t))) out = iso(+m[1]!, +m[2]!, +m[3]!);
  else if ((m = /^(\d{1,2})[-/. ]([A-Za-z]{3,9})\.?[-/., ]+(\d{2,4})$/.exec(t)) && month(m[2]!) > 0)
    out = iso(+m[3]!, month(m[2]!), +m[1]!);
  else if ((m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(t)) && month(m[1]!) > 0)
    out = iso(+m[3]!, month(m[1]!), +m[2]!);
  else if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{2,4})$/.exec(t))) out = iso(+m[3]!, +m[2]!, +m[1]!);
  else if ((m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2,4})$/.exec(t))) {
    const a = +m[1]!,
      b = +m[2]!;
    out = a > 12 ? iso(+m[3]!, b, a) : b > 12 ? iso(+m[3]!, a, b) : iso(+m[3]!, b, a);
  } else if ((m = /^(\d{5})(?:\.\d+)?$/.exec(t))) out = serialToIso(+m[1]!);
  else if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(t))) out = iso(+m[1]!, +m[2]!, +m[3]!);
  return out ? { iso: out } : { invalid: text };
}
