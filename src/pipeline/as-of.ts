import { AssayError } from "../errors.ts";

/** Validates a YYYY-MM-DD date (a real calendar day); the CLI edge defaults it to today. */
export function parseAsOf(value: string | undefined, today: Date = new Date()): string {
  if (value === undefined) return today.toISOString().slice(0, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== value) {
    throw new AssayError(`invalid --as-of: ${value} (expected a date YYYY-MM-DD)`, { code: "usage", exitCode: 2 });
  }
  return value;
}
