import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Database } from "../db/database.ts";
import { tableChecksums } from "./table-checksum.ts";
import { warehouseTables } from "../exports/export-parquet.ts";

/** Bookkeeping that changes on every build without changing what the site shows. */
const NOT_SHOWN = new Set(["build_fingerprints", "ingest_runs", "schema_migrations"]);

function hashTree(h: ReturnType<typeof createHash>, base: string, path: string): void {
  if (!existsSync(path)) return;
  const info = statSync(path);
  if (info.isFile()) {
    h.update(relative(base, path)).update("\0").update(readFileSync(path)).update("\0");
    return;
  }
  if (!info.isDirectory()) return;
  for (const entry of readdirSync(path).sort()) {
    if (entry === ".observablehq" || entry === "node_modules") continue;
    hashTree(h, base, join(path, entry));
  }
}

export interface SiteInputs {
  /** Framework root (pages/). */
  root: string;
  output: string;
  redact: boolean;
  /** Source folders and files the page loaders run (src/, the Framework config, the lock file). */
  code: readonly string[];
  /** Settings passed to the loaders (as-of, period, configuration text). */
  settings: unknown;
}

/**
 * What the site is built from: every warehouse table's checksum, the page sources and loader code, and the build
 * settings. The same fingerprint means `observable build` would produce the same site.
 */
export async function siteFingerprint(db: Database, inputs: SiteInputs): Promise<string> {
  const tables = (await warehouseTables(db)).filter((t) => !NOT_SHOWN.has(t));
  const h = createHash("sha256");
  h.update(
    JSON.stringify({
      checksums: await tableChecksums(db, tables),
      output: resolve(inputs.output),
      redact: inputs.redact,
      settings: inputs.settings,
    }),
  );
  const base = resolve(inputs.root, "..");
  for (const p of [inputs.root, ...inputs.code]) hashTree(h, base, resolve(p));
  return h.digest("hex");
}

const SITE_STAGE = "site";

/** The fingerprint of the last site built into `output`, when that site is still there. */
export async function builtSite(db: Database, output: string): Promise<string | null> {
  if (!existsSync(join(output, "index.html"))) return null;
  const row = await db.one<{ fingerprint: string }>(
    "SELECT fingerprint FROM build_fingerprints WHERE stage = ? AND scope = ?",
    [SITE_STAGE, resolve(output)],
  );
  return row?.fingerprint ?? null;
}

export async function recordSite(db: Database, output: string, fingerprint: string, asOf: string): Promise<void> {
  await db.run(
    "INSERT OR REPLACE INTO build_fingerprints (stage, scope, fingerprint, outputs, as_of, summary, recorded_at) VALUES (?, ?, ?, '', ?, ?, current_timestamp)",
    [SITE_STAGE, resolve(output), fingerprint, asOf, `${resolve(output)}/index.html`],
  );
}
