import { describe, expect, it } from "vitest";
import { foldToken, nameVariants, screeningName, tokenSimilarity } from "../../src/screening/screening-name.ts";

describe("screeningName", () => {
  it.each([
    ["JSC Uralelectromed", ["uralelektromed"]],
    ["JOINT STOCK COMPANY URALELEKTROMED", ["uralelektromed"]],
    ["AKTSIONERNOE OBSHCHESTVO URALELEKTROMED", ["uralelektromed"]],
    ["Otkrytoe Aktsionernoe Obshchestvo Uralelektromed", ["uralelektromed"]],
    ["OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU UGMK OTSM", ["ugmk", "otsm"]],
    ["PJSC Krastsvetmet", ["krastsvetmet"]],
    ["ZAO Krastsvetmet", ["krastsvetmet"]],
    ["OOO Krastsvetmet", ["krastsvetmet"]],
    ["Krastsvetmet Co., Ltd.", ["krastsvetmet"]],
    ["Heraeus Deutschland GmbH & Co. KG", ["heraeus", "deutshland"]],
    ["Metalor Technologies S.A.", ["metalor"]],
    ["Empresa Metalurgica Vinto S.A. de C.V.", ["vinto"]],
    // Names from the OFAC and UK lists: forms of the one legal-form list, Russian words inflected or spelt variously.
    ["OBSHCESTVO S OGRANICHENNOI OTVETSTVENNOSTYU KARST", ["karst"]],
    ["AKTSIONERNOE OBSHCESTVO INSTITUT STROIPROEKT", ["institut", "stroiproekt"]],
    ["Federalnoye Gosudarstvennoye Unitarnoye Predpriyatiye Priokskiy", ["priokski"]],
    [
      "FEDERAL STATE OWNED UNITARY ENTERPRISE FOREIGN TRADE ASSOCIATION ALMAZJUVELIREXPORT",
      ["foreign", "asokiation", "almaziuvelireksport"],
    ],
    ["SBERBANK FINANCE COMPANY LIMITED LIABILITY COMPANY", ["sberbank", "finanke"]],
    ["EASY CASH S. DE R.L.", ["easi", "kash"]],
    ["AVIANDINA S.A.C.", ["aviandina"]],
    ["MACPAR MAKINA SAN VE TIC A.S.", ["makpar", "makina"]],
    ["DALIAN ZHENGHUA MAOYI YOUXIAN GONGSI", ["dalian", "zhenghua", "maoi"]],
  ])("%s → %j", (name, distinctive) => {
    expect(screeningName(name).distinctive).toEqual(distinctive);
  });

  it("reduces a Cyrillic spelling as identification does (nameNorm transliterates; screening used to keep Cyrillic)", () => {
    const n = screeningName("АО «Уралэлектромедь»");
    expect(n.distinctive).toEqual(screeningName("JSC Uralelectromed").distinctive);
    expect(n.legalForms).toEqual(["ao"]);
  });

  it("keeps metal words apart from generic words", () => {
    const n = screeningName("Korea Zinc Industrial Group");
    expect(n.distinctive).toEqual(["korea"]);
    expect(n.descriptor).toEqual(["zink"]);
    expect(n.generic).toEqual(["industrial", "group"]);
  });
});

describe("foldToken / tokenSimilarity", () => {
  it.each([
    ["uralelectromed", "uralelektromed"],
    ["yekaterinburg", "ekaterinburg"],
    ["shchelkovsky", "shyolkovsky"],
    ["solikamskiy", "solikamsky"],
    ["wolfram", "volfram"],
    ["kazakhmys", "kazahmys"],
  ])("%s and %s fold alike", (a, b) => {
    expect(foldToken(a)).toBe(foldToken(b));
  });

  it("scores endings and one-letter slips as near matches, short words strictly", () => {
    expect(tokenSimilarity("solikamsk", "solikamski")).toBe(0.9);
    expect(tokenSimilarity("krastsvetmet", "krastvetmet")).toBeGreaterThanOrEqual(0.8);
    expect(tokenSimilarity("luna", "lune")).toBe(0);
  });

  it("counts two swapped letters as one typo, as identification does (one edit distance for both)", () => {
    expect(tokenSimilarity("almalyk", "almlayk"), "one swap in a 7-letter word").toBe(0.85);
    expect(tokenSimilarity("almalyk", "amlalyk"), "one swap").toBe(0.85);
    expect(tokenSimilarity("almalyk", "lamalky"), "two swaps in a short word").toBe(0);
  });

  it("splits bracketed short names into their own variant", () => {
    expect(nameVariants("Almalyk Mining and Metallurgical Complex (AMMC)")).toEqual([
      "Almalyk Mining and Metallurgical Complex (AMMC)",
      "Almalyk Mining and Metallurgical Complex",
      "AMMC",
    ]);
  });
});
