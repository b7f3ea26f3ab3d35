import { describe, expect, it } from "vitest";
import { countryRisk } from "../../src/country-risk/country-risk.ts";
import { loadCountryRiskDatasets } from "../../loaders/reference/country-risk-datasets.ts";
import { goodToMinerals } from "../../loaders/reference/mineral-goods.ts";
import { parseMineCountries } from "../../src/rmi/mine-countries.ts";
import { locationRisks, mineRisks } from "../../src/country-risk/smelter-country-risk.ts";

const data = loadCountryRiskDatasets();

describe("loadCountryRiskDatasets (shipped data)", () => {
  it("reads every dataset without issues", () => {
    expect(data.issues).toEqual([]);
    expect([...data.covered.keys()].sort()).toEqual(["AO", "BI", "CD", "CF", "CG", "RW", "SS", "TZ", "UG", "ZM"]);
    expect(data.cahra.size).toBe(29);
    expect(data.governance.size).toBeGreaterThan(200);
    expect(new Set(data.labour.flatMap((g) => g.minerals))).toEqual(
      new Set(["gold", "tin", "tantalum", "niobium", "tungsten", "cobalt", "mica", "copper", "zinc", "silver"]),
    );
  });
});

describe("goodToMinerals", () => {
  it.each([
    ["Gold", ["gold"]],
    ["Tantalum ore (coltan)", ["tantalum", "niobium"]],
    ["Tin ore (cassiterite)", ["tin"]],
    ["Tungsten ore (wolframite)", ["tungsten"]],
    ["Cobalt ore (heterogenite)", ["cobalt"]],
    ["Mica", ["mica"]],
    ["Bricks", []],
    ["Diamonds", []],
    ["Garments", []],
  ])("%s → %j", (good, minerals) => expect(goodToMinerals(good)).toEqual(minerals));
});

describe("countryRisk", () => {
  it("DRC cobalt: no covered-country factor (Dodd-Frank is 3TG only), CAHRA whole country, child labour, low governance", () => {
    const r = countryRisk("CD", "Cobalt", data);
    expect(r).toMatchObject({
      iso2: "CD",
      name: "Democratic Republic of the Congo",
      covered: false,
      cahra: "country",
      childLabour: true,
      forcedLabour: false,
    });
    expect(r.governancePercentile).toBeLessThan(15);
    expect(r.factors.map((f) => f.code)).toEqual(["cahra-country", "child-labour", "governance"]);
    expect(r.factors.find((f) => f.code === "child-labour")!.detail).toMatch(/Cobalt ore \(heterogenite\)/);
  });

  it("DRC tin: covered country, and the EU list's 26 provinces listed one by one count as the whole country", () => {
    const r = countryRisk("CD", "tin", data);
    expect(r).toMatchObject({ covered: true, cahra: "country" });
    expect(r.factors.find((f) => f.code === "cahra-country")!.detail).toContain(
      "all 26 first-level regions are listed",
    );
    expect(countryRisk("BI", "tin", data).cahra, "Burundi, listed as a whole").toBe("country");
    expect(countryRisk("MX", "gold", data).cahra, "Mexico: 10 of 32 states").toBe("regions");
    expect(countryRisk("YE", "gold", data).cahra, "Yemen: 21 of 22 governorates").toBe("regions");
  });

  it("labour factors are per mineral: DRC tin is listed via cassiterite, DRC mica is not", () => {
    expect(countryRisk("CD", "tin", data).childLabour).toBe(true);
    expect(countryRisk("CD", "mica", data).childLabour).toBe(false);
  });

  it("whole-country CAHRA listing, and a low-risk country with governance only", () => {
    expect(countryRisk("VE", "gold", data).cahra).toBe("country");
    const ch = countryRisk("CH", "gold", data);
    expect(ch).toMatchObject({ covered: false, cahra: null, childLabour: false, forcedLabour: false });
    expect(ch.factors.map((f) => f.code)).toEqual(["governance"]);
    expect(ch.governancePercentile).toBeGreaterThan(90);
  });

  it("forced labour: North Korea gold is not listed but Burkina Faso gold is (child and forced)", () => {
    expect(countryRisk("BF", "gold", data)).toMatchObject({ childLabour: true, forcedLabour: true });
  });
});

