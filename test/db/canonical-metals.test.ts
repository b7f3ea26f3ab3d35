import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import { Database } from "../../src/db/database.ts";
import { canonicalMetals } from "../../src/db/migrations/091-canonical-metals.ts";
import { writeTemplate } from "../../src/generate/template/write-template.ts";
import { runPipeline } from "../../src/pipeline/run-pipeline.ts";
import { buildStages } from "../../src/pipeline/stages.ts";
import { METAL_NAMES } from "../../src/rmi/minerals.ts";

// One spelling of each metal in the warehouse (RMI's: "Tin", "Gold"), whatever case suppliers typed, so no query
// needs lower(metal).

const METAL_TABLES = [
  "smelter_rows",
  "smelter_matches",
  "resolved_smelter_rows",
  "smelter_screening",
  "smelter_country_risk",
  "reported_smelter_screening",
  "reported_country_risk",
  "smelter_scores",
  "ref_smelters",
];

const answers = (metals: string[]) =>
  ["Tantalum", "Tin", "Gold", "Tungsten"].flatMap((m) =>
    metals.includes(m)
      ? ["Yes", "Yes", "No", "No", "No", "100%", "Yes", "Yes"].map((answer, i) => ({
          question: String(i + 1),
          mineral: m,
          answer,
          comment: null,
        }))
      : [{ question: "1", mineral: m, answer: "No", comment: null }],
  );

describe("canonical metal spelling in the warehouse", () => {
  let db: Database;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "assay-metal-case-"));
    mkdirSync(join(dir, "inbox"));
    writeFileSync(
      join(dir, "suppliers.csv"),
      "supplier_id,name,country,commodity,annual_spend,contact_name,contact_email\nS1,Harbin Solder Works,China,Solder,1000,Pat Lee,pat@s1.example\n",
    );
    const workbook = await writeTemplate(
      {
        company: {
          name: "Harbin Solder Works",
          scope: "Company",
          contactName: "Pat Lee",
          contactEmail: "pat@s1.example",
          contactPhone: "+1 555 0199",
          authorizer: "Sam Roe",
          authorizerEmail: "sam@s1.example",
          effectiveDate: "2025-10-01",
        },
        answers: answers(["Tin", "Gold", "Tungsten"]),
        companyAnswers: [],
        smelters: [
          { cid: "CID002180", metal: "TIN" },
          { cid: "CID002763", metal: "gold" },
          { cid: "CID000004", metal: "tungsten " },
          {
            metal: "tIn",
            lookupName: "Smelter not listed",
            name: "Ural Backyard Tin Works",
            country: "RUSSIAN FEDERATION",
          },
        ],
      },
      { template: "CMRT", version: "6.5" },
    );
    writeFileSync(join(dir, "inbox/s1.xlsx"), workbook);
    const configPath = join(dir, "assay.config.json");
    writeFileSync(
      configPath,
      JSON.stringify({
        company: { name: "Northwind Instruments Ltd." },
        period: "2025",
        inputs: { inbox: ["inbox"], supplierMaster: "suppliers.csv" },
      }),
    );
    db = await Database.open(":memory:");
    await runPipeline(buildStages, {
      db,
      config: loadConfig(configPath),
      asOf: "2026-01-31",
      period: "2025",
      log: () => {},
      progress: () => {},
    });
  }, 300_000);

  it("stores every metal by RMI's spelling after ingest of mixed-case input, in every table that has one", async () => {
    for (const table of METAL_TABLES) {
      const metals = (
        await db.all<{ metal: string }>(`SELECT DISTINCT metal FROM ${table} WHERE metal IS NOT NULL ORDER BY 1`)
      ).map((r) => r.metal);
      expect(
        metals.filter((m) => !METAL_NAMES.includes(m)),
        `${table}: ${metals.join(", ")}`,
      ).toEqual([]);
    }
    const reported = await db.all<{ metal: string }>("SELECT DISTINCT metal FROM smelter_rows ORDER BY 1");
    expect(reported.map((r) => r.metal)).toEqual(["Gold", "Tin", "Tungsten"]);
    const scored = await db.all<{ metal: string; key: string }>(
      "SELECT DISTINCT metal, smelter_key AS key FROM smelter_scores ORDER BY 2",
    );
    expect(scored.map((r) => `${r.key} ${r.metal}`)).toEqual([
      "CID000004 Tungsten",
      "CID002180 Tin",
      "CID002763 Gold",
      "unmatched:tin:ural backyard tin works Tin",
    ]);
    const typed = await db.all<{ metal: string }>("SELECT DISTINCT metal FROM reported_smelter_screening ORDER BY 1");
    expect(typed.map((r) => r.metal)).toContain("Tin");
  });

  it("rewrites lower-case metals a warehouse stored before, dropping a lower-case row whose canonical twin exists", async () => {
    const old = await Database.open(":memory:");
    await old.insertRows(
      "smelter_scores",
      [
        "run_id",
        "smelter_key",
        "cid",
        "name",
        "metal",
        "rmi_status",
        "score",
        "band",
        "flags",
        "reasons",
        "supplier_count",
      ],
      [
        [1, "CID002180", "CID002180", "Yunnan Tin", "tin", "conformant", 10, "Low", "[]", "[]", 1],
        [1, "unmatched:gold:x", null, "X", "gold", "unknown", 50, "Medium", "[]", "[]", 1],
        [1, "CID999999", "CID999999", "Y", "Unobtainium", "unknown", 50, "Medium", "[]", "[]", 1],
      ],
    );
    await old.insertRows(
      "smelter_screening",
      ["cid", "metal", "name", "country_iso2", "decision", "score", "evidence", "hits", "load_ids"],
      [
        ["CID002180", "tin", "Yunnan Tin", "CN", "clear", 0, null, "[]", "[]"],
        ["CID002180", "Tin", "Yunnan Tin", "CN", "clear", 0, null, "[]", "[]"],
        ["CID002763", "GOLD", "Matsuda", "JP", "clear", 0, null, "[]", "[]"],
      ],
    );
    for (const sql of canonicalMetals.up) await old.run(sql);
    expect(
      (await old.all<{ metal: string }>("SELECT metal FROM smelter_scores ORDER BY smelter_key")).map((r) => r.metal),
    ).toEqual(["Tin", "Unobtainium", "Gold"]);
    expect(
      (await old.all<{ cid: string; metal: string }>("SELECT cid, metal FROM smelter_screening ORDER BY cid")).map(
        (r) => `${r.cid} ${r.metal}`,
      ),
    ).toEqual(["CID002180 Tin", "CID002763 Gold"]);
    old.close();
  });
});
