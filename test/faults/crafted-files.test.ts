import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readTemplate } from "../../loaders/template/read-template.ts";
import { UnreadableWorkbook } from "../../loaders/xlsx/unreadable-workbook.ts";
import { writeTemplate } from "../../src/generate/template/write-template.ts";
import { cleanCmrt } from "../template/sample-input.ts";

/** A real CMRT whose Smelter List sheet is replaced by `rows` copies of one row: tiny compressed, huge inflated. */
async function bomb(rows: number): Promise<Uint8Array> {
  const files = unzipSync(await writeTemplate(cleanCmrt(), { template: "CMRT", version: "6.5" }));
  const row = `<row><c t="inlineStr"><is><t>${"Smelter not listed ".repeat(20)}</t></is></c></row>`;
  const xml = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row.repeat(rows)}</sheetData></worksheet>`;
  return zipSync({ ...files, "xl/worksheets/sheet5.xml": strToU8(xml) }, { level: 9 });
}

const reason = (bytes: Uint8Array) => {
  try {
    readTemplate(bytes, { file: "crafted.xlsx", asOf: "2025-06-01" });
    return "read";
  } catch (error) {
    if (error instanceof UnreadableWorkbook) return error.reason;
    throw error;
  }
};

describe("crafted workbooks are refused before they can fill memory", () => {
  it("a few hundred KB that inflate to over 100 MB are refused from the entry's declared size, without inflating it", async () => {
    const bytes = await bomb(250_000);
    expect(bytes.length).toBeLessThan(1_000_000);
    expect(reason(bytes)).toMatch(
      /^zip entry xl\/worksheets\/sheet5\.xml declares \d+ bytes uncompressed \(limit 50331648\)$/,
    );
  });

  it("an entry under the size cap that compresses like a deflate bomb is refused by its ratio", async () => {
    const bytes = await bomb(40_000);
    expect(reason(bytes)).toMatch(
      /^zip entry xl\/worksheets\/sheet5\.xml expands \d+:1 \(limit 200:1 for entries over 8388608 bytes\); possible zip bomb$/,
    );
  });

  it("an ordinary workbook is read", async () => {
    expect(reason(await bomb(50))).toBe("read");
  });
});
