import { dayNumber } from "../text/iso-date.ts";

export { dayNumber };

/** `to − from` in days. */
export function daysBetween(from: string, to: string): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}

/** Adds whole months, clamping to the month's last day (2024-02-29 + 12 months = 2025-02-28). */
export function addMonths(iso: string, months: number): string | null {
  if (dayNumber(iso) === null) return null;
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
