import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readTemplate } from "../../loaders/template/read-template.ts";
import { UnreadableWorkbook } from "../../loaders/xlsx/unreadable-workbook.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const shared = process.env.ASSAY_SHARED ?? path.resolve(repoRoot, "../shared");
const dir = path.join(shared, "templates");
const read = (rel: string) => readTemplate(readFileSync(path.join(dir, rel)), { file: rel, asOf: "2024-07-01" });

describe.skipIf(!existsSync(dir))("official blanks and real supplier files", () => {
  it.each([
    ["AMRT", "1.2"],
    ["AMRT", "1.3"],
    ["CMRT", "6.01"],
    ["CMRT", "6.1"],
    ["CMRT", "6.22"],
    ["CMRT", "6.31"],
    ["CMRT", "6.4"],
    ["CMRT", "6.5"],
    ["CRT", "2.2"],
    ["CRT", "2.21"],
    ["EMRT", "1.1"],
    ["EMRT", "1.11"],
    ["EMRT", "1.2"],
    ["EMRT", "1.3"],
    ["EMRT", "2.0"],
    ["EMRT", "2.1"],
  ])("detects %s %s from the workbook itself", (family, version) => {
    const d = read(`official/RMI_${family}_${version}.xlsx`);
    expect([d.template, d.version]).toEqual([family, version]);
    expect(d.findings.some((f) => f.code === "required-field-missing")).toBe(true);
  });

  it("JX: 27 Ta/W rows pasted as values, six duplicates, product scope", () => {
    const d = read("real/cmrt6.4_jx_advanced_metals.xlsx");
    expect(d.smelters).toHaveLength(27);
    expect(new Set(d.smelters.map((s) => s.metal))).toEqual(new Set(["Tantalum", "Tungsten"]));
    expect(d.smelters.flatMap((s) => Object.values(s)).filter((v) => v === "0")).toEqual([]);
    expect(d.findings.filter((f) => f.code === "duplicate-smelter")).toHaveLength(6);
    expect(d.company.scope).toBe("Product");
    expect(d.products.map((p) => p.number)).toEqual(["Sputtering Target", "Sputtering Target", "Tantalum parts"]);
  });

  it("Honeywell: text date 02-May-2024, tabs stripped, 40 rows although rows were deleted", () => {
    const d = read("real/cmrt6.4_honeywell_hem.xlsx");
    expect(d.company.effectiveDate).toBe("2024-05-02");
    expect(d.company.name).toBe("Honeywell International");
    expect(d.company.scope).toBe("User defined");
    expect(d.smelters).toHaveLength(40);
    expect(d.findings.some((f) => f.code === "duplicate-smelter" && f.message.includes("CID001522"))).toBe(true);
  });

  it("Central Glass: CIDs only in column F", () => {
    const d = read("real/cmrt6.4_central_glass_20240426.xlsx");
    expect(d.smelters).toHaveLength(4);
    expect(d.smelters.every((s) => /^CID\d{6}$/.test(s.cid ?? ""))).toBe(true);
    expect(d.minerals).toEqual(["Tungsten"]);
    expect(d.findings.map((f) => f.code)).toEqual(["template-outdated"]);
  });

  it("SK: product row without a number; Merck: one tungsten smelter", () => {
    const sk = read("real/cmrt6.4_sk_specialty_wf6_20240509.xlsx");
    expect(sk.products).toEqual([{ row: 6, number: null, name: "WF6", comments: "For manufacturing WF6 Gas" }]);
    expect(sk.smelters).toHaveLength(2);
    const merck = read("real/cmrt6.4_emd_merck_wf6_202404.xlsx");
    expect(merck.smelters.map((s) => s.metal)).toEqual(["Tungsten"]);
  });

  it("PKG: blank declaration block with 67 smelter rows", () => {
    const d = read("real/cmrt6.4_packaging_blank_declaration_20240710.xlsx");
    expect(d.company.name).toBeNull();
    expect(d.smelters).toHaveLength(67);
    expect(d.findings.filter((f) => f.code === "required-field-missing")).toHaveLength(8);
    // 247 literal zeros left by copied formulas read as empty.
    expect(d.smelters.flatMap((s) => Object.values(s)).filter((v) => v === "0")).toEqual([]);
    expect(d.minerals).toEqual(["Tin", "Gold"]);
  });

  it("placeholder 6.22 with an empty smelter list needs smelters for every declared metal", () => {
    const d = read("real/cmrt6.22_placeholder_ABC.xlsx");
    expect(d.company.name).toBe("ABC");
    expect(d.findings.filter((f) => f.code === "metal-without-smelters")).toHaveLength(4);
  });

  // Listed at collection time, which runs even when the suite is skipped: no folder, no cases.
  const legacy = existsSync(path.join(dir, "legacy"))
    ? readdirSync(path.join(dir, "legacy")).filter((f) => f.endsWith(".xlsx"))
    : [];
  it.each(legacy)("legacy %s is read best-effort with legacy-layout", (f) => {
    const d = read(`legacy/${f}`);
    expect(d.template).toBe("CMRT");
    expect(d.findings.map((x) => x.code)).toContain("legacy-layout");
  });

  it("reads the RC4 CryptoAPI-encrypted CMRT 3.01 .xls (Excel's default password) like the .xlsx legacy files", () => {
    const d = read("legacy/cmrt3.01_filled_encrypted.xls");
    expect([d.template, d.version]).toEqual(["CMRT", "3.01"]);
    expect(d.findings.map((x) => x.code)).toEqual(
      expect.arrayContaining(["decrypted-default-password", "legacy-layout"]),
    );
    expect(d.findings.find((x) => x.code === "decrypted-default-password")?.message).toMatch(/RC4 CryptoAPI/);
    expect(d.company.name).toBe("GoerTech Inc.");
    expect(d.company.effectiveDate).toBe("2014-05-22"); // serial 40319 in the 1904 date system (DATEMODE)
    expect(d.smelters.length).toBeGreaterThan(30);
    expect(d.smelters[0]).toMatchObject({ metal: "Gold", cid: "CID000058", country: "BRAZIL" });
  });

  it("rejects the JPEG with a clear reason", () => {
    expect(() => read("legacy/not_a_workbook_jpeg.xls")).toThrow(UnreadableWorkbook);
    expect(() => read("legacy/not_a_workbook_jpeg.xls")).toThrow(/JPEG/);
  });
});
