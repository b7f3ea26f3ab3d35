import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Database } from "../../src/db/database.ts";
import { buildSite } from "../../src/site/build-site.ts";
import { repoRoot } from "../helpers/paths.ts";
import { seedWarehouse, type SeedOptions } from "./_seed.ts";

/** Seeds a warehouse file and builds the site from it into a fresh temporary folder. */
export async function buildSeededSite(
  seed: SeedOptions,
  options: { redact?: boolean } = {},
): Promise<{ dir: string; site: string }> {
  const dir = mkdtempSync(join(tmpdir(), "assay-site-test-"));
  const dbPath = join(dir, "assay.duckdb");
  const db = await Database.open(dbPath);
  try {
    await seedWarehouse(db, seed);
  } finally {
    db.close();
  }
  const site = join(dir, "dist");
  await buildSite({ root: resolve(repoRoot, "pages"), dbPath, output: site, redact: options.redact ?? false });
  return { dir, site };
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
