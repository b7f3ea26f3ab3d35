import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withDatabase } from "../../src/db/database.ts";
import { gatherFacts } from "../../src/scoring/gather.ts";
import { DEFAULT_RISK_MODEL } from "../../src/scoring/model.ts";
import { runScoring } from "../../src/scoring/run.ts";
import { loadSmelterEvidence } from "../../loaders/smelter-evidence.ts";
import { seedWarehouse } from "./_warehouse.ts";

// An analyst's smelters-of-interest file: facility (CID or name), metal, flag, source, date, note.
const CSV = [
  "Facility,Metal,Flag,Source,Date,Note",
  "CID001070,Tin,grievance,https://example.org/mgp/2024-017,2024-03-02,MGP grievance on sourcing from Myanmar",
  "Unknown Tin Works,tin,Adverse media,Global Witness report p.14,2024-05-10,",
  "CID000004,Tungsten,NGO report,https://example.org/report,2024-09-01,published after the as-of date",
  "CID000004,Zinc ore,grievance,x,2024-01-01,",
  "Some Refinery,,smelter of interest,,2024-01-01,",
  "Other Refinery,,smelter of interest,list,31/02/2024,",
].join("\n");

describe("smelters of interest: analyst evidence file → adverse-evidence", () => {
  it("loads valid rows, rejects bad ones by line, and scores the flagged smelters with their evidence", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assay-soi-"));
    try {
      const file = join(dir, "smelters-of-interest.csv");
      writeFileSync(file, CSV);
      await withDatabase(async (db) => {
        await seedWarehouse(db);
        const loaded = await loadSmelterEvidence(db, file);
        expect(loaded.rowsStored).toBe(3);
        expect(loaded.errors.map((e) => [e.line, e.column])).toEqual([
          [5, "metal"],
          [6, "source"],
          [7, "date"],
        ]);
        expect(loaded.errors[0]?.message).toContain('unknown metal: "Zinc ore"');

        const facts = await gatherFacts(db, { period: "2024", asOf: "2024-06-30" });
        const flags = new Map(facts.smelters.map((s) => [s.key, s.adverseFlags]));
        expect(flags.get("CID001070")).toEqual([
          "grievance: MGP grievance on sourcing from Myanmar (https://example.org/mgp/2024-017, 2024-03-02)",
        ]);
        expect(flags.get("unmatched:tin:unknown tin works"), "matched by the name suppliers typed").toEqual([
          "adverse media (Global Witness report p.14, 2024-05-10)",
        ]);
        expect(flags.get("CID000004"), "evidence dated after the as-of date does not count yet").toEqual([]);

        const { runId } = await runScoring(db, { period: "2024", asOf: "2024-06-30", model: DEFAULT_RISK_MODEL });
        const reasons = JSON.parse(
          String(
            await db.scalar(
              "SELECT CAST(reasons AS VARCHAR) FROM smelter_scores WHERE run_id = ? AND smelter_key = 'CID001070'",
              [runId],
            ),
          ),
        );
        expect(reasons).toContainEqual({
          factor: "adverse-evidence",
          points: 15,
          evidence: flags.get("CID001070")![0],
        });
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
