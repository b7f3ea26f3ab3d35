import { Workbook } from "../../loaders/xlsx/workbook.ts";
/**
 * Writes legacy .xls workbooks (BIFF8 in a compound file) for tests, from MS-XLS: shared strings split over CONTINUE
 * records, numbers as NUMBER/RK/MULRK, formula cells with cached values (string results in a STRING record), and
 * optional FILEPASS encryption (RC4 or RC4 CryptoAPI) with its own RC4 and key derivation (MS-OFFCRYPTO 2.3.5–2.3.6).
 */
import { createHash } from "node:crypto";
import { writeCompoundFile } from "./compound-file-writer.ts";

export type XlsCell = string | number | boolean | null;

export interface XlsSheet {
  name: string;
  hidden?: boolean;
  /** rows[r][c]: 0-based row and column. */
  rows: ReadonlyArray<ReadonlyArray<XlsCell> | undefined>;
  /** "row:col" of cells to write as FORMULA records with the value as cached result. */
  formulas?: ReadonlySet<string>;
}

export interface XlsOptions {
  date1904?: boolean;
  /** Largest record data size (8224 in Excel); smaller values force CONTINUE records. */
  maxRecord?: number;
  encrypt?: { method: "rc4" | "rc4-cryptoapi"; password?: string; keyBits?: 40 | 128; seed?: string };
}

const record = (type: number, data: Uint8Array): Buffer => {
  const h = Buffer.alloc(4);
  h.writeUInt16LE(type, 0);
  h.writeUInt16LE(data.length, 2);
  return Buffer.concat([h, data]);
};
const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n, 0);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0, 0);
  return b;
};
const f64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(n, 0);
  return b;
};
const wide = (s: string) => [...s].some((c) => c.charCodeAt(0) > 0xff);
const encodeChars = (s: string, high: boolean) => Buffer.from(s, high ? "utf16le" : "latin1");
const xlString = (s: string, lengthBytes: 1 | 2) => {
  const high = wide(s);
  return Buffer.concat([
    lengthBytes === 1 ? Buffer.from([s.length]) : u16(s.length),
    Buffer.from([high ? 1 : 0]),
    encodeChars(s, high),
  ]);
};

const BOF = (dt: number) =>
  Buffer.concat([u16(0x0600), u16(dt), u16(0x0dbb), u16(0x07cc), u32(0x000100c1), u32(0x00000406)]);

/** The SST record and its CONTINUE records, splitting character data with a fresh flag byte per MS-XLS 2.5.293. */
function sstRecords(strings: string[], total: number, max: number): Buffer[] {
  const out: Buffer[] = [];
  let cur: Buffer[] = [u32(total), u32(strings.length)];
  let len = 8;
  let type = 0x00fc;
  const flush = () => {
    out.push(record(type, Buffer.concat(cur)));
    type = 0x003c;
    cur = [];
    len = 0;
  };
  for (const s of strings) {
    const high = wide(s);
    const width = high ? 2 : 1;
    if (len + 3 + Math.min(width, s.length * width) > max) flush();
    cur.push(u16(s.length), Buffer.from([high ? 1 : 0]));
    len += 3;
    let rest = s;
    while (rest.length > 0) {
      const room = Math.floor((max - len) / width);
      if (room <= 0) {
        flush();
        cur.push(Buffer.from([high ? 1 : 0]));
        len = 1;
        continue;
      }
      const part = rest.slice(0, room);
      cur.push(encodeChars(part, high));
      len += part.length * width;
      rest = rest.slice(part.length);
    }
  }
  flush();
  return out;
}

function rkOf(n: number): number | null {
  if (Number.isInteger(n) && n >= -(2 ** 29) && n < 2 ** 29) return ((n << 2) | 2) >>> 0;
  const x100 = Math.round(n * 100);
  if (
    Math.abs(x100 - n * 100) < 1e-9 &&
    Number.isInteger(x100) &&
    x100 >= -(2 ** 29) &&
    x100 < 2 ** 29 &&
    x100 / 100 === n
  )
    return ((x100 << 2) | 3) >>> 0;
  return null;
}

