import { decryptBiffStream, type BiffEncryption } from "./biff-crypto.ts";
import { BiffCursor } from "./biff-strings.ts";
import { DEFAULT_PASSWORD, PASSWORD_PROTECTED } from "./office-crypto.ts";
import type { ScanOptions } from "./scan-sheet.ts";
import { FormulaCells, Sheet, type CellValue } from "./sheet.ts";
import { UnreadableWorkbook } from "./unreadable-workbook.ts";

/**
 * A legacy Excel 97–2003 workbook (BIFF8 records in the compound file's Workbook stream), read far enough for RMI
 * templates: sheet list (BOUNDSHEET), shared strings (SST with CONTINUE), cells from LABELSST, LABEL, NUMBER, RK,
 * MULRK, BOOLERR and FORMULA cached values (number, boolean, or the following STRING), date system (DATEMODE).
 * A FILEPASS record is honoured when the workbook was encrypted with Excel's default password.
 */

const BOF = 0x0809;
const EOF = 0x000a;
const FILEPASS = 0x002f;
const DATEMODE = 0x0022;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const CONTINUE = 0x003c;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const FORMULA = 0x0006;
const STRING = 0x0207;
const BOOLERR = 0x0205;
const SHRFMLA = 0x04bc;
const ARRAY = 0x0221;
const TABLE = 0x0236;

export interface XlsSheetInfo {
  name: string;
  hidden: boolean;
  /** Stream position of the sheet's BOF record. */
  offset: number;
}

const damaged = (what: string) => new UnreadableWorkbook(`damaged .xls workbook (${what})`);

const rkScratch = new DataView(new ArrayBuffer(8));
/** An RK number: a 30-bit integer or the top 30 bits of a double, optionally divided by 100. */
export function decodeRk(rk: number): number {
  let n: number;
  if (rk & 2) n = (rk | 0) >> 2;
  else {
    rkScratch.setUint32(0, 0, true);
    rkScratch.setUint32(4, (rk & 0xfffffffc) >>> 0, true);
    n = rkScratch.getFloat64(0, true);
  }
  return rk & 1 ? n / 100 : n;
}

/** A record's data with the data of the CONTINUE records that follow it, and the position after them. */
function withContinues(stream: Uint8Array, view: DataView, at: number): { cursor: BiffCursor; next: number } {
  const parts: Uint8Array[] = [];
  const boundaries: number[] = [];
  let length = 0;
  let p = at;
  do {
    const size = view.getUint16(p + 2, true);
    if (p + 4 + size > stream.length) break;
    if (parts.length > 0) boundaries.push(length);
    parts.push(stream.subarray(p + 4, p + 4 + size));
    length += size;
    p += 4 + size;
  } while (p + 4 <= stream.length && view.getUint16(p, true) === CONTINUE);
  return { cursor: new BiffCursor(parts.length === 1 ? parts[0]! : Buffer.concat(parts), boundaries), next: p };
}

export class XlsWorkbook {
  readonly sheets: readonly XlsSheetInfo[];
  readonly date1904: boolean;
  /** How the stream was encrypted, when it was (and decrypted with the default password). */
  readonly encryption: BiffEncryption | null;
  private readonly view: DataView;
  private readonly cache = new Map<string, Sheet>();

  private constructor(
    private readonly stream: Uint8Array,
    private readonly strings: readonly string[],
    sheets: XlsSheetInfo[],
    date1904: boolean,
    encryption: BiffEncryption | null,
    private readonly limits: ScanOptions,
  ) {
    this.view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
    this.sheets = sheets;
    this.date1904 = date1904;
    this.encryption = encryption;
  }

  /** Reads the workbook globals of a Workbook stream; throws UnreadableWorkbook with a one-line reason. */
  static open(stream: Uint8Array, limits: ScanOptions, password: string = DEFAULT_PASSWORD): XlsWorkbook {
    let bytes = stream;
    let view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.length < 8 || view.getUint16(0, true) !== BOF) throw damaged("the Workbook stream does not start with a BOF record");
    const version = view.getUint16(4, true);
    if (version !== 0x0600) {
      throw new UnreadableWorkbook(version === 0x0500 ? "Excel 5.0/95 workbook (BIFF5); save it as .xlsx and send it again" : `unsupported .xls version 0x${version.toString(16)}; save it as .xlsx`);
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
    const sheet = this.readSheet(info, limits);
    this.cache.set(key, sheet);
    return sheet;
  }

