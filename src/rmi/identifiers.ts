// Full-width forms (ＣＩＤ００２３１３), NBSP and ideographic spaces fold to ASCII under NFKC; zero-width characters go.
const fold = (value: string) => value.normalize("NFKC").replace(/[\u200b-\u200d\u2060\ufeff]/g, "");

const CID = /^\s*C\s*I\s*D[\s\-_#:.]*0*(\d{1,6})\s*$/i;

/**
 * CID + 6 digits, as RMI writes it; accepts `CID 000801`, `cid-002313`, `CID000292 `, `CID 2763`, full-width digits
 * and NBSP. Anything else (legacy IDs, free text, numbers) is null.
 */
export function normalizeCid(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = CID.exec(fold(value));
  return m ? `CID${m[1]!.padStart(6, "0")}` : null;
}

/** True for a CID exactly as normalizeCid writes it. */
export const isCid = (value: string | null | undefined): value is string => value != null && /^CID\d{6}$/.test(value);

const CID_IN_TEXT = /(?<![A-Z0-9])CID[\s\-_#:.]*0*(\d{1,6})(?![A-Z0-9])/gi;

/** Every CID in free text, in order and each once ("Alias to CID000760", comments listing CIDs). */
export function findCids(text: string | null | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const m of fold(text).matchAll(CID_IN_TEXT)) {
    const cid = `CID${m[1]!.padStart(6, "0")}`;
    if (!out.includes(cid)) out.push(cid);
  }
  return out;
}

/** Finds a CID anywhere in free text (comments, names with the CID appended). */
export function findCid(text: string | null | undefined): string | null {
  return findCids(text)[0] ?? null;
}

/** A pre-2015 CFSI smelter ID: metal digit, ISO3-like country, three digits (e.g. 1RUS067, 4CHN005). */
export function normalizeLegacyId(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^\s*([1-4])\s*-?\s*([A-Z]{3})\s*-?\s*(\d{3})\s*$/i.exec(fold(value));
  return m ? `${m[1]}${m[2]!.toUpperCase()}${m[3]}` : null;
}

/** A smelter ID cell as the Smelter List keeps it: the CID, else the legacy ID, else the text as written. */
export function smelterId(value: string | null | undefined): string | null {
  const text = value == null ? null : fold(value).replace(/\s+/g, " ").trim();
  if (!text) return null;
  return normalizeCid(text) ?? normalizeLegacyId(text) ?? text;
}

/**
 * Dates as RMI exports write them: M/D/YY, M/D/YYYY, ISO YYYY-MM-DD, or an Excel serial.
 * Two-digit years are 20YY. Returns ISO YYYY-MM-DD or null when the text is not a valid date.
 */
export function parseListDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(v))) {
    m = Number(match[1]);
    d = Number(match[2]);
    y = Number(match[3]);
    if (y < 100) y += 2000;
  } else if ((match = /^(\d{4})-(\d{2})-(\d{2})/.exec(v))) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else if (/^\d{5}(\.\d+)?$/.test(v)) {
    const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(v)) * 86400000);
    return date.toISOString().slice(0, 10);
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
