import { afterAll, describe, expect, it } from "vitest";
import { countryNameTable, countryToIso2, iso2ToName, useCountryNameTable } from "../../src/text/countries.ts";

describe("country name table saved with the match index", () => {
  const built = countryNameTable();
  afterAll(() => useCountryNameTable(built));

  it("holds the names of every locale and answers the same once reinstalled", () => {
    const spellings = [
      "CHINA",
      "Chine",
      "中国",
      "Deutschland",
      "Congo, Democratic Republic of the",
      "Türkiye",
      "RUSSIAN FEDERATION",
      "Korea, Republic of",
    ];
    const before = spellings.map(countryToIso2);
    expect(before).toEqual(["CN", "CN", "CN", "DE", "CD", "TR", "RU", "KR"]);
    useCountryNameTable(JSON.parse(JSON.stringify(built)));
    expect(spellings.map(countryToIso2)).toEqual(before);
  });

  it("uses the installed table for names (codes and English display names stay built in)", () => {
    useCountryNameTable([["narnia", "NZ"]]);
    expect(countryToIso2("Narnia")).toBe("NZ");
    expect(countryToIso2("Chine")).toBeNull();
    expect(countryToIso2("DE")).toBe("DE");
    expect(iso2ToName("DE")).toBe("Germany");
  });
});
