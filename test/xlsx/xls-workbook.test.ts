import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTemplate } from "../../loaders/template/read-template.ts";
import { openWorkbook, PASSWORD_PROTECTED } from "../../loaders/xlsx/open-workbook.ts";
import { UnreadableWorkbook } from "../../loaders/xlsx/unreadable-workbook.ts";
import { decodeRk } from "../../loaders/xlsx/biff-records.ts";
import { XlsWorkbook } from "../../loaders/xlsx/xls-workbook.ts";
import { hasMsoffcrypto, msoffcryptoDecrypt } from "../helpers/msoffcrypto.ts";
import { repoRoot, sharedDir } from "../helpers/paths.ts";
import { writeBiffStream, writeXls, xlsxAsXlsSheets, type XlsSheet, type XlsOptions } from "../helpers/xls-writer.ts";

const LIMITS = { maxRow: 20_000, maxColumns: 40 };
const long = "Smelter comment that runs past one record: " + "Ä".repeat(150) + " 中文说明 " + "x".repeat(120);

const sheets: XlsSheet[] = [
  {
    name: "Declaration",
    rows: [
      ["Company Name (*):", null, null, "Kessler Solder Sdn. Bhd."],
      ["Effective Date (*):", null, null, 45_412],
      ["Numbers", 7, -3, 12.34, 0.1, 1e-7, 123_456_789_012],
      ["Bool", true, false],
      ["Formulas", "looked up", 2.5, true, ""],
      ["CJK", "锡冶炼厂", "株式会社", long],
    ],
    formulas: new Set(["4:1", "4:2", "4:3", "4:4"]),
  },
  { name: "Smelter List", rows: [undefined, undefined, ["Tin", "CID000292", "Alpha"], ["Gold", "CID000015", long]] },
  { name: "L", hidden: true, rows: [["hidden list"]] },
];

function read(bytes: Uint8Array) {
  const o = openWorkbook(bytes);
  const decl = o.workbook.sheet("Declaration")!;
  return { o, decl, smelters: o.workbook.sheet("smelter list")! };
}

describe("legacy .xls (BIFF8) reader", () => {
  it("reads strings across CONTINUE records, RK/MULRK/NUMBER numbers, booleans and formula cached values", () => {
    const { o, decl, smelters } = read(writeXls(sheets, { maxRecord: 120, date1904: true }));
    expect(o.format).toBe("xls");
    expect(o.decrypted).toBeNull();
    expect(o.workbook.date1904).toBe(true);
    expect(o.workbook.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["Declaration", false],
      ["Smelter List", false],
      ["L", true],
    ]);
    expect(decl.cell("D1")).toBe("Kessler Solder Sdn. Bhd.");
    expect(decl.cell("D2")).toBe(45_412);
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => decl.get(3, c))).toEqual([7, -3, 12.34, 0.1, 1e-7, 123_456_789_012, null]);
    expect([decl.cell("B4"), decl.cell("C4")]).toEqual([true, false]);
    expect([decl.cell("B5"), decl.cell("C5"), decl.cell("D5"), decl.cell("E5")]).toEqual(["looked up", 2.5, true, ""]);
    expect([decl.isFormula(5, 1), decl.isFormula(5, 4), decl.isFormula(1, 3)]).toEqual([true, true, false]);
    expect([decl.cell("B6"), decl.cell("C6"), decl.cell("D6")]).toEqual(["锡冶炼厂", "株式会社", long]);
    expect(decl.lastRow).toBe(6);
    expect(smelters.cell("B3")).toBe("CID000292");
    expect(smelters.cell("C4")).toBe(long);
  });

  it("decodes RK numbers exactly (integer, integer/100, truncated double, double/100)", () => {
    expect(decodeRk((1234 << 2) | 2)).toBe(1234);
    expect(decodeRk(((-5 << 2) | 2) >>> 0)).toBe(-5);
    expect(decodeRk((1234 << 2) | 3)).toBe(12.34);
    expect(decodeRk(0x3ff00000)).toBe(1); // high word of 1.0
    expect(decodeRk(0x3ff00001)).toBe(0.01);
  });

  it("keeps to the row and column caps and says when rows were left out", () => {
    const rows = Array.from({ length: 60 }, (_, r) => [`r${r + 1}`, ...Array.from({ length: 50 }, (_, c) => c)]);
    const o = openWorkbook(writeXls([{ name: "Declaration", rows }]));
    const s = o.workbook.sheet("Declaration", { maxRow: 25, maxColumns: 10 })!;
    expect([s.truncated, s.lastRow, s.get(25, 9), s.get(25, 10), s.get(26, 0)]).toEqual([true, 25, 8, null, null]);
    expect(o.workbook.sheet("Declaration")!.truncated).toBe(false);
  });

  const encryptions: Array<[string, XlsOptions["encrypt"]]> = [
    ["RC4", { method: "rc4" }],
    ["RC4 CryptoAPI 128-bit", { method: "rc4-cryptoapi" }],
    ["RC4 CryptoAPI 40-bit", { method: "rc4-cryptoapi", keyBits: 40 }],
  ];

  it.each(encryptions)("decrypts %s with Excel's default password to the same cells", (_, encrypt) => {
    const plain = read(writeXls(sheets, { maxRecord: 300 }));
    const enc = read(writeXls(sheets, { maxRecord: 300, encrypt }));
    expect(enc.o.decrypted).toBe(encrypt!.method);
    expect([...enc.decl.rows]).toEqual([...plain.decl.rows]);
    expect([...enc.smelters.rows]).toEqual([...plain.smelters.rows]);
  });

  it.each(encryptions)("rejects %s with another password, saying so", (_, encrypt) => {
    const bytes = writeXls(sheets, { encrypt: { ...encrypt!, password: "hunter2" } });
    expect(() => openWorkbook(bytes)).toThrow(PASSWORD_PROTECTED);
  });

  it.skipIf(!hasMsoffcrypto)(
    "the test encryptor follows the specification: msoffcrypto-tool decrypts it to the plain cells",
    () => {
      const plain = read(writeXls(sheets));
      for (const [, encrypt] of encryptions) {
        const out = msoffcryptoDecrypt(writeXls(sheets, { encrypt }), "VelvetSweatshop");
        expect(out).not.toBeNull();
        const other = read(out!);
        expect([...other.decl.rows]).toEqual([...plain.decl.rows]);
      }
    },
  );

  it("rejects damaged streams with a reason and stays bounded on random damage", () => {
    const stream = writeBiffStream(sheets);
    expect(() => XlsWorkbook.open(stream.subarray(0, 3), LIMITS)).toThrow(/does not start with a BOF/);
    expect(() => XlsWorkbook.open(stream.subarray(0, 60), LIMITS)).toThrow(/runs past the end/);
    const biff5 = Buffer.from(stream);
    biff5.writeUInt16LE(0x0500, 4);
    expect(() => XlsWorkbook.open(biff5, LIMITS)).toThrow(/BIFF5/);
    let seed = 11;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff;
    for (const encrypt of [undefined, { method: "rc4-cryptoapi" as const }]) {
      const base = writeBiffStream(sheets, { encrypt });
      for (let k = 0; k < 200; k++) {
        const b = Buffer.from(base);
        for (let j = 0; j < 6; j++) b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
        try {
          const wb = XlsWorkbook.open(b, LIMITS);
          for (const s of wb.sheets) wb.sheet(s.name);
        } catch (error) {
          expect(error).toBeInstanceOf(UnreadableWorkbook);
        }
      }
    }
  });
});