  private readSheet(info: XlsSheetInfo, limits: ScanOptions): Sheet {
    const { stream, view } = this;
    if (info.offset + 4 > stream.length || view.getUint16(info.offset, true) !== BOF) {
      throw damaged(`sheet '${info.name}' does not start where the workbook says`);
    }
    const rows = new Map<number, CellValue[]>();
    const formulas = new FormulaCells();
    let lastRow = 0;
    let truncated = false;
    let pending: { row: number; col: number } | null = null;
    const set = (row0: number, col: number, value: CellValue, formula = false) => {
      const row = row0 + 1;
      if (row > limits.maxRow) {
        truncated = true;
        return;
      }
      if (col >= limits.maxColumns) return;
      if (formula) formulas.add(row, col);
      if (value === null) return;
      let cells = rows.get(row);
      if (!cells) rows.set(row, (cells = []));
      cells[col] = value;
      if (value !== "" && row > lastRow) lastRow = row;
    };
    const u16 = (at: number) => view.getUint16(at, true);

    let depth = 0;
    let p = info.offset;
    while (p + 4 <= stream.length) {
      const type = u16(p);
      const size = u16(p + 2);
      const d = p + 4;
      if (d + size > stream.length) break;
      p = d + size;
      if (type === BOF) {
        depth++;
        continue;
      }
      if (type === EOF) {
        if (--depth === 0) break;
        continue;
      }
      if (depth !== 1) continue;
      // A string formula's cached text is the STRING record after it (shared/array formula records may sit between).
      if (type !== STRING && type !== SHRFMLA && type !== ARRAY && type !== TABLE) pending = null;
      switch (type) {
        case LABELSST:
          if (size >= 10) set(u16(d), u16(d + 2), this.strings[view.getUint32(d + 6, true)] ?? null);
          break;
        case NUMBER:
          if (size >= 14) set(u16(d), u16(d + 2), view.getFloat64(d + 6, true));
          break;
        case RK:
          if (size >= 10) set(u16(d), u16(d + 2), decodeRk(view.getUint32(d + 6, true)));
          break;
        case MULRK: {
          if (size < 6) break;
          const row = u16(d);
          const first = u16(d + 2);
          const count = Math.floor((size - 6) / 6);
          for (let i = 0; i < count; i++) set(row, first + i, decodeRk(view.getUint32(d + 4 + i * 6 + 2, true)));
          break;
        }
        case BOOLERR:
          if (size >= 8) set(u16(d), u16(d + 2), stream[d + 7] === 0 ? stream[d + 6] !== 0 : null);
          break;
        case LABEL:
          if (size >= 9) {
            try {
              set(u16(d), u16(d + 2), new BiffCursor(stream.subarray(d + 6, d + size)).unicodeString());
            } catch {
              // A label longer than its record reads as empty.
            }
          }
          break;
        case FORMULA: {
          if (size < 20) break;
          const row = u16(d);
          const col = u16(d + 2);
          const special = stream[d + 12] === 0xff && stream[d + 13] === 0xff;
          if (!special) set(row, col, view.getFloat64(d + 6, true), true);
          else if (stream[d + 6] === 0) {
            set(row, col, null, true);
            pending = { row, col };
          } else if (stream[d + 6] === 1) set(row, col, stream[d + 8] !== 0, true);
          else if (stream[d + 6] === 3) set(row, col, "", true);
          else set(row, col, null, true);
          break;
        }
        case STRING:
          if (pending) {
            const { cursor, next } = withContinues(stream, view, d - 4);
            try {
              set(pending.row, pending.col, cursor.unicodeString());
            } catch {
              // A cached string longer than its records reads as empty.
            }
            pending = null;
            p = next;
          }
          break;
      }
    }
    return new Sheet(info.name, rows, lastRow, truncated, formulas);
  }
}
