import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { countryToIso2, iso2ToIso3, iso2ToName, iso3ToIso2 } from "../../src/text/countries.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const rmiTable = path.join(repoRoot, "data/reference/country-risk/rmi_country_to_iso.csv");
const wgiTable = path.join(repoRoot, "data/reference/country-risk/wgi_2022_latest.csv");

describe("countryToIso2", () => {
  it.each([
    ["CONGO, DEMOCRATIC REPUBLIC OF THE", "CD"],
    ["DRC", "CD"],
    ["Democratic Republic of the Congo", "CD"],
    ["Congo, Dem. Rep.", "CD"],
    ["Republic of the Congo", "CG"],
    ["VIET NAM", "VN"],
    ["Vietnam", "VN"],
    ["KOREA, REPUBLIC OF", "KR"],
    ["South Korea", "KR"],
    ["Korea, South", "KR"],
    ["Korea, North", "KP"],
    ["Korea, Democratic People's Republic of", "KP"],
    ["DPRK", "KP"],
    ["Russian Federation", "RU"],
    ["russia", "RU"],
    ["UK", "GB"],
    ["United Kingdom of Great Britain and Northern Ireland", "GB"],
    ["Türkiye", "TR"],
    ["TURKIYE", "TR"],
    ["Turkey", "TR"],
    ["Côte d'Ivoire", "CI"],
    ["COTE D’IVOIRE", "CI"],
    ["Burma", "MM"],
    ["TAIWAN, PROVINCE OF CHINA", "TW"],
    ["Bolivia (Plurinational State of)", "BO"],
    ["  china  ", "CN"],
    ["P.R. China", "CN"],
    ["cn", "CN"],
    ["CHN", "CN"],
    ["de", "DE"],
    ["Deutschland", "DE"],
    ["中国", "CN"],
    ["Region: Crimea", "UA"],
    ["Bahamas, The", "BS"],
    ["Kosovo", "XK"],
  ])("%s → %s", (input, expected) => {
    expect(countryToIso2(input), input).toBe(expected);
  });

  it.each(["", "   ", "recycled", "scrap", "unknown", "N/A", "XX", "ZZZ", "Atlantis"])(
    "returns null for %j",
    (input) => {
      expect(countryToIso2(input)).toBeNull();
    },
  );

  it("resolves every spelling in the shipped RMI country table to its listed code", () => {
    const rows = readFileSync(rmiTable, "utf8").trim().split(/\r?\n/).slice(1);
    expect(rows.length).toBeGreaterThan(60);
    for (const row of rows) {
      const m = /^"([^"]+)",([A-Z]{2}),([A-Z]{3}),/.exec(row);
      expect(m, row).not.toBeNull();
      expect(countryToIso2(m![1]!), m![1]).toBe(m![2]);
      expect(iso2ToIso3(m![2]!), m![2]).toBe(m![3]);
    }
  });

  it("resolves World Bank economy names and ISO3 codes to the same country", () => {
    const lines = readFileSync(wgiTable, "utf8").trim().split(/\r?\n/).slice(1);
    const misses: string[] = [];
    for (const line of lines) {
      const m = /^([A-Z]{3}),("[^"]*"|[^,]*),/.exec(line);
      if (!m || m[1] === "ANT") continue; // Netherlands Antilles was dissolved in 2010
      const byName = countryToIso2(m[2]!.replace(/"/g, ""));
      if (byName === null || byName !== iso3ToIso2(m[1]!)) misses.push(`${m[1]} ${m[2]} → ${byName}`);
    }
    expect(misses).toEqual([]);
  });
});

describe("iso2ToName / iso2ToIso3", () => {
  it("names and converts codes", () => {
    expect(iso2ToName("CD")).toBe("Democratic Republic of the Congo");
    expect(iso2ToName("kr")).toBe("South Korea");
    expect(iso2ToName("ZZ")).toBeNull();
    expect(iso2ToIso3("KP")).toBe("PRK");
    expect(iso2ToIso3("XK")).toBe("XKX");
    expect(iso3ToIso2("COD")).toBe("CD");
    expect(iso2ToIso3("QQ")).toBeNull();
  });
});