function sheetRecords(sheet: XlsSheet, sst: Map<string, number>): Buffer[] {
  const out: Buffer[] = [record(0x0809, BOF(0x0010))];
  const cellHead = (r: number, c: number) => Buffer.concat([u16(r), u16(c), u16(0x0f)]);
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    let c = 0;
    while (c < row.length) {
      const v = row[c];
      const formula = sheet.formulas?.has(`${r}:${c}`) ?? false;
      if (v === null || v === undefined) {
        c++;
        continue;
      }
      if (formula) {
        const value =
          typeof v === "number"
            ? f64(v)
            : typeof v === "boolean"
              ? Buffer.from([1, 0, v ? 1 : 0, 0, 0, 0, 0xff, 0xff])
              : v === ""
                ? Buffer.from([3, 0, 0, 0, 0, 0, 0xff, 0xff])
                : Buffer.from([0, 0, 0, 0, 0, 0, 0xff, 0xff]);
        // Formula text: one ptgInt token (the reader reads only the cached value).
        out.push(
          record(0x0006, Buffer.concat([cellHead(r, c), value, u16(0), u32(0), u16(3), Buffer.from([0x1e]), u16(1)])),
        );
        if (typeof v === "string" && v !== "") out.push(record(0x0207, xlString(v, 2)));
        c++;
        continue;
      }
      if (typeof v === "string") out.push(record(0x00fd, Buffer.concat([cellHead(r, c), u32(sst.get(v)!)])));
      else if (typeof v === "boolean")
        out.push(record(0x0205, Buffer.concat([cellHead(r, c), Buffer.from([v ? 1 : 0, 0])])));
      else {
        // Runs of RK-encodable numbers become one MULRK, single ones RK, the rest NUMBER.
        let end = c;
        while (
          end < row.length &&
          typeof row[end] === "number" &&
          rkOf(row[end] as number) !== null &&
          !sheet.formulas?.has(`${r}:${end}`)
        )
          end++;
        if (end - c >= 2) {
          const parts = [u16(r), u16(c)];
          for (let k = c; k < end; k++) parts.push(u16(0x0f), u32(rkOf(row[k] as number)!));
          parts.push(u16(end - 1));
          out.push(record(0x00bd, Buffer.concat(parts)));
          c = end;
          continue;
        }
        const rk = rkOf(v);
        out.push(
          rk !== null
            ? record(0x027e, Buffer.concat([cellHead(r, c), u32(rk)]))
            : record(0x0203, Buffer.concat([cellHead(r, c), f64(v)])),
        );
      }
      c++;
    }
  });
  out.push(record(0x000a, Buffer.alloc(0)));
  return out;
}

// ——— RC4 FILEPASS encryption ———

function rc4(key: Uint8Array) {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) % 256;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  let a = 0;
  let b = 0;
  return (n: number) => {
    const out = Buffer.alloc(n);
    for (let k = 0; k < n; k++) {
      a = (a + 1) % 256;
      b = (b + s[a]!) % 256;
      [s[a], s[b]] = [s[b]!, s[a]!];
      out[k] = s[(s[a]! + s[b]!) % 256]!;
    }
    return out;
  };
}

function filePass(enc: NonNullable<XlsOptions["encrypt"]>): { data: Buffer; key: (block: number) => Buffer } {
  const password = Buffer.from(enc.password ?? "VelvetSweatshop", "utf16le");
  const seed = enc.seed ?? enc.method;
  const salt = createHash("sha256").update(`${seed}:salt`).digest().subarray(0, 16);
  const verifier = createHash("sha256").update(`${seed}:verifier`).digest().subarray(0, 16);
  if (enc.method === "rc4") {
    const h0 = createHash("md5").update(password).digest();
    const buf = Buffer.alloc(21 * 16);
    for (let i = 0; i < 16; i++) {
      h0.copy(buf, i * 21, 0, 5);
      salt.copy(buf, i * 21 + 5);
    }
    const h1 = createHash("md5").update(buf).digest();
    const key = (block: number) =>
      createHash("md5")
        .update(Buffer.concat([h1.subarray(0, 5), u32(block)]))
        .digest();
    const ks = rc4(key(0))(32);
    const plain = Buffer.concat([verifier, createHash("md5").update(verifier).digest()]);
    const encrypted = Buffer.from(plain.map((x, i) => x ^ ks[i]!));
    return { data: Buffer.concat([u16(1), u16(1), u16(1), salt, encrypted]), key };
  }
  const keyBits = enc.keyBits ?? 128;
  const h0 = createHash("sha1")
    .update(Buffer.concat([salt, password]))
    .digest();
  const key = (block: number) => {
    const k = createHash("sha1")
      .update(Buffer.concat([h0, u32(block)]))
      .digest()
      .subarray(0, keyBits / 8);
    return keyBits === 40 ? Buffer.concat([k, Buffer.alloc(11)]) : k;
  };
  const ks = rc4(key(0))(36);
  const plain = Buffer.concat([verifier, createHash("sha1").update(verifier).digest()]);
  const encrypted = Buffer.from(plain.map((x, i) => x ^ ks[i]!));
  const csp = Buffer.from("Microsoft Enhanced Cryptographic Provider v1.0\0", "utf16le");
  const header = Buffer.concat([
    u32(0x04),
    u32(0),
    u32(0x6801),
    u32(0x8004),
    u32(keyBits),
    u32(1),
    u32(0),
    u32(0),
    csp,
  ]);
  const data = Buffer.concat([
    u16(1),
    u16(4),
    u16(2),
    u32(0x04),
    u32(header.length),
    header,
    u32(16),
    salt,
    encrypted.subarray(0, 16),
    u32(20),
    encrypted.subarray(16),
  ]);
  return { data, key };
}

