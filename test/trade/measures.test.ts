import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withDatabase } from "../../src/db/database.ts";
import { periodWindow } from "../../src/periods/period-window.ts";
import { approximateDates, inForceDuring, measuresFor } from "../../src/trade/measures.ts";
import { currentTradeMeasures } from "../../src/trade/read-measures.ts";
import {
  loadShippedTradeMeasures,
  loadTradeMeasures,
  parseTradeMeasures,
  tradeMeasuresKind,
} from "../../loaders/reference/trade-measures.ts";
import { runCli } from "../helpers/run-cli.ts";

const HEADER = "mineral,country_iso2,measure_type,description,effective_from,effective_to,source_url";
const CSV = [
  HEADER,
  "tungsten,CN,export_licence,MOFCOM/GAC joint announcement: tungsten items need a licence,2025-02-04,,https://example.org/w",
  "cobalt,CD,export_ban,ARECOMS Decision 001/ARECOMS/2025: cobalt export suspension,2025-02-22,2025-10-15,https://example.org/co",
  "gold,US,import_ban,OFAC determination: Russian-origin gold prohibited (origin: RU),2022-06-28,,https://example.org/au",
  "copper,US,tariff,Section 232: 50% tariff on semi-finished copper,2025-08-01,,",
  "graphite,US,tariff,Section 301: natural graphite from China (origin: CN); day not stated,2026,,",
  "bauxite,ID,export_ban,Bauxite ore export ban (June 2023),2023-06,,",
  "aluminium,US,import_ban,Russian-origin aluminium (origin: RU),2024-04-13,,",
  "nickel,Atlantis,export_ban,unknown imposer,2024-01-01,,",
  "tin,CN,export_ban,bad date,sometime,,",
].join("\n");

describe("trade measures list", () => {
  const parsed = parseTradeMeasures("measures.csv", CSV);

  it("reads export measures as binding the imposer's own material and import measures as binding the named origin", () => {
    const by = (m: string) => parsed.measures.find((x) => x.mineral === m)!;
    expect(by("Tungsten").origin, "China's export licence binds Chinese tungsten").toBe("CN");
    expect(by("Gold").origin, "a US import ban on Russian gold binds Russian-origin gold").toBe("RU");
    expect(by("Gold").imposer).toBe("US");
    expect(by("Copper").origin, "a tariff naming no origin binds every origin").toBeNull();
    expect(by("Aluminum").mineral, "RMI spells it Aluminum").toBe("Aluminum");
  });

  it("keeps partial dates as the widest days they can mean, and marks them approximate", () => {
    const graphite = parsed.measures.find((m) => m.mineral === "Graphite")!;
    expect([graphite.effectiveFrom, approximateDates(graphite)]).toEqual(["2026-01-01", true]);
    const bauxite = parsed.measures.find((m) => m.mineral === "Bauxite")!;
    expect(bauxite.effectiveFrom).toBe("2023-06-01");
    expect(approximateDates(parsed.measures.find((m) => m.mineral === "Cobalt")!)).toBe(false);
  });

  it("reports rows it cannot use with file and line, and keeps the rest", () => {
    expect(parsed.measures).toHaveLength(7);
    expect(parsed.issues).toEqual([
      'measures.csv:9: unknown country: "Atlantis"',
      'measures.csv:10: invalid effective_from: "sometime" (expected YYYY-MM-DD, YYYY-MM or YYYY)',
    ]);
  });

  it("binds a smelter whose mineral and location or mine country fall under a measure in force during the period", () => {
    const p2025 = periodWindow("2025", "2026-03-31");
    expect(p2025).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    const chineseTungsten = measuresFor(parsed.measures, { mineral: "Tungsten", country: "CN" }, p2025);
    expect(chineseTungsten.map((h) => h.measure.imposer)).toEqual(["CN"]);
    expect(
      measuresFor(parsed.measures, { mineral: "Tungsten", country: "VN" }, p2025),
      "Vietnamese tungsten is not under China's licence",
    ).toEqual([]);
    const cobalt = measuresFor(parsed.measures, { mineral: "Cobalt", country: "CN", mineCountries: ["CD"] }, p2025);
    expect(
      cobalt.map((h) => [h.basis, h.country]),
      "DRC ore refined in China falls under the DRC suspension",
    ).toEqual([["mine", "CD"]]);
    expect(
      measuresFor(parsed.measures, { mineral: "Cobalt", country: "CD" }, periodWindow("2024", "2025-01-01")),
      "the suspension began in 2025",
    ).toEqual([]);
    expect(
      measuresFor(parsed.measures, { mineral: "Graphite", country: "CN" }, p2025),
      "a 2026 tariff is not in force in 2025",
    ).toEqual([]);
    expect(
      measuresFor(parsed.measures, { mineral: "Graphite", country: "CN" }, periodWindow("2026-Q1", "2026-05-01")),
    ).toHaveLength(1);
    expect(
      measuresFor(parsed.measures, { mineral: "Copper", country: "CL" }, p2025).map((h) => h.measure.measureType),
      "any origin",
    ).toEqual(["tariff"]);
    expect(measuresFor(parsed.measures, { mineral: "Gold", country: "RU" }, p2025)).toHaveLength(1);
    expect(measuresFor(parsed.measures, { mineral: "Gold", country: "CH" }, p2025)).toEqual([]);
  });

  it("in force during: an open end stays in force, a closed one ends on its last day", () => {
    const m = { effectiveFrom: "2025-02-22", effectiveTo: "2025-10-15" };
    expect(inForceDuring(m, { from: "2025-10-15", to: "2025-10-15" })).toBe(true);
    expect(inForceDuring(m, { from: "2025-10-16", to: "2025-12-31" })).toBe(false);
    expect(
      inForceDuring({ effectiveFrom: "2020-01-01", effectiveTo: null }, { from: "2030-01-01", to: "2030-12-31" }),
    ).toBe(true);
  });

  it("period labels: years, quarters, halves, months", () => {
    expect(periodWindow("2025-Q3", "2026-01-01")).toEqual({ from: "2025-07-01", to: "2025-09-30" });
    expect(periodWindow("FY2024H1", "2026-01-01")).toEqual({ from: "2024-01-01", to: "2024-06-30" });
    expect(periodWindow("2024-02", "2026-01-01")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(periodWindow("campaign", "2026-03-01")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
  });
});

describe("trade measures in the warehouse", () => {
  it("detects the layout, loads each file as its own list, and replaces a list only by a newer file of the same name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assay-trade-"));
    const own = join(dir, "our_measures.csv");
    writeFileSync(own, `${HEADER}\nlithium,ZW,export_ban,Raw lithium ore export ban,2022-12-20,,\n`);
    expect(tradeMeasuresKind.detect("our_measures.csv", new TextEncoder().encode(`${HEADER}\n`))).toBe(true);
    expect(tradeMeasuresKind.detect("sdn.csv", new TextEncoder().encode("ent_num,SDN_Name\n"))).toBe(false);
    await withDatabase(async (db) => {
      const shipped = await loadShippedTradeMeasures(db);
      expect(shipped[0]!.rows).toBeGreaterThan(60);
      expect((await loadShippedTradeMeasures(db))[0]!.loadId, "the same bytes load once").toBeNull();
      await loadTradeMeasures(db, own);
      const all = await currentTradeMeasures(db);
      expect(all.filter((m) => m.source === "our_measures.csv")).toHaveLength(1);
      expect(all.length, "the user's list adds to the shipped one").toBe(shipped[0]!.rows + 1);
      writeFileSync(
        own,
        `${HEADER}\nlithium,ZW,export_ban,Raw lithium ore export ban,2022-12-20,,\nnickel,ID,export_ban,Nickel ore ban,2020-01-01,,\n`,
      );
      await loadTradeMeasures(db, own);
      expect(
        (await currentTradeMeasures(db)).filter((m) => m.source === "our_measures.csv").map((m) => m.mineral),
        "the newer file of that name replaces it",
      ).toEqual(["Lithium", "Nickel"]);
    });
  });
});

