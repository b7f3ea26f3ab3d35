import { describe, expect, it } from "vitest";
import { identify } from "../../src/matching/identify.ts";
import { buildMatchIndex } from "../../src/matching/match-index.ts";
import { tokenSimilarity } from "../../src/matching/similarity.ts";
import { editDistance } from "../../src/text/edit-distance.ts";

const f = (metal: string, cid: string, standard_name: string, country: string) => ({
  metal,
  cid,
  standard_name,
  country,
  country_iso2: null,
});
const index = buildMatchIndex({
  facilities: [
    f("Gold", "CID002763", "8853 S.p.A.", "ITALY"),
    f("Gold", "CID000855", "Jiangxi Copper Co., Ltd.", "CHINA"),
    f(
      "Gold",
      "CID001326",
      'OJSC "The Gulidov Krasnoyarsk Non-Ferrous Metals Plant" (OJSC Krastsvetmet)',
      "RUSSIAN FEDERATION",
    ),
    f("Gold", "CID000711", "Heraeus Germany GmbH Co. KG", "GERMANY"),
    f("Gold", "CID000707", "Heraeus Metals Hong Kong Ltd.", "CHINA"),
    f("Tin", "CID001898", "Thaisarco", "THAILAND"),
    f("Tin", "CID001477", "PT Timah Tbk Kundur", "INDONESIA"),
    f("Tin", "CID001482", "PT Timah Tbk Mentok", "INDONESIA"),
    f("Tungsten", "CID002044", "Wolfram Bergbau und Hutten AG", "AUSTRIA"),
    f("Tungsten", "CID002641", "China Molybdenum Tungsten Co., Ltd.", "CHINA"),
  ],
  aliases: [
    { metal: "Tungsten", cid: "CID002044", alias: "Wolfram Bergbau und Hütten AG" },
    { metal: "Tungsten", cid: "CID002641", alias: "洛阳栾川钼业集团钨业有限公司" },
    { metal: "Gold", cid: "CID001326", alias: "Krastsvetmet" },
    { metal: "Tin", cid: "CID001898", alias: "Thailand Smelting and Refining Co., Ltd." },
  ],
  removed: [
    {
      cid: "CID003379",
      metal: "Tin",
      standard_name: "Ma'anshan Weitai Tin Co., Ltd.",
      revision_date: "2022-02-08",
      details: "No longer an operating smelter / refiner",
    },
  ],
  legacy: [{ legacy_id: "1RUS067", cid: "CID001326", metal: "Gold" }],
});

const codes = (r: { findings: { code: string }[] }) => r.findings.map((x) => x.code);

