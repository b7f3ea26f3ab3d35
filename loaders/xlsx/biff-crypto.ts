import { createHash, timingSafeEqual } from "node:crypto";
import { UnreadableWorkbook } from "./unreadable-workbook.ts";

/**
 * Legacy .xls encryption (MS-XLS 2.2.10 and MS-OFFCRYPTO 2.3.5–2.3.6): a FILEPASS record in the workbook globals, then
 * every record's data (not its header) RC4-encrypted with a key re-derived for each 1024-byte block of the stream,
 * the keystream indexed by absolute stream position. Two key derivations: RC4 (MD5, 40-bit) and RC4 CryptoAPI (SHA-1).
 */

export type BiffEncryption = "rc4" | "rc4-cryptoapi";

/** Records whose data stays in clear text even after FILEPASS (MS-XLS 2.2.10). */
const CLEAR_RECORDS = new Set([0x0809, 0x002f, 0x0194, 0x0195, 0x00e1, 0x0196, 0x0138]);
const BOUNDSHEET = 0x0085;

const unsupported = (what: string) =>
  new UnreadableWorkbook(
    `encrypted legacy .xls workbook uses ${what}, which cannot be read; ask the supplier for an unprotected copy (or an .xlsx)`,
  );
const damaged = (what: string) => new UnreadableWorkbook(`damaged encrypted .xls workbook (${what})`);

/** RC4 keystream generator (the cipher itself; node's OpenSSL 3 leaves it to the legacy provider). */
class Rc4 {
  private readonly s = new Uint8Array(256);
  private i = 0;
  private j = 0;
  constructor(key: Uint8Array) {
    const s = this.s;
    for (let k = 0; k < 256; k++) s[k] = k;
    for (let k = 0, j = 0; k < 256; k++) {
      j = (j + s[k]! + key[k % key.length]!) & 0xff;
      const t = s[k]!;
      s[k] = s[j]!;
      s[j] = t;
    }
  }

  /** XORs the next keystream bytes into `data` in place. */
  apply(data: Uint8Array, from = 0, to = data.length): void {
    const s = this.s;
    let { i, j } = this;
    for (let k = from; k < to; k++) {
      i = (i + 1) & 0xff;
      j = (j + s[i]!) & 0xff;
      const t = s[i]!;
      s[i] = s[j]!;
      s[j] = t;
      data[k]! ^= s[(s[i]! + s[j]!) & 0xff]!;
    }
    this.i = i;
    this.j = j;
  }
}

interface KeyMaterial {
  method: BiffEncryption;
  salt: Uint8Array;
  verifier: Uint8Array;
  verifierHash: Uint8Array;
  /** Key bytes for the RC4 CryptoAPI derivation (5 for 40-bit keys). */
  keyBytes: number;
}

/** Parses a FILEPASS record's data; throws for XOR obfuscation and unknown versions. */
function keyMaterial(data: Uint8Array): KeyMaterial {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length < 6) throw damaged("FILEPASS record is too short");
  const type = view.getUint16(0, true);
  if (type === 0) throw unsupported("XOR obfuscation (an Excel 95-era password)");
  if (type !== 1) throw unsupported(`encryption type ${type}`);
  const major = view.getUint16(2, true);
  const minor = view.getUint16(4, true);
  if (major === 1 && minor === 1) {
    if (data.length < 54) throw damaged("RC4 FILEPASS record is too short");
    return {
      method: "rc4",
      salt: data.subarray(6, 22),
      verifier: data.subarray(22, 38),
      verifierHash: data.subarray(38, 54),
      keyBytes: 16,
    };
  }
  if ((major === 2 || major === 3 || major === 4) && minor === 2) {
    if (data.length < 14) throw damaged("RC4 CryptoAPI FILEPASS record is too short");
    const headerSize = view.getUint32(10, true);
    const h = 14;
    if (headerSize < 32 || h + headerSize + 4 > data.length) throw damaged("RC4 CryptoAPI header size is out of range");
    const algId = view.getUint32(h + 8, true);
    const algIdHash = view.getUint32(h + 12, true);
    let keyBits = view.getUint32(h + 16, true);
    if (algId !== 0x6801 && algId !== 0) throw unsupported(`the cipher with algorithm id 0x${algId.toString(16)}`);
    if (algIdHash !== 0x8004 && algIdHash !== 0)
      throw unsupported(`the hash with algorithm id 0x${algIdHash.toString(16)}`);
    if (keyBits === 0) keyBits = 40;
    if (keyBits < 40 || keyBits > 128 || keyBits % 8 !== 0) throw damaged(`key size ${keyBits}`);
    const v = h + headerSize;
    const saltSize = view.getUint32(v, true);
    if (saltSize !== 16 || v + 4 + 16 + 16 + 4 + 20 > data.length)
      throw damaged("RC4 CryptoAPI verifier is out of range");
    const hashSize = view.getUint32(v + 36, true);
    if (hashSize !== 20) throw damaged(`verifier hash size ${hashSize}`);
    return {
      method: "rc4-cryptoapi",
      salt: data.subarray(v + 4, v + 20),
      verifier: data.subarray(v + 20, v + 36),
      verifierHash: data.subarray(v + 40, v + 60),
      keyBytes: keyBits / 8,
    };
  }
  throw unsupported(`RC4 encryption version ${major}.${minor}`);
}

