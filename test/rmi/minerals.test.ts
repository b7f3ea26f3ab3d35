import { describe, expect, it } from "vitest";
import { canonicalMetal, canonicalMineral, normalizeMetal } from "../../src/rmi/minerals.ts";

describe("the one metal table", () => {
  it.each([
    ["Sn", "Tin"],
    ["tin", "Tin"],
    [" TIN(*) ", "Tin"],
    ["Tin (Sn) (*)", "Tin"],
    ["Zinn", "Tin"],
    ["étain", "Tin"],
    ["锡", "Tin"],
    ["錫", "Tin"],
    ["金属锡", "Tin"],
    ["W", "Tungsten"],
    ["Wolfram", "Tungsten"],
    ["钨", "Tungsten"],
    ["タングステン", "Tungsten"],
    ["Ta", "Tantalum"],
    ["Tantal", "Tantalum"],
    ["钽", "Tantalum"],
    ["Au", "Gold"],
    ["gold", "Gold"],
    ["金", "Gold"],
    ["黄金", "Gold"],
    ["钴", "Cobalt"],
    ["铜", "Copper"],
    ["石墨", "Graphite"],
    ["natural graphite", "Graphite"],
    ["锂", "Lithium"],
    ["云母", "Mica"],
    ["天然云母", "Mica"],
    ["镍", "Nickel"],
    ["铝", "Aluminum"],
    ["Aluminium", "Aluminum"],
    ["铬", "Chromium"],
    ["银", "Silver"],
    ["锌", "Zinc"],
    ["稀土", "Rare Earth Elements"],
    ["REE", "Rare Earth Elements"],
    ["Cd", "Cadmium"],
    ["铅", "Lead"],
    ["Mo", "Molybdenum"],
    ["Re", "Rhenium"],
    ["硒", "Selenium"],
    ["碲", "Tellurium"],
    ["Graphite (Artificial)", "Graphite (Artificial)"],
    ["Graphite (Articial)", "Graphite (Artificial)"],
    ["人造石墨", "Graphite (Artificial)"],
    ["ＴＩＮ", "Tin"],
    ["Cobalt refiner", "Cobalt"],
    ["Gold / Au", "Gold"],
  ])("%j → %s", (input, metal) => expect(canonicalMetal(input)).toBe(metal));

  it.each([[""], ["  "], ["Smelter not listed"], ["Unobtainium"], ["in"], [null]])("%j names no metal", (input) =>
    expect(canonicalMetal(input)).toBeNull(),
  );

  it("canonicalMineral keeps to the ten CMRT/EMRT minerals", () => {
    expect(canonicalMineral("锡")).toBe("Tin");
    expect(canonicalMineral("natural mica")).toBe("Mica");
    expect(canonicalMineral("铝")).toBeNull();
    expect(canonicalMineral("Graphite (Artificial)"), "AMRT's synthetic graphite is not EMRT's graphite").toBeNull();
    expect(canonicalMineral("Silver")).toBeNull();
  });

  it("normalizeMetal keeps text it cannot place, trimmed", () => {
    expect(normalizeMetal("  Unobtainium  ")).toBe("Unobtainium");
    expect(normalizeMetal(" gold ")).toBe("Gold");
    expect(normalizeMetal("")).toBeNull();
  });
});
