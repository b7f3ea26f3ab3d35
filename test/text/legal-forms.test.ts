import { describe, expect, it } from "vitest";
import { LEGAL_FORMS, stripCjkForms, stripLegalForms } from "../../src/rmi/legal-forms.ts";
import { LEGAL_PHRASES, LEGAL_TOKENS } from "../../src/screening/legal-forms.ts";
import { screeningName } from "../../src/screening/screening-name.ts";
import { nameTokens } from "../../src/text/normalize.ts";
import { hasCjk, transliterate } from "../../src/text/transliterate.ts";
import { nameKey } from "../../src/rmi/name-key.ts";

describe("legal forms", () => {
  it.each([
    ["Jiangxi Copper Co., Ltd.", ["jiangxi", "copper"]],
    ["PT Timah Tbk Kundur", ["timah", "kundur"]],
    ["Malaysia Smelting Corporation Berhad", ["malaysia", "smelting"]],
    ["OJSC Novosibirsk Refinery", ["novosibirsk", "refinery"]],
    ["Metallurgical Products India Pvt. Ltd.", ["metallurgical", "products", "india"]],
    ["Resind Indústria e Comércio Ltda.", ["resind"]],
    ["Tanaka Kikinzoku Kogyo K.K.", ["tanaka", "kikinzoku", "kogyo"]],
    ["Grupo Industrial S.A. de C.V.", ["grupo", "industrial"]],
    ["Aurubis AG", ["aurubis"]],
    ["MALAMET SMELTING SDN. BHD.", ["malamet", "smelting"]],
  ])("%s keeps only its distinctive words", (name, core) => {
    expect(stripLegalForms(nameTokens(name)).core, name).toEqual(core);
  });

  it("keeps a name that is nothing but legal forms", () => {
    expect(stripLegalForms(["co", "ltd"]).core).toEqual(["co", "ltd"]);
  });

  it("strips CJK company suffixes", () => {
    expect(stripCjkForms("洛阳栾川钼业集团钨业有限公司")).toBe("洛阳栾川钼业集团钨业");
    expect(stripCjkForms("三菱マテリアル株式会社")).toBe("三菱マテリアル");
  });
});

describe("transliteration and name keys", () => {
  it("writes Cyrillic in Latin letters", () => {
    expect(transliterate("ОАО Красцветмет")).toBe("oao krastsvetmet");
    expect(transliterate("Plain ASCII")).toBe("Plain ASCII");
    expect(hasCjk("江西铜业")).toBe(true);
    expect(hasCjk("Jiangxi")).toBe(false);
  });

  it("gives equal keys to spellings suppliers use for one name", () => {
    const a = nameKey("Wolfram Bergbau und Hütten AG");
    const b = nameKey("WOLFRAM BERGBAU UND HUTTEN A.G.");
    expect(a.core).toEqual(b.core);
    expect(nameKey("Metalor Technologies S.A.").core).toEqual(nameKey("Metalor Technology SA").core);
    expect(nameKey("Asahi Refining USA Inc.").core).toEqual(nameKey("Asahi Refinery USA").core);
  });
});

describe("one legal-form list for matching and screening", () => {
  it("gives screening every one-word form of the list except ordinary name words", () => {
    for (const f of LEGAL_FORMS.filter((x) => !x.includes(" "))) {
      expect(LEGAL_TOKENS.has(f), f).toBe(
        !["san", "se", "too", "tic", "sti", "hf", "nao", "cia", "asa", "gie"].includes(f),
      );
    }
    expect(LEGAL_TOKENS.has("berhad") && LEGAL_TOKENS.has("tnhh"), "forms only matching knew before").toBe(true);
  });

  it("gives screening every multi-word form of the list as a phrase, whole", () => {
    for (const f of LEGAL_FORMS.filter((x) => x.includes(" "))) {
      expect(screeningName(`Kestrel ${f} Tin`).legalForms, f).toContain(f);
      expect(LEGAL_PHRASES.some((re) => new RegExp(re.source).test(` ${f} `))).toBe(true);
    }
  });

  it("lets matching strip the post-Soviet forms screening knew", () => {
    expect(nameKey("FGUP Priokskiy Zavod Tsvetnykh Metallov").raw).toEqual([
      "priokskiy",
      "zavod",
      "tsvetnykh",
      "metallov",
    ]);
    expect(nameKey("PAT Zaporizhzhia Titanium").raw).toEqual(["zaporizhzhia", "titanium"]);
    expect(nameKey("Otkrytoe Aktsionernoe Obshchestvo Novosibirsk Tin").raw).toEqual(["novosibirsk", "tin"]);
  });
});
