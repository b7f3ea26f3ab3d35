import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { Database, withDatabase } from "../../src/db/database.ts";
import { migrations } from "../../src/db/migrations/index.ts";
import { companyInputs, mineRiskInputs, sanctionsScreeningInputs } from "../../src/pipeline/stage-inputs.ts";
import { tableChecksums } from "../../src/pipeline/table-checksum.ts";
import { REPO_ROOT } from "../../src/repo-root.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(name) ? [path] : [];
  });
}

const DDL = /\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP(?:ORARY)?\s+)?(?:TABLE|VIEW|SEQUENCE|INDEX|MACRO)\b/i;

describe("schema", () => {
  it("is created by migrations only: no module outside src/db/migrations issues DDL", () => {
    const files = ["src", "loaders", "bin", "pages", "scripts"]
      .flatMap((d) => sourceFiles(join(REPO_ROOT, d)))
      .map((f) => relative(REPO_ROOT, f));
    expect(files).toContain("src/matching/resolve-smelter-rows.ts");
    const offenders = files
      .filter((f) => !f.startsWith("src/db/migrations/"))
      .filter((f) => {
        const text = readFileSync(join(REPO_ROOT, f), "utf8");
        // The migration runner's own bookkeeping table is the one exception.
        return DDL.test(
          f === "src/db/database.ts" ? text.replace(/CREATE TABLE IF NOT EXISTS schema_migrations/, "") : text,
        );
      });
    expect(offenders).toEqual([]);
  });

  it("has unique, ordered migration versions and every table and view a fresh warehouse needs", async () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    await withDatabase(async (db) => {
      const names = new Set(await db.tableNames());
      for (const t of [
        "smelter_matches",
        "resolved_smelter_rows",
        "facility_reports",
        "facilities",
        "smelter_rows",
        "current_ref_smelters",
      ]) {
        expect(names.has(t), t).toBe(true);
      }
      // Each incremental stage fingerprints tables by name: all of them exist (a typo would throw here).
      const listed = [companyInputs, mineRiskInputs, sanctionsScreeningInputs].flatMap((i) => [
        ...(Array.isArray(i.tables) ? i.tables : []),
        ...(i.outputs ?? []),
      ]);
      const sums = await tableChecksums(db, listed);
      expect(Object.keys(sums).sort()).toEqual([...new Set(listed)].sort());
      await expect(tableChecksums(db, ["smelter_matchs"])).rejects.toThrow(/no table smelter_matchs/);
    });
  });

  it("upgrades a warehouse whose match stage created smelter_matches and the facility views itself", async () => {
    const db = await Database.open(":memory:", { migrate: false });
    try {
      await db.migrate(migrations.filter((m) => m.version < 25));
      // What the match stage used to create at run time, with a matched row already stored.
      await db.run(`CREATE TABLE smelter_matches (declaration_id VARCHAR NOT NULL, "row" INTEGER NOT NULL, metal VARCHAR, cid VARCHAR, method VARCHAR,
        confidence DOUBLE, decision VARCHAR NOT NULL, alternatives JSON, findings JSON, reference_loads VARCHAR,
        matched_at TIMESTAMP DEFAULT current_timestamp, PRIMARY KEY (declaration_id, "row"))`);
      await db.run(`CREATE VIEW facilities AS SELECT cid, metal FROM smelter_matches`);
      await db.run(
        `INSERT INTO smelter_rows (declaration_id, file_hash, "row", metal, name) VALUES ('d1', 'h1', 5, 'Tin', 'Some Tin Smelter')`,
      );
      await db.run(
        `INSERT INTO smelter_matches (declaration_id, "row", metal, cid, method, confidence, decision) VALUES ('d1', 5, 'Tin', 'CID001898', 'fuzzy', 0.93, 'matched')`,
      );
      expect(await db.migrate(migrations)).toBe(migrations.filter((m) => m.version >= 25).length);
      expect(await db.all(`SELECT "row", cid, cid_source, match_method FROM resolved_smelter_rows`)).toEqual([
        { row: 5, cid: "CID001898", cid_source: "match", match_method: "fuzzy" },
      ]);
      expect(await db.all("SELECT cid, report_rows FROM facilities")).toEqual([{ cid: "CID001898", report_rows: 1 }]);
    } finally {
      db.close();
    }
  });
});
