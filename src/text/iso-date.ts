const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** UTC day number of a YYYY-MM-DD calendar date (days since 1970-01-01), or null for anything else (incl. 2025-02-29). */
export function dayNumber(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / 86_400_000);
}
