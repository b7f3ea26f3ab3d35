import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CompoundFile } from "../../loaders/xlsx/compound-file.ts";
import { openWorkbook, PASSWORD_PROTECTED } from "../../loaders/xlsx/open-workbook.ts";
import { UnreadableWorkbook } from "../../loaders/xlsx/unreadable-workbook.ts";
import { writeCompoundFile } from "../helpers/compound-file-writer.ts";
import { encryptAgile } from "../helpers/office-encrypt.ts";
import { repoRoot } from "../helpers/paths.ts";
import { writeXls } from "../helpers/xls-writer.ts";

const plain = readFileSync(join(repoRoot, "data/sample/inbox/CMRT_Redwood_Electronics_Co_Ltd_2025.xlsx"));

const reason = (bytes: Uint8Array) => {
  try {
    openWorkbook(bytes);
    return "opened";
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableWorkbook);
    return (error as UnreadableWorkbook).reason;
  }
};

describe("openWorkbook dispatches on what the bytes are", () => {
  it("a zip is an .xlsx, a compound file with a Workbook stream an .xls, an encrypted package is decrypted", () => {
    expect(openWorkbook(plain)).toMatchObject({ format: "xlsx", decrypted: null });
    const xls = openWorkbook(writeXls([{ name: "Declaration", rows: [["x"]] }]));
    expect(xls).toMatchObject({ format: "xls", decrypted: null });
    const agile = openWorkbook(encryptAgile(plain, { spinCount: 10 }));
    expect(agile).toMatchObject({ format: "xlsx", decrypted: "agile" });
    expect(agile.workbook.sheets.map((s) => s.name)).toEqual(openWorkbook(plain).workbook.sheets.map((s) => s.name));
  });

  it("says what other compound files are, and refuses real passwords and half-encrypted files", () => {
    const one = (name: string) => writeCompoundFile({ [name]: new Uint8Array(16) });
    const biff5 = Buffer.from([0x09, 0x08, 0x08, 0x00, 0x00, 0x05, 0x05, 0x00, 0, 0, 0, 0]);
    expect(reason(writeCompoundFile({ Book: biff5 }))).toBe(
      "Excel 5.0/95 workbook (BIFF5); save it as .xlsx and send it again",
    );
    const biff8InBook = openWorkbook(
      writeCompoundFile({
        Book: new Uint8Array(
          new CompoundFile(writeXls([{ name: "Declaration", rows: [["in Book"]] }])).stream("Workbook")!,
        ),
      }),
    );
    expect(biff8InBook.workbook.sheet("Declaration")!.cell("A1")).toBe("in Book");
    expect(reason(one("WordDocument"))).toMatch(/Word 97-2003 document/);
    expect(reason(one("PowerPoint Document"))).toMatch(/PowerPoint/);
    expect(reason(one("Contents"))).toBe("OLE compound file that is not an Excel workbook");
    expect(reason(one("EncryptionInfo"))).toBe("damaged encrypted workbook (EncryptedPackage is missing)");
    expect(
      reason(
        writeCompoundFile({
          EncryptedPackage: new Uint8Array(64),
          "\u0006DataSpaces/DataSpaceInfo/DRMEncryptedDataSpace": new Uint8Array(8),
        }),
      ),
    ).toMatch(/Information Rights Management/);
    expect(reason(encryptAgile(plain, { password: "letmein", spinCount: 10 }))).toBe(PASSWORD_PROTECTED);
    expect(reason(encryptAgile(Buffer.from("not a zip at all, just text"), { spinCount: 10 }))).toMatch(
      /not a workbook|zip/,
    );
  });
});
