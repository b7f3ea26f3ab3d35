import { beforeAll, describe, expect, it } from "vitest";
import { buildSanctionsIndex, type SanctionsIndex } from "../../src/screening/sanctions-index.ts";
import type { SanctionsEntry } from "../../loaders/reference/sanctions-entry.ts";
import { screen } from "../../src/screening/screen.ts";
import { shippedEntries } from "./real-lists.ts";

const asOf = "2025-09-01";
let index: SanctionsIndex;
beforeAll(() => {
  index = buildSanctionsIndex(shippedEntries());
}, 60_000);

const nameHits = (r: ReturnType<typeof screen>) => r.hits.filter((h) => !h.list.endsWith("country programme"));

describe("screen: direct designations on the real lists", () => {
  it.each([
    // c/k transliteration and legal forms: RMI "JSC Uralelectromed" vs OFAC "JOINT STOCK COMPANY URALELEKTROMED"
    ["JSC Uralelectromed", "RU", "OFAC SDN", "44088"],
    ["Uralelektromed AO", "RU", "OFAC SDN", "44088"],
    ["Aktsionernoe Obshchestvo Uralelectromed", null, "OFAC SDN", "44088"],
    ["OJSC Krastsvetmet", "RU", "UK Sanctions List", "RUS2007"],
    [
      'OJSC "The Gulidov Krasnoyarsk Non-Ferrous Metals Plant" (OJSC Krastsvetmet)',
      "RUSSIAN FEDERATION",
      "UK Sanctions List",
      "RUS2007",
    ],
    ["Krastsvetmet PJSC", null, "UK Sanctions List", "RUS2007"],
    // word order and "&"/"and"
    ["Works Magnitogorsk Iron & Steel", "RU", "OFAC SDN", "37998"],
    ["African Gold Refinery Ltd", "Uganda", "OFAC SDN", "32791"],
  ])("%s (%s) hits %s %s", (name, country, list, id) => {
    const r = screen(index, { name, country }, { asOf });
    expect(r.decision, JSON.stringify(r.hits.slice(0, 2))).toBe("hit");
    const hit = r.hits.find((h) => h.list === list && h.id === id);
    expect(hit, `${list} ${id} among ${r.hits.map((h) => h.id).join(",")}`).toBeDefined();
    expect(hit!.score).toBeGreaterThanOrEqual(0.88);
    expect(hit!.reasons.join(" ")).toMatch(/listed/);
  });
});

describe("screen: hard negatives never hit", () => {
  it.each([
    // Korea Zinc (South Korea) must not hit KOREA ZINC INDUSTRIAL GROUP (North Korea, addresses KP and CN)
    ["Korea Zinc Co., Ltd.", "KR"],
    ["Korea Zinc Co., Ltd.", "KOREA, REPUBLIC OF"],
    ["KOREA ZINC CO LTD", "South Korea"],
    // acronym-only and single generic tokens
    ["Alpha", "US"],
    ["Alpha", null],
    ["MSC", "MY"],
    ["MSC", null],
    ["gold refinery", null],
    ["Gold Refinery", "AE"],
    ["Precious Minerals and Smelting Limited", "IN"],
    ["Luna Smelter, Ltd.", "RW"],
    // same place name or one shared word, different party
    ["Solikamsk Magnesium Works OAO", "RU"],
    ["Artek LLC", "RU"],
    ["Ekaterinburg", "RU"],
    ["Gold Coast Refinery", "GH"],
    ["Istanbul Gold Refinery", "TR"],
    ["Jiangxi Tungsten Industry Group Co. Ltd.", "CN"],
    ["Tungsten Vietnam Joint Stock Company", "VN"],
    ["Metallic Resources, Inc.", "US"],
    ["LS MnM Inc.", "KR"],
  ])("%s (%s) is not a name hit", (name, country) => {
    const r = screen(index, { name, country }, { asOf });
    expect(
      nameHits(r).filter((h) => h.score >= 0.88),
      JSON.stringify(r.hits),
    ).toEqual([]);
    expect(r.decision, JSON.stringify(r.hits)).toBe("clear");
  });

  it("country is evidence both ways: the DPRK group itself hits when its country is given", () => {
    const r = screen(index, { name: "Korea Zinc Industry Group", country: "KP" }, { asOf });
    expect(nameHits(r).map((h) => h.id)).toContain("22325");
    const kr = screen(index, { name: "Korea Zinc Industry Group", country: "KR" }, { asOf });
    expect(nameHits(kr).find((h) => h.id === "22325")?.score ?? 0).toBeLessThan(
      nameHits(r).find((h) => h.id === "22325")!.score,
    );
  });
});

