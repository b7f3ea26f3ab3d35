import { describe, expect, it } from "vitest";
import { findCid, findCids, isCid, normalizeCid, normalizeLegacyId, smelterId } from "../../src/rmi/identifiers.ts";

describe("normalizeCid", () => {
  it.each([
    ["CID 000801", "CID000801"],
    ["cid-002313", "CID002313"],
    ["CID000292 ", "CID000292"],
    ["CID 2763", "CID002763"],
    ["CID1969", "CID001969"],
    ["  Cid_000019", "CID000019"],
    ["CID#003185", "CID003185"],
    ["CID: 001070", "CID001070"],
    ["C I D 000801", "CID000801"],
    ["CID0002763", "CID002763"],
    ["ＣＩＤ００２３１３", "CID002313"],
    ["CID\u00a0000801", "CID000801"],
    ["CID\u3000000801\u200b", "CID000801"],
    ["cid－002313", "CID002313"],
  ])("%j → %s", (input, cid) => expect(normalizeCid(input)).toBe(cid));

  it.each([
    [""],
    ["CIDX"],
    ["CID"],
    ["CID 1234567"],
    ["4CHN005"],
    ["000801"],
    ["see CID000801"],
    ["Smelter not listed"],
    [null],
    [undefined],
  ])("%j is not a CID", (input) => expect(normalizeCid(input)).toBeNull());

  it("recognises only the canonical spelling as a CID", () => {
    expect(isCid("CID000801")).toBe(true);
    expect(isCid("CID 000801")).toBe(false);
    expect(isCid("CID00801")).toBe(false);
    expect(isCid(null)).toBe(false);
  });
});

describe("findCid", () => {
  it("finds a CID in free text in any spelling, and not inside a longer number or word", () => {
    expect(findCid("Refinery (CID 2763), Japan")).toBe("CID002763");
    expect(findCid("listed as cid-002313 by the RMI")).toBe("CID002313");
    expect(findCid("ＣＩＤ０００８０１ 锡业")).toBe("CID000801");
    expect(findCid("ACID0000801 wash")).toBeNull();
    expect(findCid("CID 12345678")).toBeNull();
    expect(findCid("no id here")).toBeNull();
    expect(findCid("CID003379X")).toBeNull();
  });
});

describe("legacy IDs and smelter ID cells", () => {
  it("normalises pre-CID CFSI IDs", () => {
    expect(normalizeLegacyId("4CHN005")).toBe("4CHN005");
    expect(normalizeLegacyId(" 2idn038 ")).toBe("2IDN038");
    expect(normalizeLegacyId("2-IDN-038")).toBe("2IDN038");
    expect(normalizeLegacyId("２ＩＤＮ０３８")).toBe("2IDN038");
    expect(normalizeLegacyId("CID001460")).toBeNull();
    expect(normalizeLegacyId("9IDN038")).toBeNull();
  });

  it("keeps a CID, else a legacy ID, else the text as written", () => {
    expect(smelterId("cid 801")).toBe("CID000801");
    expect(smelterId("4chn005")).toBe("4CHN005");
    expect(smelterId("  RMI-12\u00a0 A ")).toBe("RMI-12 A");
    expect(smelterId("   ")).toBeNull();
    expect(smelterId(null)).toBeNull();
  });
});

describe("findCids", () => {
  it("finds every CID of a revision note once, spelled as the normaliser accepts (was a separate 6-digit regex)", () => {
    expect(findCids("Alias to CID000760; merged with cid 2763 and CID000760 (see CID-002313)")).toEqual([
      "CID000760",
      "CID002763",
      "CID002313",
    ]);
    expect(findCids("no identifier")).toEqual([]);
  });
});
