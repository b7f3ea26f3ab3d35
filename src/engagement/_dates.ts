import { dayNumber } from "../text/iso-date.ts";

export { dayNumber };

export function fromDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const d = dayNumber(iso);
  if (d === null) throw new Error(`invalid date: ${iso} (expected YYYY-MM-DD)`);
  return fromDayNumber(d + days);
}

/** `to − from` in whole days. */
export function daysBetween(from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (a === null || b === null) throw new Error(`invalid date: ${a === null ? from : to} (expected YYYY-MM-DD)`);
  return b - a;
}

/** Monday of the ISO week containing `iso`. */
export function weekStart(iso: string): string {
  const d = dayNumber(iso);
  if (d === null) throw new Error(`invalid date: ${iso} (expected YYYY-MM-DD)`);
  // 1970-01-01 was a Thursday: (d + 3) mod 7 is 0 on Mondays.
  return fromDayNumber(d - ((((d + 3) % 7) + 7) % 7));
}

export function monthStart(iso: string): string {
  return `${iso.slice(0, 7)}-01`;
}

export const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Accepts a real calendar date YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  return dayNumber(value) !== null;
}
