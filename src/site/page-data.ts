import { Database } from "../db/database.ts";

/** True when the site is being built with --redact: no personal data on any page. */
export function redacted(): boolean {
  return process.env.ASSAY_REDACT === "1";
}

/**
 * Runs one Framework data loader: opens the warehouse read-only (ASSAY_DB, set by `assay build`),
 * computes the page data and writes it to stdout as JSON. Diagnostics go to stderr.
 */
export async function emitJson(compute: (db: Database) => Promise<unknown>): Promise<void> {
  const path = process.env.ASSAY_DB ?? ".assay/assay.duckdb";
  const db = await Database.open(path, { readOnly: true });
  try {
    const data = await compute(db);
    process.stdout.write(JSON.stringify(data));
  } finally {
    db.close();
  }
}
