import { AssayError } from "../errors.ts";

/**
 * Validates a YYYY-MM-DD date (a real calendar day); the CLI edge defaults it to today. `source` names where the
 * value came from in the error ("--as-of" by default; "assay.config.json: asOf" for the configuration key).
 */
export function parseAsOf(value: string | undefined, today: Date = new Date(), source = "--as-of"): string {
  if (value === undefined) return today.toISOString().slice(0, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== value) {
    throw new AssayError(`invalid ${source}: ${value} (expected a date YYYY-MM-DD)`, { code: "usage", exitCode: 2 });
  }
  return value;
}

/** The last day of a reporting period named by its year ("2025" → "2025-12-31"); null for other labels. */
export function periodEnd(period: string | undefined): string | null {
  return period !== undefined && /^\d{4}$/.test(period) ? `${period}-12-31` : null;
}

/**
 * The as-of date: the --as-of flag, else the configuration's asOf key (blamed on that key when invalid), else the end
 * of the reporting period (the --period flag, else the configuration's period) when that has passed, else today.
 * Rebuilding 2025 in 2026 measures staleness and audit expiry at 2025-12-31, not on the day of the rebuild.
 */
export function asOfFrom(
  flag: string | undefined,
  config: { asOf?: string | undefined; period?: string | undefined },
  configFile: string | null,
  periodFlag?: string,
  today: Date = new Date(),
): string {
  if (flag !== undefined) return parseAsOf(flag);
  if (config.asOf !== undefined) return parseAsOf(config.asOf, today, `${configFile ?? "configuration"}: asOf`);
  const now = today.toISOString().slice(0, 10);
  const end = periodEnd(periodFlag ?? config.period);
  return end !== null && end < now ? end : now;
}
