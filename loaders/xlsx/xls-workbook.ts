import { decryptBiffStream, type BiffEncryption } from "./biff-crypto.ts";
import { BOF, BOUNDSHEET, DATEMODE, EOF, FILEPASS, SST, withContinues } from "./biff-records.ts";
import { BiffCursor } from "./biff-strings.ts";
import { DEFAULT_PASSWORD, PASSWORD_PROTECTED } from "./office-crypto.ts";
import type { ScanOptions } from "./scan-sheet.ts";
import type { Sheet } from "./sheet.ts";
import { UnreadableWorkbook } from "./unreadable-workbook.ts";
import { readXlsSheet, type XlsSheetInfo } from "./xls-sheet.ts";

export type { XlsSheetInfo };

/**
 * A legacy Excel 97–2003 workbook (BIFF8 records in the compound file's Workbook stream), read far enough for RMI
 * templates: sheet list (BOUNDSHEET), shared strings (SST with CONTINUE), cells from LABELSST, LABEL, NUMBER, RK,
 * MULRK, BOOLERR and FORMULA cached values (number, boolean, or the following STRING), date system (DATEMODE).
 * A FILEPASS record is honoured when the workbook was encrypted with Excel's default password.
 */

const damaged = (what: string) => new UnreadableWorkbook(`damaged .xls workbook (${what})`);

export class XlsWorkbook {
  readonly sheets: readonly XlsSheetInfo[];
  readonly date1904: boolean;
  /** How the stream was encrypted, when it was (and decrypted with the default password). */
  readonly encryption: BiffEncryption | null;
  private readonly cache = new Map<string, Sheet>();

  private constructor(
    private readonly stream: Uint8Array,
    private readonly strings: readonly string[],
    sheets: XlsSheetInfo[],
    date1904: boolean,
    encryption: BiffEncryption | null,
    private readonly limits: ScanOptions,
  ) {
    this.sheets = sheets;
    this.date1904 = date1904;
    this.encryption = encryption;
  }

  /** Reads the workbook globals of a Workbook stream; throws UnreadableWorkbook with a one-line reason. */
  static open(stream: Uint8Array, limits: ScanOptions, password: string = DEFAULT_PASSWORD): XlsWorkbook {
    let bytes = stream;
    let view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.length < 8 || view.getUint16(0, true) !== BOF)
      throw damaged("the Workbook stream does not start with a BOF record");
    const version = view.getUint16(4, true);
    if (version !== 0x0600) {
      throw new UnreadableWorkbook(
        version === 0x0500
          ? "Excel 5.0/95 workbook (BIFF5); save it as .xlsx and send it again"
          : `unsupported .xls version 0x${version.toString(16)}; save it as .xlsx`,
      );
    }
    let encryption: BiffEncryption | null = null;
    const sheets: XlsSheetInfo[] = [];
    let strings: string[] = [];
    let date1904 = false;
    let p = 0;
    while (p + 4 <= bytes.length) {
      const type = view.getUint16(p, true);
      const size = view.getUint16(p + 2, true);
      const data = p + 4;
      if (data + size > bytes.length) throw damaged("a record runs past the end of the stream");
      if (type === FILEPASS && encryption === null) {
        const outcome = decryptBiffStream(bytes, p, password);
        if (!outcome.ok) throw new UnreadableWorkbook(PASSWORD_PROTECTED);
        encryption = outcome.method;
        bytes = outcome.stream;
        view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } else if (type === DATEMODE && size >= 2) {
        date1904 = view.getUint16(data, true) === 1;
      } else if (type === BOUNDSHEET && size >= 8) {
        const offset = view.getUint32(data, true);
        const hidden = (bytes[data + 4]! & 3) !== 0;
        const kind = bytes[data + 5]!;
        let name: string;
        try {
          name = new BiffCursor(bytes.subarray(data + 6, data + size)).shortString();
        } catch {
          throw damaged("a sheet name runs past its record");
        }
        if (kind === 0) sheets.push({ name, hidden, offset });
      } else if (type === SST && size >= 8) {
        const { cursor, next } = withContinues(bytes, view, p);
        cursor.skip(4);
        const unique = cursor.u32();
        strings = [];
        try {
          while (strings.length < unique && cursor.remaining > 0) strings.push(cursor.richString());
        } catch {
          // A damaged tail of the shared strings: cells pointing past what was read stay empty.
        }
        p = next;
        continue;
      } else if (type === EOF) {
        break;
      }
      p = data + size;
    }
    return new XlsWorkbook(bytes, strings, sheets, date1904, encryption, limits);
  }

  private find(name: string): XlsSheetInfo | undefined {
    const want = name.trim().toLowerCase();
    return this.sheets.find((s) => s.name.trim().toLowerCase() === want);
  }

  hasSheet(name: string): boolean {
    return this.find(name) !== undefined;
  }

  /** Reads a worksheet by name (case-insensitive), or null when there is none by that name. */
  sheet(name: string, options: Partial<ScanOptions> = {}): Sheet | null {
    const info = this.find(name);
    if (!info) return null;
    const limits = { ...this.limits, ...options };
    const key = `${info.name}\u0000${limits.maxRow}:${limits.maxColumns}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const sheet = readXlsSheet(this.stream, info, this.strings, limits);
    this.cache.set(key, sheet);
    return sheet;
  }
}