describe("screen: entity types and country programmes", () => {
  const entries: SanctionsEntry[] = [
    {
      list: "OFAC SDN",
      id: "1",
      name: "PETROV, Ivan Ivanovich",
      type: "individual",
      programs: ["RUSSIA-EO14024"],
      countries: ["RU"],
      countriesFromAddress: true,
      aliases: [],
      remarks: null,
      designated: null,
    },
    {
      list: "OFAC SDN",
      id: "2",
      name: "ZOLOTAYA ZVEZDA",
      type: "vessel",
      programs: ["RUSSIA-EO14024"],
      countries: [],
      countriesFromAddress: false,
      aliases: [],
      remarks: null,
      designated: null,
    },
  ];
  const small = buildSanctionsIndex(entries);

  it("screens entities only unless allTypes", () => {
    expect(screen(small, { name: "Ivan Ivanovich Petrov" }, { asOf }).decision).toBe("clear");
    expect(screen(small, { name: "Ivan Ivanovich Petrov" }, { asOf, allTypes: true }).hits[0]?.id).toBe("1");
    expect(screen(small, { name: "Zolotaya Zvezda" }, { asOf, allTypes: true }).hits[0]?.id).toBe("2");
  });

  it.each([
    ["Empresa Niquel", "CU", null, "US-CUBA"],
    ["Tehran Refinery", "Iran", null, "US-IRAN"],
    ["Any Smelter", "KP", "Tin", "US-DPRK"],
    ["Any Refinery", "RU", "Gold", "US-RU-GOLD"],
    ["Any Refinery", "RU", "Gold", "UK-RU-GOLD"],
    ["Any Refinery", "RU", "Gold", "EU-RU-GOLD"],
  ])("%s in %s (%s) is flagged by %s", (name, country, metal, program) => {
    const r = screen(small, { name, country, metal }, { asOf });
    expect(r.decision).toBe("hit");
    expect(r.hits.map((h) => h.id)).toContain(program);
  });

  it("metal bans apply to their metal only, regional programmes to their region, and programmes end", () => {
    expect(screen(small, { name: "Novosibirsk Tin Combine", country: "RU", metal: "Tin" }, { asOf }).decision).toBe(
      "clear",
    );
    expect(screen(small, { name: "Any Refinery", country: "RU", metal: "Gold" }, { asOf: "2021-01-01" }).decision).toBe(
      "clear",
    );
    expect(screen(small, { name: "Plant", country: "UA", metal: "Tin", address: "Kyiv" }, { asOf }).decision).toBe(
      "clear",
    );
    const crimea = screen(
      small,
      { name: "Plant", country: "UA", metal: "Tin", address: "Sevastopol, Crimea" },
      { asOf },
    );
    expect(crimea.hits.map((h) => h.id)).toContain("US-CRIMEA");
    expect(
      screen(small, { name: "Damascus Steel", country: "SY" }, { asOf: "2024-01-01" }).hits.map((h) => h.id),
    ).toContain("US-SYRIA");
    expect(
      screen(small, { name: "Damascus Steel", country: "SY" }, { asOf: "2025-09-01" }).hits.map((h) => h.id),
    ).not.toContain("US-SYRIA");
  });

  it("a gold-sector programme asks for review, not a hit", () => {
    const r = screen(small, { name: "Minerven", country: "VE", metal: "Gold" }, { asOf });
    expect(r.decision).toBe("review");
    expect(r.hits[0]?.program).toBe("VENEZUELA-EO13850");
  });
});

describe("screen: the labelled set (bench/screening-labels.json)", () => {
  it("finds every direct designation as a hit on the listed entry and never hits a hard negative by name", async () => {
    const { default: labels } = await import("../../bench/screening-labels.json", { with: { type: "json" } });
    for (const p of labels.positives) {
      const hit = nameHits(screen(index, { name: p.name, country: p.country }, { asOf })).find(
        (h) => h.list === p.list && h.id === p.id,
      );
      expect(hit?.score ?? 0, `${p.name} → ${p.list} ${p.id}`).toBeGreaterThanOrEqual(0.88);
    }
    for (const n of labels.negatives) {
      const r = screen(index, { name: n.name, country: n.country }, { asOf }, []);
      expect(r.decision, `${n.name} (${n.why}): ${JSON.stringify(r.hits.slice(0, 1))}`).not.toBe("hit");
    }
  });

  it("needs the listed country for a long name one or two letters off, and folds state names", () => {
    expect(screen(index, { name: "JSC Uralectromed", country: "RU" }, { asOf }).decision).toBe("hit");
    expect(screen(index, { name: "JSC Uralectromed", country: null }, { asOf }).decision).toBe("review");
    expect(screen(index, { name: "Yamakin Co., Ltd.", country: "JP" }, { asOf }).decision).toBe("clear");
    const bank = nameHits(screen(index, { name: "Central Bank of the DPR of Korea", country: null }, { asOf }));
    expect(bank[0]).toMatchObject({ list: "OFAC SDN", id: "23015", score: 1 });
  });
});
