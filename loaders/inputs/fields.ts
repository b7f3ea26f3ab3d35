import { z } from "zod";
import { startsLikeFormula } from "../../src/text/neutralize.ts";
import { cleanText } from "../../src/text/normalize.ts";

/** Zod field types for CSV cells: every cell arrives as a string; spreadsheet quirks are normalised here. */

export const requiredText = z.string().transform((v, ctx) => {
  const out = cleanText(v);
  if (out === null) {
    ctx.addIssue({ code: "custom", message: `missing value: ${JSON.stringify(v)} (expected non-empty text)` });
    return z.NEVER;
  }
  // A leading trigger (full-width ＝＋－＠ too) plus a call or sheet reference: "=HYPERLINK(…)", "＠SUM(A1)".
  if (startsLikeFormula(out) && /[(!（！]/.test(out)) {
    ctx.addIssue({
      code: "custom",
      message: `formula text is not allowed: ${JSON.stringify(out)} (expected plain text)`,
    });
    return z.NEVER;
  }
  return out;
});

export const optionalText = z
  .string()
  .optional()
  .transform((v) => cleanText(v ?? null));

/** An identifier: trimmed, inner whitespace collapsed, case kept ("S-0001"). */
export const identifier = requiredText;

/** "125000", "125,000.50", "€ 1 200", "1200,50" (with `;` separated files) → number; empty → null. */
export function amount(decimalComma: boolean) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      const raw = cleanText(v ?? null);
      if (raw === null) return null;
      let s = raw.replace(/[\s$€£¥_]|USD|EUR|GBP/gi, "");
      if (s.includes(",") && s.includes(".")) s = s.replace(/,/g, "");
      else if (s.includes(","))
        s =
          decimalComma && /^-?\d+,\d+$/.test(s)
            ? s.replace(",", ".")
            : /^-?\d{1,3}(,\d{3})+$/.test(s)
              ? s.replace(/,/g, "")
              : s;
      const n = /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
      if (!Number.isFinite(n)) {
        ctx.addIssue({
          code: "custom",
          message: `not a number: ${JSON.stringify(raw)} (expected an amount such as 125000.50)`,
        });
        return z.NEVER;
      }
      if (n < 0) {
        ctx.addIssue({ code: "custom", message: `negative amount: ${JSON.stringify(raw)} (expected 0 or more)` });
        return z.NEVER;
      }
      return n;
    });
}

const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;

export const optionalEmail = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const raw = cleanText(v ?? null);
    if (raw === null) return null;
    const mail = raw.replace(/^mailto:/i, "");
    if (!EMAIL.test(mail)) {
      ctx.addIssue({
        code: "custom",
        message: `invalid e-mail address: ${JSON.stringify(raw)} (expected name@domain)`,
      });
      return z.NEVER;
    }
    return mail;
  });

/** A calendar date written YYYY-MM-DD (also accepted: YYYY/MM/DD). */
export const isoDate = z.string().transform((v, ctx) => {
  const raw = cleanText(v) ?? "";
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(raw);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) {
      return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    }
  }
  ctx.addIssue({ code: "custom", message: `invalid date: ${JSON.stringify(raw)} (expected YYYY-MM-DD)` });
  return z.NEVER;
});

/** An enum cell matched case-insensitively, with spaces or underscores accepted for hyphens. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string().transform((v, ctx) => {
    const raw = cleanText(v) ?? "";
    const key = raw.toLowerCase().replace(/[\s_]+/g, "-");
    const hit = values.find((x) => x === key);
    if (hit) return hit as T[number];
    ctx.addIssue({
      code: "custom",
      message: `unknown value: ${JSON.stringify(raw)} (expected one of ${values.join(", ")})`,
    });
    return z.NEVER;
  });
}
