import { CompoundFile, isCompoundFile } from "./compound-file.ts";
import { decryptOoxml, PASSWORD_PROTECTED, type OoxmlEncryption } from "./office-crypto.ts";
import type { BiffEncryption } from "./biff-crypto.ts";
import type { Sheet } from "./sheet.ts";
import { UnreadableWorkbook } from "./unreadable-workbook.ts";
import { DEFAULT_WORKBOOK_LIMITS, Workbook, type WorkbookLimits } from "./workbook.ts";
import { XlsWorkbook } from "./xls-workbook.ts";

export { PASSWORD_PROTECTED };

/** What every reader offers: the sheet list, the date system, and sheets by name. */
export interface ReadableWorkbook {
  readonly sheets: ReadonlyArray<{ name: string; hidden: boolean }>;
  readonly date1904: boolean;
  hasSheet(name: string): boolean;
  sheet(name: string, options?: { maxRow?: number; maxColumns?: number }): Sheet | null;
}

export interface OpenedWorkbook {
  workbook: ReadableWorkbook;
  format: "xlsx" | "xls";
  /** How the file was encrypted when it was opened with Excel's default password; null when it was not encrypted. */
  decrypted: OoxmlEncryption | BiffEncryption | null;
}

function describeCompound(cf: CompoundFile): string {
  if (cf.has("WordDocument")) return "not a workbook: the file is a Word 97-2003 document";
  if (cf.has("PowerPoint Document")) return "not a workbook: the file is a PowerPoint 97-2003 presentation";
  if (cf.has("__substg1.0_0037001F") || cf.has("__substg1.0_0037001E"))
    return "not a workbook: the file is an Outlook message";
  return "OLE compound file that is not an Excel workbook";
}

/**
 * Opens workbook bytes of any kind a supplier sends: .xlsx/.xlsm (zip), .xlsx encrypted with Excel's default password
 * (Agile or Standard, inside a compound file), and legacy .xls (BIFF8, RC4-encrypted with the default password or not).
 * Throws UnreadableWorkbook with a one-line reason for anything else, and PASSWORD_PROTECTED for a real password.
 */
export function openWorkbook(bytes: Uint8Array, limits: Partial<WorkbookLimits> = {}): OpenedWorkbook {
  if (!isCompoundFile(bytes)) return { workbook: Workbook.open(bytes, limits), format: "xlsx", decrypted: null };
  const all = { ...DEFAULT_WORKBOOK_LIMITS, ...limits };
  const cf = new CompoundFile(bytes, { maxEntries: all.maxEntries, maxStreamBytes: all.maxEntryBytes });
  const info = cf.stream("EncryptionInfo");
  const pkg = cf.stream("EncryptedPackage");
  if (info && pkg) {
    const outcome = decryptOoxml(info, pkg);
    if (!outcome.ok) throw new UnreadableWorkbook(PASSWORD_PROTECTED);
    if (isCompoundFile(outcome.bytes))
      throw new UnreadableWorkbook("damaged encrypted workbook (the decrypted package is not a zip)");
    return { workbook: Workbook.open(outcome.bytes, limits), format: "xlsx", decrypted: outcome.method };
  }
  // A package without EncryptionInfo is rights-managed (IRM): its key comes from a rights server, never from a password.
  if (pkg)
    throw new UnreadableWorkbook(
      "protected with Information Rights Management (IRM); ask the supplier for an unprotected copy",
    );
  if (info) throw new UnreadableWorkbook("damaged encrypted workbook (EncryptedPackage is missing)");
  // BIFF8 lives in "Workbook"; a few writers name it "Book", the BIFF5 name (the BOF's version tells them apart).
  const stream = cf.stream("Workbook") ?? cf.stream("Book");
  if (!stream) throw new UnreadableWorkbook(describeCompound(cf));
  const wb = XlsWorkbook.open(stream, { maxRow: all.maxRow, maxColumns: all.maxColumns });
  return { workbook: wb, format: "xls", decrypted: wb.encryption };
}