/** Encrypts every record's data after FILEPASS in place, the keystream indexed by stream offset in 1024-byte blocks. */
function encryptStream(stream: Buffer, start: number, key: (block: number) => Buffer): void {
  const keystream = (from: number, n: number): Buffer => {
    const out = Buffer.alloc(n);
    for (let k = 0; k < n; ) {
      const pos = from + k;
      const block = Math.floor(pos / 1024);
      const gen = rc4(key(block));
      gen(pos % 1024);
      const take = Math.min(n - k, 1024 - (pos % 1024));
      gen(take).copy(out, k);
      k += take;
    }
    return out;
  };
  const clear = new Set([0x0809, 0x002f, 0x0194, 0x0195, 0x00e1, 0x0196, 0x0138]);
  for (let p = start; p + 4 <= stream.length; ) {
    const type = stream.readUInt16LE(p);
    const size = stream.readUInt16LE(p + 2);
    if (!clear.has(type)) {
      const from = type === 0x0085 ? p + 8 : p + 4;
      const n = p + 4 + size - from;
      const ks = keystream(from, n);
      for (let k = 0; k < n; k++) stream[from + k]! ^= ks[k]!;
    }
    p += 4 + size;
  }
}

/** The Workbook stream of a BIFF8 workbook. */
export function writeBiffStream(sheets: readonly XlsSheet[], options: XlsOptions = {}): Buffer {
  const strings: string[] = [];
  const sst = new Map<string, number>();
  let total = 0;
  for (const sh of sheets) {
    sh.rows.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (typeof v !== "string" || sh.formulas?.has(`${r}:${c}`)) return;
        total++;
        if (!sst.has(v)) {
          sst.set(v, strings.length);
          strings.push(v);
        }
      }),
    );
  }
  const fp = options.encrypt ? filePass(options.encrypt) : null;
  const bodies = sheets.map((s) => Buffer.concat(sheetRecords(s, sst)));
  const boundsheet = (s: XlsSheet, at: number) =>
    record(0x0085, Buffer.concat([u32(at), Buffer.from([s.hidden ? 1 : 0, 0]), xlString(s.name, 1)]));
  const head = [
    record(0x0809, BOF(0x0005)),
    ...(fp ? [record(0x002f, fp.data)] : []),
    record(0x0042, u16(1200)),
    record(0x0022, u16(options.date1904 ? 1 : 0)),
  ];
  const tail = [...sstRecords(strings, total, options.maxRecord ?? 8224), record(0x000a, Buffer.alloc(0))];
  const globalsLength =
    [...head, ...tail].reduce((n, b) => n + b.length, 0) + sheets.reduce((n, s) => n + boundsheet(s, 0).length, 0);
  let at = globalsLength;
  const bound = sheets.map((s, i) => {
    const b = boundsheet(s, at);
    at += bodies[i]!.length;
    return b;
  });
  const stream = Buffer.concat([...head, ...bound, ...tail, ...bodies]);
  if (fp) encryptStream(stream, head[0]!.length, fp.key);
  return stream;
}

/** A complete .xls file. */
export function writeXls(sheets: readonly XlsSheet[], options: XlsOptions = {}): Uint8Array {
  return writeCompoundFile({ Workbook: writeBiffStream(sheets, options) });
}

/** The sheets of an .xlsx as writeXls input (cells and formula flags), so its .xls twin reads alike. */
export function xlsxAsXlsSheets(bytes: Uint8Array): XlsSheet[] {
  const wb = Workbook.open(bytes);
  return wb.sheets.map((info) => {
    const s = wb.sheet(info.name, { maxColumns: 40 })!;
    const rows: XlsCell[][] = [];
    const formulas = new Set<string>();
    for (const [r, cells] of s.rows) {
      rows[r - 1] = cells.map((v, c) => {
        if (s.isFormula(r, c)) formulas.add(`${r - 1}:${c}`);
        return v ?? null;
      });
    }
    return { name: info.name, hidden: info.hidden, rows, formulas };
  });
}