describe("identify: steps in order", () => {
  it("exact CID for the metal wins, whatever the name", () => {
    const r = identify(index, { id: "cid 2763", metal: "gold" });
    expect(r.decision).toBe("matched");
    expect(r.matches[0]).toMatchObject({ cid: "CID002763", method: "cid", score: 1, metal: "Gold", country: "ITALY" });
  });

  it("translates a legacy ID", () => {
    const r = identify(index, { id: "1RUS067", metal: "Gold" });
    expect(r.matches[0]).toMatchObject({ cid: "CID001326", method: "legacy-id" });
    expect(codes(r)).toContain("legacy-id");
  });

  it("matches an exact alias within the metal", () => {
    const r = identify(index, { name: "THAILAND SMELTING AND REFINING CO., LTD.", metal: "Tin" });
    expect(r).toMatchObject({ decision: "matched", matches: [{ cid: "CID001898", method: "alias", score: 1 }] });
  });

  it.each([
    ["Wolfram Bergbau & Huetten", "Tungsten", "CID002044"],
    ["Jiangxi Copper Company Limited", "Gold", "CID000855"],
    ["Copper Jiangxi Co Ltd", "Gold", "CID000855"],
    ["Heraeus Metals (Hong Kong)", "Gold", "CID000707"],
    ["ОАО Красцветмет", "Gold", "CID001326"],
    ["洛阳栾川钼业集团钨业", "Tungsten", "CID002641"],
    ["Thaisarco, Thailand", "Tin", "CID001898"],
    ["PT Timah Kundurr", "Tin", "CID001477"],
  ])("fuzzy: %s → %s %s", (name, metal, cid) => {
    const r = identify(index, { name, metal });
    expect(r.decision, JSON.stringify(r.matches)).toBe("matched");
    expect(r.matches[0]?.cid).toBe(cid);
    expect(r.matches[0]!.score).toBeGreaterThan(0);
    expect(r.matches[0]!.score).toBeLessThanOrEqual(1);
  });

  it("stays within the metal", () => {
    expect(identify(index, { name: "Thaisarco", metal: "Gold" }).decision).toBe("unmatched");
  });

  it("calls close candidates ambiguous instead of guessing", () => {
    const r = identify(index, { name: "PT Timah", metal: "Tin" });
    expect(r.decision).toBe("ambiguous");
    expect(r.matches.map((m) => m.cid).sort()).toEqual(["CID001477", "CID001482"]);
  });

  it("uses country as evidence: it breaks a tie between two Heraeus sites", () => {
    const r = identify(index, { name: "Heraeus", metal: "Gold", country: "Germany" });
    expect(r.matches[0]?.cid).toBe("CID000711");
    const hk = identify(index, { name: "Heraeus", metal: "Gold", country: "China" });
    expect(hk.matches[0]?.cid).toBe("CID000707");
  });

  it.each(["Apple Inc.", "Mining Company", "Smelter not listed", "Unknown", "Golden Dragon Trading Co., Ltd."])(
    "leaves %s unmatched",
    (name) => {
      const r = identify(index, { name, metal: "Gold" });
      expect(r.decision).not.toBe("matched");
    },
  );
});

describe("identify: conflicts become findings", () => {
  it("cid-name-mismatch when the row's name is another facility", () => {
    const r = identify(index, { id: "CID002763", name: "Jiangxi Copper Co., Ltd.", metal: "Gold" });
    expect(codes(r)).toEqual(["cid-name-mismatch"]);
    expect(r.findings[0]!.message).toContain("CID000855");
    expect(r.matches[0]!.score).toBeLessThan(1);
  });

  it("no finding when the name agrees with the CID", () => {
    expect(codes(identify(index, { id: "CID002763", name: "8853 SpA", metal: "Gold", country: "Italy" }))).toEqual([]);
  });

  it("cid-country-mismatch when the row's country contradicts", () => {
    const r = identify(index, { id: "CID002763", name: "8853 S.p.A.", metal: "Gold", country: "JAPAN" });
    expect(codes(r)).toEqual(["cid-country-mismatch"]);
  });

  it("cid-removed: a CID RMI removed still resolves to its facility, and says so", () => {
    const r = identify(index, { id: "CID003379", metal: "Tin" });
    expect(r.decision).toBe("matched");
    expect(r.matches[0]).toMatchObject({ cid: "CID003379", name: "Ma'anshan Weitai Tin Co., Ltd.", status: "removed" });
    expect(codes(r)).toEqual(["cid-removed"]);
    expect(r.findings[0]!.message).toContain("2022-02-08");
  });

  it("cid-wrong-metal for a CID valid only for another metal, then falls back to the name", () => {
    const r = identify(index, { id: "CID001898", name: "Jiangxi Copper", metal: "Gold" });
    expect(codes(r)).toEqual(["cid-wrong-metal"]);
    expect(r.matches[0]?.cid).toBe("CID000855");
  });

  it("cid-unknown for a CID not in the reference", () => {
    expect(codes(identify(index, { id: "CID999999", metal: "Gold" }))).toEqual(["cid-unknown"]);
  });
});

describe("similarity", () => {
  it("counts typos and transpositions", () => {
    expect(editDistance("smelting", "semlting")).toBe(1);
    expect(editDistance("refinery", "refinary")).toBe(1);
    expect(tokenSimilarity("refinery", "refinary")).toBeCloseTo(0.875);
    expect(tokenSimilarity("gold", "bold")).toBe(1 - 1 / 4);
    expect(tokenSimilarity("tin", "tan")).toBe(0);
    expect(tokenSimilarity("2", "3")).toBe(0);
  });
});