const le32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
};

/** The per-block key function for a password, or null when the password does not match the verifier. */
function blockKeys(m: KeyMaterial, password: string): ((block: number) => Uint8Array) | null {
  const pw = Buffer.from(password.slice(0, 255), "utf16le");
  let keyFor: (block: number) => Uint8Array;
  let digest: string;
  if (m.method === "rc4") {
    const truncated = createHash("md5").update(pw).digest().subarray(0, 5);
    const unit = Buffer.concat([truncated, m.salt]);
    const h1 = createHash("md5")
      .update(Buffer.concat(Array.from({ length: 16 }, () => unit)))
      .digest()
      .subarray(0, 5);
    keyFor = (block) => createHash("md5").update(h1).update(le32(block)).digest();
    digest = "md5";
  } else {
    const h0 = createHash("sha1").update(m.salt).update(pw).digest();
    keyFor = (block) => {
      const h = createHash("sha1").update(h0).update(le32(block)).digest().subarray(0, m.keyBytes);
      // A 40-bit key is used as 128 bits with the rest zero (MS-OFFCRYPTO 2.3.5.2).
      return m.keyBytes === 5 ? Buffer.concat([h, Buffer.alloc(11)]) : h;
    };
    digest = "sha1";
  }
  const check = Buffer.concat([m.verifier, m.verifierHash]);
  new Rc4(keyFor(0)).apply(check);
  const expected = createHash(digest).update(check.subarray(0, 16)).digest();
  const actual = check.subarray(16, 16 + expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? keyFor : null;
}

export type BiffDecryptOutcome =
  | { ok: true; method: BiffEncryption; stream: Uint8Array }
  | { ok: false; method: BiffEncryption };

/**
 * Decrypts a BIFF8 Workbook stream whose FILEPASS record starts at `filePassAt`: returns a copy with every record's
 * data in clear text (headers and exempt records untouched), or ok:false when `password` is not the one used.
 */
export function decryptBiffStream(stream: Uint8Array, filePassAt: number, password: string): BiffDecryptOutcome {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const fpSize = view.getUint16(filePassAt + 2, true);
  const m = keyMaterial(stream.subarray(filePassAt + 4, filePassAt + 4 + fpSize));
  const keyFor = blockKeys(m, password);
  if (!keyFor) return { ok: false, method: m.method };

  const out = stream.slice();
  let block = -1;
  let rc4: Rc4 | null = null;
  let at = 0; // stream position the cipher has reached within `block`
  const decrypt = (from: number, to: number) => {
    let p = from;
    while (p < to) {
      const b = p >>> 10;
      if (b !== block || p < at) {
        block = b;
        rc4 = new Rc4(keyFor(b));
        at = b << 10;
      }
      if (p > at) {
        rc4!.apply(new Uint8Array(p - at));
        at = p;
      }
      const end = Math.min(to, (b + 1) << 10);
      rc4!.apply(out, p, end);
      at = end;
      p = end;
    }
  };

  let p = filePassAt + 4 + fpSize;
  while (p + 4 <= out.length) {
    const type = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    const start = p + 4;
    const end = Math.min(start + size, out.length);
    if (!CLEAR_RECORDS.has(type)) decrypt(type === BOUNDSHEET ? Math.min(start + 4, end) : start, end);
    p = start + size;
  }
  return { ok: true, method: m.method, stream: out };
}
