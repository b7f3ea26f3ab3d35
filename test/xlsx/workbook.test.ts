import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { Workbook } from "../../loaders/xlsx/workbook.ts";
import { UnreadableWorkbook } from "../../loaders/xlsx/unreadable-workbook.ts";

const CT = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`;
const WB = `<workbook xmlns:r="r"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Hidden" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>`;
const RELS = `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>`;
const SST = `<sst><si><t>plain</t></si><si><r><t>rich </t></r><r><rPr/><t xml:space="preserve">text</t></r><rPh><t>ふりがな</t></rPh></si><si><t>a&amp;b_x000D_c</t></si></sst>`;

function sheetXml(rows: string): string {
  return `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
}

function xlsx(sheet1: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(CT),
    "xl/workbook.xml": strToU8(WB),
    "xl/_rels/workbook.xml.rels": strToU8(RELS),
    "xl/sharedStrings.xml": strToU8(SST),
    "xl/worksheets/sheet1.xml": strToU8(sheet1),
    "xl/worksheets/sheet2.xml": strToU8(sheetXml("")),
    ...extra,
  });
}

const reason = (bytes: Uint8Array, limits = {}) => {
  try {
    const wb = Workbook.open(bytes, limits);
    wb.sheet("Data");
    return "read";
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableWorkbook);
    return (error as UnreadableWorkbook).reason;
  }
};

describe("Workbook cell scanning", () => {
  const wb = Workbook.open(
    xlsx(
      sheetXml(
        `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>` +
          `<row r="2"><c r="A2" t="inlineStr"><is><t>inline</t></is></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#N/A</v></c>` +
          `<c r="D2" t="str"><f>A1&amp;"x"</f><v>plainx</v></c><c r="E2"><f>1+1</f><v>45412</v></c><c r="F2" s="3"/></row>` +
          `<row><c t="n"><v>7</v></c><c><v>8.5</v></c></row>`,
      ),
    ),
  );

  it("lists sheets with their hidden state, case-insensitively", () => {
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["Data", false],
      ["Hidden", true],
    ]);
    expect(wb.hasSheet("data")).toBe(true);
    expect(wb.sheet("nope")).toBeNull();
  });

  it("reads shared, rich (without phonetic runs), inline and formula strings, booleans, errors and numbers", () => {
    const s = wb.sheet("Data")!;
    expect([s.cell("A1"), s.cell("B1"), s.cell("C1")]).toEqual(["plain", "rich text", "a&b\rc"]);
    expect([s.cell("A2"), s.cell("B2"), s.cell("C2"), s.cell("D2"), s.cell("E2"), s.cell("F2")]).toEqual([
      "inline",
      true,
      null,
      "plainx",
      45412,
      null,
    ]);
    expect(s.isFormula(2, 3)).toBe(true);
    expect(s.isFormula(2, 0)).toBe(false);
    expect([s.cell("A3"), s.cell("B3")]).toEqual([7, 8.5]);
    expect(s.lastRow).toBe(3);
  });

  it("caps the rows read from a huge sheet and says so", () => {
    const rows = Array.from({ length: 500 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join(
      "",
    );
    const s = Workbook.open(xlsx(sheetXml(rows)), { maxRow: 100 }).sheet("Data")!;
    expect(s.lastRow).toBe(100);
    expect(s.truncated).toBe(true);
  });
});