const realXls = join(sharedDir, "templates/legacy/cmrt3.01_filled_encrypted.xls");
describe.skipIf(!hasMsoffcrypto || !existsSync(realXls))("a real RC4 CryptoAPI .xls from ../shared", () => {
  it("decrypts to the same cells as msoffcrypto-tool, on every sheet", () => {
    const bytes = readFileSync(realXls);
    const ours = openWorkbook(bytes);
    const theirs = openWorkbook(msoffcryptoDecrypt(bytes, "VelvetSweatshop")!);
    expect([ours.decrypted, theirs.decrypted]).toEqual(["rc4-cryptoapi", null]);
    expect(ours.workbook.sheets).toEqual(theirs.workbook.sheets);
    for (const s of ours.workbook.sheets) {
      const a = ours.workbook.sheet(s.name)!;
      const b = theirs.workbook.sheet(s.name)!;
      expect([...a.rows], s.name).toEqual([...b.rows]);
    }
    expect(ours.workbook.sheet("Smelter List")!.rows.size).toBeGreaterThan(2_000);
  });
});

/** The cells of every sheet of an .xlsx, as an .xls writer input (formula cells keep their cached values). */

describe("RMI templates saved as .xls", () => {
  it.each(["CMRT_Granite_Semiconductor_AB_2025.xlsx", "EMRT_Loire_Orion_Battery_SAS_2025.xlsx"])(
    "%s reads to the same declaration as the .xlsx, encrypted with the default password or not",
    (file) => {
      const xlsx = readFileSync(join(repoRoot, "data/sample/inbox", file));
      const asXls = xlsxAsXlsSheets(xlsx);
      const options = { file, asOf: "2025-12-01" };
      const want = readTemplate(xlsx, options);
      expect(want.smelters.length).toBeGreaterThan(5);
      expect(readTemplate(writeXls(asXls), options)).toEqual(want);
      const encrypted = readTemplate(writeXls(asXls, { encrypt: { method: "rc4-cryptoapi" } }), options);
      expect(encrypted.findings[0]).toMatchObject({
        severity: "info",
        code: "decrypted-default-password",
        sheet: null,
      });
      expect({ ...encrypted, findings: encrypted.findings.slice(1) }).toEqual(want);
    },
  );
});
