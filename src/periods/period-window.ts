import type { DateWindow } from "../trade/measures.ts";

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const span = (y: number, m1: number, m2: number): DateWindow => ({
  from: `${y}-${pad(m1)}-01`,
  to: `${y}-${pad(m2)}-${pad(lastDay(y, m2))}`,
});

/**
 * The calendar days a reporting period label covers: "2025" (or "CY2025", "FY2025"), "2025-Q3", "2025H1", "2025-06".
 * A label that names no year falls back to the as-of date's calendar year.
 */
export function periodWindow(period: string, asOf: string): DateWindow {
  const q = /(\d{4})[-_ ]?Q([1-4])\b/i.exec(period);
  if (q) return span(Number(q[1]), Number(q[2]) * 3 - 2, Number(q[2]) * 3);
  const h = /(\d{4})[-_ ]?H([12])\b/i.exec(period);
  if (h) return span(Number(h[1]), h[2] === "1" ? 1 : 7, h[2] === "1" ? 6 : 12);
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m) return span(Number(m[1]), Number(m[2]), Number(m[2]));
  const y = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(period);
  return span(Number(y ? y[1] : asOf.slice(0, 4)), 1, 12);
}
