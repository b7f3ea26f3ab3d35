import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadedConfig } from "../../src/config/config.ts";
import { Database } from "../../src/db/database.ts";
import { resolveSmelterRows } from "../../src/matching/resolve-smelter-rows.ts";
import { screenStage } from "../../src/pipeline/stages/screen-stage.ts";
import { loadShippedReference } from "../../loaders/reference/shipped.ts";
import { gatherFacts } from "../../src/scoring/gather.ts";
import { DEFAULT_RISK_MODEL } from "../../src/scoring/model.ts";
import { scoreSmelter } from "../../src/scoring/score-smelter.ts";
import { groupReportedRows, type ReportedRow } from "../../src/screening/reported-smelters.ts";
import { ensureSanctionsLoaded } from "../../loaders/reference/sanctions-kinds.ts";

const asOf = "2026-06-30";
const row = (r: Partial<ReportedRow> & Pick<ReportedRow, "row" | "metal" | "name">): ReportedRow => ({
  declaration_id: "D1",
  lookup_name: "Smelter not listed",
  country: null,
  street: null,
  city: null,
  state: null,
  mine_countries: null,
  cid: null,
  ...r,
});

describe("groupReportedRows", () => {
  it("groups rows like scoring keys smelters and keeps only spellings the reference does not know", async () => {
    const reference = [
      {
        cid: "CID002587",
        metal: "Gold",
        name: "Industrial Refining Company",
        country: "BELGIUM",
        countryIso2: "BE",
        aliases: ["Tony Goetz NV"],
        address: null,
      },
    ];
    const groups = groupReportedRows(
      [
        row({
          row: 5,
          metal: "Gold",
          name: "Premier Gold Refinery LLC",
          country: "United Arab Emirates",
          city: "Dubai",
        }),
        row({ row: 6, metal: "GOLD", name: "PREMIER GOLD REFINERY LLC", country: "UAE", declaration_id: "D2" }),
        row({ row: 7, metal: "Gold", name: "Premier Gold Refinery LLC", country: "Turkey" }),
        row({
          row: 8,
          metal: "Gold",
          name: "Tony Goetz NV",
          lookup_name: "Tony Goetz NV",
          country: "BELGIUM",
          cid: "CID002587",
        }),
        row({
          row: 9,
          metal: "Gold",
          name: "Tony Goetz N.V. (Antwerp)",
          lookup_name: "Tony Goetz NV",
          country: "Netherlands",
          cid: "CID002587",
        }),
        row({ row: 10, metal: "Tin", name: "0", lookup_name: "0" }),
        row({ row: 11, metal: null, name: "Nameless metal" }),
      ],
      reference,
    );
    expect(groups.map((g) => [g.key, g.metal, g.countryIso2, g.rows, g.spellings])).toEqual([
      ["unmatched:gold:premier gold refinery llc", "Gold", "AE", 2, ["Premier Gold Refinery LLC"]],
      ["unmatched:gold:premier gold refinery llc", "Gold", "TR", 1, ["Premier Gold Refinery LLC"]],
      // A matched CID is screened in the reference's country, with the spellings RMI does not list.
      ["CID002587", "Gold", "BE", 2, ["Tony Goetz N.V. (Antwerp)"]],
    ]);
    expect(groups[0]!).toMatchObject({ referenced: false, address: "Dubai" });
    expect(groups[2]!.referenced).toBe(true);
  });
});

