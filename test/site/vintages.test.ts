import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withDatabase } from "../../src/db/database.ts";
import { vintageItems, vintagesData } from "../../src/site/data/vintages-data.ts";
import { loadTradeMeasures } from "../../loaders/reference/trade-measures.ts";
import { seedWarehouse } from "./_seed.ts";

describe("vintage strip data", () => {
  it("warns for each list older than the period end or undated, and skips loads no page needs", () => {
    const items = vintageItems(
      [
        { kind: "ofac-sdn", file: "sdn.csv", vintage: "2026-01-05" },
        { kind: "rmi-legacy-ids", file: "ids.csv", vintage: "2020-01-01" },
        { kind: "rmi-lookup-emrt", file: "lookup.csv", vintage: "2025-04-25" },
        { kind: "rmi-status-conformant", file: "conformant.csv", vintage: "2026-01-10" },
        { kind: "uk-sanctions", file: "uk.csv", vintage: null },
      ],
      "2025-12-31",
    );
    expect(items.map((i) => [i.group, i.label, i.warning])).toEqual([
      ["RMI facility list", "RMI audit status (conformant)", null],
      ["RMI facility list", "RMI Smelter Look-up (EMRT)", "older than the period end (2025-12-31)"],
      ["Sanctions", "OFAC SDN", null],
      ["Sanctions", "UK sanctions", "vintage unknown"],
    ]);
  });

  it("reads the current loads, each trade-measures list and the CAHRA file against the current run's period end", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assay-vintages-"));
    const trade = join(dir, "measures_2026-09-01.csv");
    writeFileSync(
      trade,
      "mineral,country_iso2,measure_type,description,effective_from,effective_to,source_url\ntungsten,CN,export_licence,licence,2025-02-04,,\n",
    );
    const cahraDir = join(dir, "country-risk");
    await withDatabase(async (db) => {
      await seedWarehouse(db, { suppliers: 5 });
      await loadTradeMeasures(db, trade);
      mkdirSync(cahraDir);
      writeFileSync(join(cahraDir, "eu_cahra_list_2026-06.json"), "{}");
      const data = await vintagesData(db, { cahraDir });
      expect([data.period, data.periodEnd]).toEqual(["2026", "2026-12-31"]);
      expect(data.items.map((i) => [i.label, i.vintage, i.warning])).toEqual([
        ["RMI Smelter Look-up (CMRT)", "2025-04-25", "older than the period end (2026-12-31)"],
        ["OFAC SDN", "2024-05-03", "older than the period end (2026-12-31)"],
        ["EU CAHRA list", "2026-06-01", "older than the period end (2026-12-31)"],
        ["Trade measures", "2026-09-01", "older than the period end (2026-12-31)"],
      ]);
    });
  });
});