describe("assay measures", () => {
  const db = join(mkdtempSync(join(tmpdir(), "assay-measures-")), "w.duckdb");

  it("lists the measures in force for a metal symbol and a country on a day, as JSON", () => {
    const r = runCli(["measures", "--db", db, "--metal", "W", "--country", "China", "--as-of", "2025-06-30", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as {
      imposer: string;
      measureType: string;
      origin: string;
      match: string;
      effectiveFrom: string;
    }[];
    expect(rows.map((x) => [x.imposer, x.measureType, x.match]).sort()).toEqual([
      ["CN", "export_licence", "origin"],
      ["US", "tariff", "origin"],
    ]);
    expect(rows.every((x) => x.effectiveFrom <= "2025-06-30")).toBe(true);
  });

  it("--as-of outside a measure's dates leaves it out; --country takes ISO codes", () => {
    const during = JSON.parse(
      runCli(["measures", "--db", db, "--metal", "cobalt", "--country", "CD", "--as-of", "2025-05-01", "--json"])
        .stdout,
    ) as { measureType: string }[];
    const after = JSON.parse(
      runCli(["measures", "--db", db, "--metal", "cobalt", "--country", "CD", "--as-of", "2025-12-01", "--json"])
        .stdout,
    ) as { measureType: string }[];
    expect(during.map((m) => m.measureType)).toContain("export_ban");
    expect(after.map((m) => m.measureType)).not.toContain("export_ban");
    expect(after.map((m) => m.measureType)).toContain("export_quota");
  });

  it("an unknown country or a bad date is a usage error (exit 2) naming the value", () => {
    const bad = runCli(["measures", "--db", db, "--country", "Narnia"]);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('"Narnia"')]);
    expect(runCli(["measures", "--db", db, "--as-of", "2025-02-30"]).code).toBe(2);
  });
});