describe("parseMineCountries", () => {
  it.each([
    ["China, Rwanda, recycled", ["CN", "RW"], true, []],
    ["CONGO, DEMOCRATIC REPUBLIC OF THE; Rwanda", ["CD", "RW"], false, []],
    ["Congo, Democratic Republic of the, Burundi", ["CD", "BI"], false, []],
    ["DRC/Rwanda and Burundi", ["CD", "RW", "BI"], false, []],
    ["Korea, Republic of", ["KR"], false, []],
    ["Recycled/Scrap", [], true, []],
    ["unknown", [], false, []],
    ["Peru, Mars", ["PE"], false, ["Mars"]],
    ["", [], false, []],
  ])("%j", (text, countries, recycled, unknown) => {
    expect(parseMineCountries(text)).toEqual({ countries, recycled, unknown });
  });
});

describe("smelter country risk", () => {
  it("rates the location per smelter and every reported mine country once", () => {
    const loc = locationRisks(
      [{ cid: "CID000001", metal: "Tin", name: "X", country: "RWANDA", countryIso2: "RW", aliases: [], address: null }],
      data,
    );
    expect(loc).toHaveLength(1);
    expect(loc[0]).toMatchObject({ cid: "CID000001", basis: "location", iso2: "RW", covered: true });
    const mine = mineRisks(
      { cid: "CID000001", metal: "Tin" },
      [
        { text: "Congo, Democratic Republic of the, Rwanda, recycled", source: "smelter list row 12" },
        { text: "Rwanda", source: "EMRT Mine List" },
      ],
      data,
    );
    expect(mine.map((m) => [m.iso2, m.childLabour, m.source])).toEqual([
      ["CD", true, "smelter list row 12"],
      ["RW", false, "smelter list row 12"],
    ]);
  });

  it("does not propagate a boilerplate list of mine countries as any smelter's origin", () => {
    const boilerplate =
      "Australia, Bolivia, Brazil, Burundi, Canada, China, Colombia, Congo, Democratic Republic of the, Ecuador, Ghana, India, Indonesia, Malaysia, Mexico, Myanmar, Peru, Russia, Rwanda, Thailand, Uganda";
    const mine = mineRisks(
      { cid: "CID000001", metal: "Tin" },
      [
        { text: boilerplate, source: "smelter list row 5" },
        { text: "Bolivia", source: "smelter list row 6" },
      ],
      data,
    );
    expect(
      mine.map((m) => m.iso2),
      "only the specific report counts",
    ).toEqual(["BO"]);
  });
});

describe("refreshMineCountryRisk", () => {
  it("rates mine countries from Smelter List cells and the EMRT Mine List of ingested declarations, by resolved CID", async () => {
    const { withDatabase } = await import("../../src/db/database.ts");
    const { refreshMineCountryRisk } = await import("../../src/country-risk/refresh-mine-risk.ts");
    const { loadShippedReference } = await import("../../loaders/reference/shipped.ts");
    await withDatabase(async (db) => {
      await loadShippedReference(db);
      // Row 15 types a CID that is on no RMI look-up: scoring keys it by its name, so reported-country-risk rates it.
      await db.run(`INSERT INTO smelter_rows (declaration_id, file_hash, "row", metal, name, cid, mine_countries) VALUES
        ('d1', 'h1', 12, 'Tin', 'Thaisarco', 'CID001898', 'Congo, Democratic Republic of the, Rwanda, recycled'),
        ('d1', 'h1', 13, 'Cobalt', 'Umicore Finland', 'CID003226', NULL),
        ('d1', 'h1', 14, 'Tin', 'No CID smelter', NULL, 'Bolivia'),
        ('d1', 'h1', 15, 'Tin', 'Unlisted Tin Works', 'CID999999', 'Bolivia')`);
      await db.run(`INSERT INTO mines (declaration_id, file_hash, "row", metal, smelter_name, name, country) VALUES
        ('d1', 'h1', 5, 'Cobalt', 'umicore finland ', 'Kamoto', 'CONGO, DEMOCRATIC REPUBLIC OF THE')`);
      expect(await refreshMineCountryRisk(db, data)).toBe(3);
      const rows = await db.all(
        "SELECT cid, metal, country_iso2, child_labour, source FROM smelter_country_risk WHERE basis = 'mine' ORDER BY cid, country_iso2",
      );
      expect(rows).toEqual([
        { cid: "CID001898", metal: "Tin", country_iso2: "CD", child_labour: true, source: "d1 smelter row 12" },
        { cid: "CID001898", metal: "Tin", country_iso2: "RW", child_labour: false, source: "d1 smelter row 12" },
        { cid: "CID003226", metal: "Cobalt", country_iso2: "CD", child_labour: true, source: "d1 mine list row 5" },
      ]);
    });
  });
});