describe("screening and rating smelters as suppliers reported them", () => {
  let db: Database;
  beforeAll(async () => {
    db = await Database.open(":memory:");
    await loadShippedReference(db);
    await ensureSanctionsLoaded(db);
    await db.run(`INSERT INTO declarations (declaration_id, file_hash, file, file_name, template, version, company_name, supplier_key, is_current, error_count, warning_count)
      VALUES ('D1', 'h1', 'a.xlsx', 'a.xlsx', 'CMRT', '6.5', 'Acme Corp', 'acme corp|', true, 0, 0),
             ('D2', 'h2', 'b.xlsx', 'b.xlsx', 'CMRT', '6.4', 'Globex Ltd', 'globex ltd|', true, 0, 0)`);
    await db.run(`INSERT INTO smelter_rows (declaration_id, file_hash, "row", metal, lookup_name, name, country, cid, city, mine_countries) VALUES
      ('D1', 'h1', 5, 'Gold', 'Smelter not listed', 'Premier Gold Refinery LLC', 'UNITED ARAB EMIRATES', NULL, 'Dubai', NULL),
      ('D1', 'h1', 6, 'Tin', 'Smelter not listed', 'Kivu Tin Works', 'CONGO, DEMOCRATIC REPUBLIC OF THE', NULL, 'Bukavu', 'Rwanda; DRC'),
      ('D2', 'h2', 5, 'Gold', 'Tony Goetz NV', 'Tony Goetz NV', 'BELGIUM', NULL, NULL, NULL),
      ('D2', 'h2', 6, 'Tungsten', 'Smelter not listed', 'Jiangxi Tungsten Trading Co., Ltd.', 'CHINA', NULL, NULL, NULL),
      ('D2', 'h2', 7, 'Tin', 'Smelter not listed', 'Korea Zinc Co., Ltd.', 'KOREA, REPUBLIC OF', NULL, NULL, NULL)`);
    await db.run(`INSERT INTO mines (declaration_id, file_hash, "row", metal, smelter_name, name, country) VALUES
      ('D1', 'h1', 5, 'Tin', 'Kivu Tin Works', 'Nyabibwe', 'Burundi')`);
    await resolveSmelterRows(db);
    const ctx = { db, config: {} as LoadedConfig, asOf, period: "2025", log: () => {}, progress: () => {} };
    await screenStage.run(ctx);
  }, 180_000);
  afterAll(() => db.close());

  it("stores a sanctions hit on an unmatched reported smelter and clears the hard negatives", async () => {
    const rows = await db.all<{ smelter_key: string; cid: string | null; decision: string; evidence: string | null }>(
      "SELECT smelter_key, cid, decision, evidence FROM reported_smelter_screening ORDER BY smelter_key",
    );
    const byKey = new Map(rows.map((r) => [r.smelter_key, r]));
    expect(byKey.get("unmatched:gold:premier gold refinery llc")).toMatchObject({ cid: null, decision: "hit" });
    expect(byKey.get("unmatched:gold:premier gold refinery llc")!.evidence).toContain("PREMIER GOLD REFINERY LLC");
    expect(byKey.get("unmatched:tungsten:jiangxi tungsten trading co ltd")?.decision).toBe("clear");
    expect(byKey.get("unmatched:tin:korea zinc co ltd")?.decision).toBe("clear");
    expect(
      byKey.has("CID002587"),
      "a matched row typed as RMI spells it is screened with the reference, not again",
    ).toBe(false);
  });

  it("rates an unmatched smelter's typed country and the mine countries of its row and the Mine List", async () => {
    const risk = await db.all<{ basis: string; country_iso2: string; covered: boolean }>(
      "SELECT basis, country_iso2, covered FROM reported_country_risk WHERE smelter_key = 'unmatched:tin:kivu tin works' ORDER BY basis, country_iso2",
    );
    expect(risk).toEqual([
      { basis: "location", country_iso2: "CD", covered: true },
      { basis: "mine", country_iso2: "BI", covered: true },
      { basis: "mine", country_iso2: "CD", covered: true },
      { basis: "mine", country_iso2: "RW", covered: true },
    ]);
  });

  it("scores the unmatched sanctioned smelter Critical and gives unmatched smelters country points", async () => {
    const facts = await gatherFacts(db, { period: "2025" });
    const score = (key: string) => {
      const f = facts.smelters.find((s) => s.key === key);
      expect(f, key).toBeDefined();
      return scoreSmelter(f!, DEFAULT_RISK_MODEL, asOf);
    };
    const premier = score("unmatched:gold:premier gold refinery llc");
    expect(premier).toMatchObject({ band: "Critical", score: 100 });
    expect(premier.flags).toContain("unmatched");
    expect(premier.reasons[0]).toMatchObject({ factor: "sanctions", override: "critical" });
    expect(premier.reasons[0]!.evidence).toContain("PREMIER GOLD REFINERY LLC");

    const kivu = score("unmatched:tin:kivu tin works");
    expect(kivu.band).not.toBe("Critical");
    const factors = kivu.reasons.map((r) => r.factor);
    expect(
      factors.some((f) => f.startsWith("origin-")),
      factors.join(", "),
    ).toBe(true);
    const parts = factors.filter((f) => /^(location|origin)-/.test(f)).map((f) => f.replace(/^(location|origin)-/, ""));
    expect(new Set(parts).size, `each country part counted once: ${factors.join(", ")}`).toBe(parts.length);
    const korea = score("unmatched:tin:korea zinc co ltd");
    expect(korea.band).not.toBe("Critical");
    expect(kivu.score).toBeGreaterThan(korea.score);
  });

  it("leaves a matched, undesignated facility as screened on the reference", async () => {
    const facts = await gatherFacts(db, { period: "2025" });
    const goetz = facts.smelters.find((s) => s.cid === "CID002587");
    expect(goetz).toMatchObject({ matched: true, sanctions: "clear" });
    expect(goetz!.location?.iso2).toBe("BE");
  });
});