describe("bad input never crashes, and gets one clear reason", () => {
  it("empty, JPEG, PDF and text files", () => {
    expect(reason(new Uint8Array())).toBe("empty file");
    expect(reason(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]))).toMatch(/JPEG/);
    expect(reason(strToU8("%PDF-1.7 ..."))).toMatch(/PDF/);
    expect(reason(strToU8("name,cid\nfoo,CID000001\n"))).toMatch(/neither \.xlsx \(zip\) nor \.xls/);
  });

  it("OLE containers: legacy .xls, encrypted .xls and password-protected .xlsx", () => {
    const cfb = (streams: string[], filepass = false) => {
      const bytes = new Uint8Array(4096);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      let at = 1024;
      for (const s of streams) {
        bytes.set(Buffer.from(s, "utf16le"), at);
        at += 128;
      }
      bytes.set([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00], 2048);
      if (filepass) bytes.set([0x2f, 0x00], 2068);
      return bytes;
    };
    expect(reason(cfb(["Workbook"]))).toMatch(/legacy Excel 97-2003 \(\.xls\)/);
    expect(reason(cfb(["Workbook"], true))).toMatch(/encrypted legacy \.xls/);
    expect(reason(cfb(["EncryptionInfo", "EncryptedPackage"]))).toMatch(/password-protected/);
  });

  it("truncated zip archives", () => {
    const full = xlsx(sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`));
    expect(reason(full.subarray(0, Math.floor(full.length / 2)))).toMatch(/truncated/);
    expect(reason(full.subarray(0, 40))).toMatch(/truncated/);
  });

  it("zip archives that are not workbooks", () => {
    expect(reason(zipSync({ "word/document.xml": strToU8("<w/>") }))).toMatch(/Word document/);
    expect(
      reason(zipSync({ "[Content_Types].xml": strToU8(CT), "xl/workbook.bin": new Uint8Array([0x83, 1, 0]) })),
    ).toMatch(/\.xlsb\); save it as \.xlsx/);
    expect(reason(zipSync({ "readme.txt": strToU8("hi") }))).toMatch(/without xl\/workbook\.xml/);
  });

  it("zip bombs: too many entries, a huge declared size, and an entry that lies about its size", () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 60; i++) many[`x/${i}.txt`] = strToU8("x");
    expect(reason(xlsx(sheetXml(""), many), { maxEntries: 50 })).toMatch(/entries \(limit 50\)/);

    const big = sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${"A".repeat(3_000_000)}</t></is></c></row>`);
    expect(reason(xlsx(big), { maxEntryBytes: 1_000_000 })).toMatch(
      /declares \d+ bytes uncompressed \(limit 1000000\)/,
    );
    expect(reason(xlsx(big), { maxTotalBytes: 1_000_000 })).toMatch(/expands beyond 1000000 bytes/);

    // Patch the central directory so the sheet claims to be 100 bytes: inflation must stop there.
    const bytes = new Uint8Array(xlsx(big));
    const name = strToU8("xl/worksheets/sheet1.xml");
    const view = new DataView(bytes.buffer);
    for (let p = 0; p < bytes.length - 46; p++) {
      if (
        view.getUint32(p, true) === 0x02014b50 &&
        Buffer.from(bytes.subarray(p + 46, p + 46 + name.length)).equals(Buffer.from(name))
      ) {
        view.setUint32(p + 24, 100, true);
      }
    }
    expect(reason(bytes)).toMatch(/expands beyond its declared size \(100 bytes\); possible zip bomb/);
  });

  it("a workbook whose sheet is missing from the archive", () => {
    const bytes = zipSync({ "xl/workbook.xml": strToU8(WB), "xl/_rels/workbook.xml.rels": strToU8(RELS) });
    expect(reason(bytes)).toMatch(/sheet 'Data' .* is missing/);
  });
});

describe("text beyond ASCII (sheet XML is scanned as latin1, text decoded as UTF-8)", () => {
  const sst = `<sst><si><t>冶炼厂 Ünterweißbach</t></si><si><t>Métal &amp; &#233;t&#xE9; ☃</t></si></sst>`;
  const bytes = xlsx(
    sheetXml(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Zhuzhou 株洲</t></is></c>` +
        `<c r="D1" t="str"><f>"Ø"&amp;"x"</f><v>Øx — 合金</v></c></row><row r="2"><c r="A2"><v>1</v></c></row>`,
    ),
    { "xl/sharedStrings.xml": strToU8(sst) },
  );

  it("keeps shared, inline and formula strings intact, entities decoded after UTF-8", () => {
    const s = Workbook.open(bytes).sheet("Data")!;
    expect([s.cell("A1"), s.cell("B1"), s.cell("C1"), s.cell("D1")]).toEqual([
      "冶炼厂 Ünterweißbach",
      "Métal & été ☃",
      "Zhuzhou 株洲",
      "Øx — 合金",
    ]);
    expect(s.isFormula(1, 3)).toBe(true);
    expect(s.cell("A2")).toBe(1);
  });

  it("refuses a shared-strings table beyond the entry cap with a reason that names it", () => {
    const big = `<sst>${"<si><t>x</t></si>".repeat(5000)}</sst>`;
    expect(
      reason(
        xlsx(sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`), { "xl/sharedStrings.xml": strToU8(big) }),
        { maxEntryBytes: 60_000 },
      ),
    ).toBe("zip entry xl/sharedStrings.xml declares 85011 bytes uncompressed (limit 60000)");
  });
});
