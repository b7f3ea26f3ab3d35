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

/** The as-of date from the --as-of flag, else the configuration's asOf key (blamed on that key when invalid), else today. */
export function asOfFrom(flag: string | undefined, config: { asOf?: string | undefined }, configFile: string | null): string {
  if (flag !== undefined) return parseAsOf(flag);
  return parseAsOf(config.asOf, new Date(), `${configFile ?? "configuration"}: asOf`);
}
