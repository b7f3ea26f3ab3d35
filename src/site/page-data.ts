import { loadConfig, type LoadedConfig } from "../config/config.ts";
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

/** The build's configuration, as-of date and period (passed by `assay build` through the environment). */
export function siteSettings(): { config: LoadedConfig; asOf: string; period: string } {
  const config = loadConfig(process.env.ASSAY_CONFIG || "assay.config.json");
  const asOf = process.env.ASSAY_AS_OF || config.config.asOf || new Date().toISOString().slice(0, 10);
  const period = process.env.ASSAY_PERIOD || config.config.period || asOf.slice(0, 4);
  return { config, asOf, period };
}

/** A Framework page loader: writes the Markdown page computed from the warehouse to stdout. */
export async function emitMarkdown(compute: (db: Database) => Promise<string>): Promise<void> {
  const path = process.env.ASSAY_DB ?? ".assay/assay.duckdb";
  const db = await Database.open(path, { readOnly: true });
  try {
    process.stdout.write(await compute(db));
  } finally {
    db.close();
  }
}
