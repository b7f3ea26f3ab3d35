import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Database } from "../../src/db/database.ts";
import { buildSanctionsIndex } from "../../src/screening/sanctions-index.ts";
import { loadSanctionsIndex, sanctionsIndexKey } from "../../src/screening/sanctions-index-cache.ts";
import { readSanctionsEntries } from "../../src/screening/read-sanctions.ts";
import { ensureSanctionsLoaded } from "../../loaders/reference/sanctions-kinds.ts";
import { screen, type ScreeningQuery } from "../../src/screening/screen.ts";
import labels from "../../bench/screening-labels.json" with { type: "json" };

const dir = mkdtempSync(path.join(tmpdir(), "assay-index-cache-"));
let db: Database;
const asOf = "2026-06-30";
const queries: ScreeningQuery[] = [
  ...labels.positives.map((p) => ({ name: p.name, country: p.country })),
  ...labels.negatives.map((n) => ({ name: n.name, country: n.country })),
  { name: "Korea Zinc Industrial Group", country: null },
  { name: "Almazy Rossii Sakha", country: "RU" },
];

describe("loadSanctionsIndex", () => {
  beforeAll(async () => {
    db = await Database.open(path.join(dir, "assay.duckdb"));
    await ensureSanctionsLoaded(db);
  }, 120_000);
  afterAll(() => db.close());

  it("builds from the database once, then reads the cache file and screens identically", async () => {
    const first = await loadSanctionsIndex(db);
    expect(first.source).toBe("database");
    expect(first.cacheFile && existsSync(first.cacheFile)).toBe(true);
    const second = await loadSanctionsIndex(db);
    expect(second).toMatchObject({ source: "cache", cacheFile: first.cacheFile, loadIds: first.loadIds });
    expect(second.index.names.length).toBe(first.index.names.length);
    const fresh = buildSanctionsIndex(await readSanctionsEntries(db, first.loadIds));
    for (const q of queries) {
      const expected = screen(fresh, q, { asOf });
      expect(screen(second.index, q, { asOf }), q.name).toEqual(expected);
    }
    expect(queries.filter((q) => screen(second.index, q, { asOf }).decision === "hit").length).toBeGreaterThanOrEqual(
      labels.positives.length,
    );
  }, 120_000);

  it("rebuilds when the cache file is damaged and keys the cache by the loaded lists", async () => {
    const { cacheFile, loadIds } = await loadSanctionsIndex(db);
    writeFileSync(cacheFile!, "{ not json");
    const again = await loadSanctionsIndex(db);
    expect(again.source).toBe("database");
    expect((await loadSanctionsIndex(db)).source).toBe("cache");
    expect(await sanctionsIndexKey(db, loadIds)).not.toBe(await sanctionsIndexKey(db, loadIds.slice(1)));
    expect(readdirSync(dir).filter((f) => f.includes(".sanctions-index-"))).toHaveLength(1);
  }, 120_000);

  it("does not cache with cacheDir null", async () => {
    expect(await loadSanctionsIndex(db, { cacheDir: null })).toMatchObject({ source: "database", cacheFile: null });
  }, 120_000);
});