describe("trade names", () => {
  it("leaves a trader named after a smelter to the analyst instead of assigning it", () => {
    const smelter = identify(index, { name: "Jiangxi Copper Co Ltd", metal: "Gold", country: "China" });
    expect(smelter).toMatchObject({ decision: "matched", matches: [{ cid: "CID000855" }] });
    for (const name of ["Jiangxi Copper Trading Co., Ltd.", "Jiangxi Copper Import & Export Co., Ltd."]) {
      const trader = identify(index, { name, metal: "Gold", country: "China" });
      expect(trader.decision, name).not.toBe("matched");
    }
  });
});

describe("supplier spellings: local legal forms, metal words, abbreviations", () => {
  const idx = buildMatchIndex({
    facilities: [
      f("Tungsten", "CID000218", "Guangdong Xianglu Tungsten Co., Ltd.", "CHINA"),
      f("Tungsten", "CID002647", "Jiangxi Xianglu Tungsten Co., Ltd.", "CHINA"),
      f("Tungsten", "CID003417", "Hubei Green Tungsten Co., Ltd.", "CHINA"),
      f("Gold", "CID000767", "Hunan Chenzhou Mining Co., Ltd.", "CHINA"),
      f("Gold", "CID001916", "Shandong Gold Smelting Co., Ltd.", "CHINA"),
      f("Gold", "CID003348", "Dijllah Gold Refinery FZC", "UNITED ARAB EMIRATES"),
      f("Gold", "CID000359", "Do Sung Corporation", "KOREA, REPUBLIC OF"),
      f("Tin", "CID001231", "Jiangxi New Nanshan Technology Ltd.", "CHINA"),
      f("Tin", "CID002180", "Yunnan Tin Company Limited", "CHINA"),
      f("Tantalum", "CID001522", "RFH Tantalum Smeltry Co., Ltd.", "CHINA"),
    ],
    aliases: [],
    sightings: [],
    revisions: [
      {
        cid: "CID000864",
        metal: "Tin",
        standard_name: "Jiangxi Nanshan",
        country: "CHINA",
        revision: "removed",
        details: "Alias to CID001231",
        revision_date: "2015-01-01",
      },
    ],
  });
  it.each([
    ["Guangdong Xianglu Tungsten Youxian Gongsi", "Tungsten", "CID000218"],
    ["Do Sung Jusik Hoesa", "Gold", "CID000359"],
    ["Hubei Green Wolfram Co., Ltd.", "W", "CID003417"],
    ["Yunnan Sn Company Limited", "Sn", "CID002180"],
    ["Dijllah Au Refinery FZC", "Au", "CID003348"],
    ["RFH Tantal Smeltry", "Tantal", "CID001522"],
    ["Hunan Chenzhou Mng. Co., Ltd.", "Gold", "CID000767"],
    ["Do Sung Corproation", "Gold", "CID000359"],
  ])("%s (%s) → %s", (name, metal, cid) => {
    const r = identify(idx, { name, metal });
    expect(r.decision).toBe("matched");
    expect(r.matches[0]?.cid).toBe(cid);
  });

  it("a word no RMI name uses keeps a same-industry name from being assigned", () => {
    const r = identify(idx, { name: "Shandong Zhenlian Gold Smelter Co., Ltd.", metal: "Gold", country: "China" });
    expect(r.decision).not.toBe("matched");
  });

  it("a name RMI removed as an alias of another facility resolves to that facility", () => {
    const r = identify(idx, { name: "Nanshan Jiangxi", metal: "Tin" });
    expect([r.decision, r.matches[0]?.cid]).toEqual(["matched", "CID001231"]);
    const byId = identify(idx, { id: "CID000864", metal: "Tin" });
    expect(byId.matches[0]).toMatchObject({ cid: "CID000864", status: "removed" });
    expect(byId.findings[0]!.message).toContain("RMI points to CID001231");
  });
});
