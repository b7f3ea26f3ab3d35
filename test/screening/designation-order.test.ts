import { describe, expect, it } from "vitest";
import type { SanctionsEntry } from "../../loaders/reference/sanctions-entry.ts";
import { rankedSanctions } from "../../src/exports/facility-status.ts";
import { designationStrength, rankHits, screeningEvidence } from "../../src/screening/designation-strength.ts";
import { buildSanctionsIndex } from "../../src/screening/sanctions-index.ts";
import { screen } from "../../src/screening/screen.ts";

const asOf = "2025-09-01";
const entry = (list: SanctionsEntry["list"], id: string, name: string, programs: string[]): SanctionsEntry => ({
  list,
  id,
  name,
  type: "entity",
  programs,
  countries: ["RU"],
  countriesFromAddress: true,
  aliases: [],
  remarks: null,
  designated: null,
});
// A Russian gold refinery designated on the SDN list and on OFAC's sectoral list, and caught by the gold import bans.
const index = buildSanctionsIndex([
  entry("OFAC SDN", "44088", "JOINT STOCK COMPANY URALELEKTROMED", ["RUSSIA-EO14024"]),
  entry("OFAC Consolidated", "17001", "URALELEKTROMED AO", ["UKRAINE-EO13662"]),
]);

describe("screening evidence: strongest designation first", () => {
  it("an SDN designation comes before the sectoral list and before the US, UK and EU gold import bans, though the bans score 1", () => {
    const r = screen(index, { name: "JSC Uralelectromed", country: "RU", metal: "Gold" }, { asOf });
    expect(r.decision).toBe("hit");
    const order = r.hits.map((h) => `${h.list} ${h.id}`);
    expect(order[0]).toBe("OFAC SDN 44088");
    expect(order[1]).toBe("OFAC Consolidated 17001");
    expect(order.slice(2).sort()).toEqual([
      "EU country programme EU-RU-GOLD",
      "UK country programme UK-RU-GOLD",
      "US country programme US-RU-GOLD",
    ]);
    // All score 1 here: ordering by score, then list name, put "EU country programme" first.
    expect(r.hits.every((h) => h.score === 1)).toBe(true);
    const evidence = screeningEvidence(r.hits)!;
    expect(evidence.startsWith('OFAC SDN 44088 "JOINT STOCK COMPANY URALELEKTROMED" (RUSSIA-EO14024; score')).toBe(
      true,
    );
    expect(evidence.indexOf("OFAC Consolidated")).toBeLessThan(evidence.indexOf("country programme"));
    expect(evidence).toMatch(/; \+2 more$/);
  });

  it("a name that only needs review never outranks a hit, even an import ban", () => {
    const hits = [
      { list: "OFAC SDN", id: "1", score: 0.75 },
      { list: "EU country programme", id: "EU-RU-GOLD", score: 1 },
    ];
    expect(rankHits(hits, 0.88).map((h) => h.id)).toEqual(["EU-RU-GOLD", "1"]);
    expect(rankHits(hits, 0.7).map((h) => h.id)).toEqual(["1", "EU-RU-GOLD"]);
  });

  it("one ranking: asset freezes, then other party lists, then comprehensive country programmes, then import bans and sectoral programmes", () => {
    expect(designationStrength({ list: "OFAC SDN", id: "x" })).toBe(0);
    expect(designationStrength({ list: "UK Sanctions List", id: "RUS2007" })).toBe(0);
    expect(designationStrength({ list: "EU Consolidated", id: "x" })).toBe(0);
    expect(designationStrength({ list: "OFAC Consolidated", id: "x" })).toBe(1);
    expect(designationStrength({ list: "US country programme", id: "US-IRAN" })).toBe(2);
    expect(designationStrength({ list: "EU country programme", id: "EU-RU-GOLD" })).toBe(3);
    expect(designationStrength({ list: "US country programme", id: "VENEZUELA-EO13850" })).toBe(3);
    // The annex and the drafts use the same ranking on the stored designations.
    const stored = [
      {
        list: "EU country programme",
        id: "EU-RU-GOLD",
        name: "Council Regulation (EU) 2022/1269",
        program: "EU RUSSIA",
      },
      { list: "US country programme", id: "US-IRAN", name: "ITSR", program: "IRAN" },
      { list: "OFAC SDN", id: "35318", name: "PT BUKIT TIMAH", program: "RUSSIA-EO14024" },
    ];
    expect(rankedSanctions(stored)).toEqual([
      "OFAC SDN 35318 (RUSSIA-EO14024)",
      "US country programme US-IRAN (IRAN)",
      "EU country programme EU-RU-GOLD (EU RUSSIA)",
    ]);
  });
});
