import * as nodeCrypto from "node:crypto";
import { createDecipheriv, createHash, createHmac, timingSafeEqual } from "node:crypto";
import { UnreadableWorkbook } from "./unreadable-workbook.ts";

/**
 * ECMA-376 / MS-OFFCRYPTO document encryption of an OOXML package (the EncryptionInfo and EncryptedPackage streams of
 * a compound file): Agile (XML descriptor, salted spun hash, AES-CBC in 4096-byte segments, HMAC data integrity) and
 * Standard (binary descriptor, SHA-1, AES-ECB). Excel encrypts with the password "VelvetSweatshop" when a workbook is
 * protected without an open password, and opens such files silently; any other password is the supplier's to give.
 */

/** The password Excel uses when the user set none (write-protection, "read-only recommended", sheet protection). */
export const DEFAULT_PASSWORD = "VelvetSweatshop";

/** The one reason given for a workbook protected with a password other than Excel's default. */
export const PASSWORD_PROTECTED = "encrypted with a password; ask the supplier for an unprotected copy";

/** Spin counts above this are refused: Excel writes 100,000; a hostile file could ask for billions of hashes. */
export const MAX_SPIN_COUNT = 1_000_000;

export type OoxmlEncryption = "agile" | "standard";

export type DecryptOutcome =
  | { ok: true; method: OoxmlEncryption; bytes: Uint8Array }
  | { ok: false; method: OoxmlEncryption };

const HASHES: Record<string, { node: string; size: number }> = {
  SHA1: { node: "sha1", size: 20 },
  "SHA-1": { node: "sha1", size: 20 },
  SHA256: { node: "sha256", size: 32 },
  "SHA-256": { node: "sha256", size: 32 },
  SHA384: { node: "sha384", size: 48 },
  "SHA-384": { node: "sha384", size: 48 },
  SHA512: { node: "sha512", size: 64 },
  "SHA-512": { node: "sha512", size: 64 },
  MD5: { node: "md5", size: 16 },
};

const BLOCK_VERIFIER_INPUT = Buffer.from([0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79]);
const BLOCK_VERIFIER_VALUE = Buffer.from([0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e]);
const BLOCK_KEY_VALUE = Buffer.from([0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6]);
const BLOCK_HMAC_KEY = Buffer.from([0x5f, 0xb2, 0xad, 0x01, 0x0c, 0xb9, 0xe1, 0xf6]);
const BLOCK_HMAC_VALUE = Buffer.from([0xa0, 0x67, 0x7f, 0x02, 0xb2, 0x2c, 0x84, 0x33]);

const unsupported = (what: string) =>
  new UnreadableWorkbook(
    `encrypted workbook uses ${what}, which cannot be read; ask the supplier for an unprotected copy`,
  );
const damaged = (what: string) => new UnreadableWorkbook(`damaged encrypted workbook (${what})`);

function le32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0, 0);
  return b;
}

/** Fits a derived hash to a key or IV length: truncated, or padded with 0x36 (MS-OFFCRYPTO 2.3.4.11). */
function fit(bytes: Uint8Array, length: number): Buffer {
  if (bytes.length >= length) return Buffer.from(bytes.subarray(0, length));
  return Buffer.concat([bytes, Buffer.alloc(length - bytes.length, 0x36)]);
}

function aes(mode: "cbc" | "ecb", key: Buffer, iv: Buffer | null, data: Uint8Array): Buffer {
  const usable = data.length - (data.length % 16);
  const d = createDecipheriv(`aes-${key.length * 8}-${mode}`, key, iv);
  d.setAutoPadding(false);
  return Buffer.concat([d.update(data.subarray(0, usable)), d.final()]);
}

/** One-shot hashing where the runtime has it (Node ≥ 20.12: a third faster than a Hash object per round). */
const oneShot: ((algorithm: string, data: Uint8Array) => Buffer) | null =
  typeof nodeCrypto.hash === "function" ? (algorithm, data) => nodeCrypto.hash(algorithm, data, "buffer") : null;

/** The password hash's `rounds` iterations: H(LE32(i) + H), i = 0… (MS-OFFCRYPTO 2.3.4.7 and 2.3.4.11). */
function spin(node: string, start: Buffer, rounds: number): Buffer {
  let h = start;
  const buf = Buffer.alloc(4 + h.length);
  for (let i = 0; i < rounds; i++) {
    buf.writeUInt32LE(i, 0);
    h.copy(buf, 4);
    h = oneShot ? oneShot(node, buf) : createHash(node).update(buf).digest();
  }
  return h;
}

// ——— Agile ———

interface AgileParams {
  saltSize: number;
  blockSize: number;
  keyBits: number;
  hashSize: number;
  cipher: string;
  chaining: string;
  hash: string;
  salt: Buffer;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1];
}

/** Start tags `<x:name …>` with any namespace prefix. */
function startTags(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]*>`, "g"))].map((m) => m[0]);
}

function params(tag: string, where: string): AgileParams {
  const num = (name: string) => {
    const n = Number(attr(tag, name));
    if (!Number.isInteger(n) || n <= 0 || n > 65_536) throw damaged(`${where} ${name} is missing or invalid`);
    return n;
  };
  const salt = Buffer.from(attr(tag, "saltValue") ?? "", "base64");
  const p = {
    saltSize: num("saltSize"),
    blockSize: num("blockSize"),
    keyBits: num("keyBits"),
    hashSize: num("hashSize"),
    cipher: attr(tag, "cipherAlgorithm") ?? "",
    chaining: attr(tag, "cipherChaining") ?? "",
    hash: attr(tag, "hashAlgorithm") ?? "",
    salt,
  };
  if (p.cipher !== "AES") throw unsupported(`the ${p.cipher || "unnamed"} cipher`);
  if (![128, 192, 256].includes(p.keyBits)) throw unsupported(`AES with ${p.keyBits}-bit keys`);
  if (p.blockSize !== 16) throw damaged(`${where} block size ${p.blockSize} for AES`);
  if (p.chaining !== "ChainingModeCBC") throw unsupported(`cipher chaining ${p.chaining || "(none)"}`);
  if (!HASHES[p.hash]) throw unsupported(`the ${p.hash || "unnamed"} hash`);
  if (salt.length === 0) throw damaged(`${where} has no salt`);
  return p;
}

function hash(name: string, ...parts: Uint8Array[]): Buffer {
  const h = createHash(HASHES[name]!.node);
  for (const p of parts) h.update(p);
  return h.digest();
}

function decryptAgile(xml: string, pkg: Uint8Array, password: string): DecryptOutcome {
  const keyDataTag = startTags(xml, "keyData")[0];
  const encryptor = startTags(xml, "encryptedKey").find((t) => attr(t, "spinCount") !== undefined);
  const integrity = startTags(xml, "dataIntegrity")[0];
  if (!keyDataTag) throw damaged("EncryptionInfo has no keyData");
  if (!encryptor) throw unsupported("certificate-only encryption (no password key)");
  const keyData = params(keyDataTag, "keyData");
  const pw = params(encryptor, "encryptedKey");
  const spinCount = Number(attr(encryptor, "spinCount"));
  if (!Number.isInteger(spinCount) || spinCount < 0) throw damaged("spinCount is invalid");
  if (spinCount > MAX_SPIN_COUNT) throw unsupported(`a spin count of ${spinCount} (limit ${MAX_SPIN_COUNT})`);
  const b64 = (name: string) => Buffer.from(attr(encryptor, name) ?? "", "base64");

  const h = spin(HASHES[pw.hash]!.node, hash(pw.hash, pw.salt, Buffer.from(password, "utf16le")), spinCount);
  const keyFor = (block: Buffer) => fit(hash(pw.hash, h, block), pw.keyBits / 8);
  const iv = fit(pw.salt, pw.blockSize);
  const verifierInput = aes("cbc", keyFor(BLOCK_VERIFIER_INPUT), iv, b64("encryptedVerifierHashInput")).subarray(
    0,
    pw.saltSize,
  );
  const verifierHash = aes("cbc", keyFor(BLOCK_VERIFIER_VALUE), iv, b64("encryptedVerifierHashValue")).subarray(
    0,
    pw.hashSize,
  );
  const expected = hash(pw.hash, verifierInput).subarray(0, pw.hashSize);
  if (verifierHash.length !== expected.length || !timingSafeEqual(verifierHash, expected))
    return { ok: false, method: "agile" };
  const secret = aes("cbc", keyFor(BLOCK_KEY_VALUE), iv, b64("encryptedKeyValue"));
  if (secret.length < keyData.keyBits / 8) throw damaged("encrypted key is too short");
  const key = secret.subarray(0, keyData.keyBits / 8);

  if (integrity) {
    const ivFor = (block: Buffer) => fit(hash(keyData.hash, keyData.salt, block), keyData.blockSize);
    const hmacKey = aes(
      "cbc",
      key,
      ivFor(BLOCK_HMAC_KEY),
      Buffer.from(attr(integrity, "encryptedHmacKey") ?? "", "base64"),
    ).subarray(0, keyData.hashSize);
    const hmacValue = aes(
      "cbc",
      key,
      ivFor(BLOCK_HMAC_VALUE),
      Buffer.from(attr(integrity, "encryptedHmacValue") ?? "", "base64"),
    ).subarray(0, keyData.hashSize);
    const actual = createHmac(HASHES[keyData.hash]!.node, hmacKey).update(pkg).digest();
    if (hmacValue.length !== actual.length || !timingSafeEqual(hmacValue, actual))
      throw damaged("data integrity check failed: the file was altered or cut short");
  }

  const size = packageSize(pkg);
  const body = pkg.subarray(8);
  const out = Buffer.alloc(Math.ceil(size / 4096) * 4096);
  for (let i = 0, at = 0; at < size; i++, at += 4096) {
    const segment = body.subarray(at, at + 4096);
    const plain = aes("cbc", key, fit(hash(keyData.hash, keyData.salt, le32(i)), keyData.blockSize), segment);
    plain.copy(out, at);
  }
  return { ok: true, method: "agile", bytes: out.subarray(0, size) };
}

/** The plaintext size the EncryptedPackage stream declares, checked against the ciphertext it holds. */
function packageSize(pkg: Uint8Array): number {
  if (pkg.length < 8) throw damaged("EncryptedPackage is shorter than its header");
  const view = new DataView(pkg.buffer, pkg.byteOffset, pkg.byteLength);
  const size = view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32;
  if (size > pkg.length - 8 || size + 15 - ((size + 15) % 16) > pkg.length - 8)
    throw damaged(`EncryptedPackage declares ${size} bytes but holds ${pkg.length - 8}`);
  return size;
}

// ——— Standard ———

function decryptStandard(info: Uint8Array, pkg: Uint8Array, password: string): DecryptOutcome {
  const view = new DataView(info.buffer, info.byteOffset, info.byteLength);
  if (info.length < 12) throw damaged("EncryptionInfo is too short");
  const headerSize = view.getUint32(8, true);
  if (headerSize < 32 || 12 + headerSize + 4 + 16 + 16 + 4 + 32 > info.length)
    throw damaged("EncryptionInfo header size is out of range");
  const h = 12;
  const flags = view.getUint32(h, true);
  const algId = view.getUint32(h + 8, true);
  const algIdHash = view.getUint32(h + 12, true);
  const keyBits = view.getUint32(h + 16, true);
  if (flags & 0x10) throw unsupported("external (extensible) encryption");
  const aesBits: Record<number, number> = { 0x660e: 128, 0x660f: 192, 0x6610: 256 };
  if (!aesBits[algId] || !(flags & 0x20)) throw unsupported(`the cipher with algorithm id 0x${algId.toString(16)}`);
  if (algIdHash !== 0 && algIdHash !== 0x8004)
    throw unsupported(`the hash with algorithm id 0x${algIdHash.toString(16)}`);
  if (keyBits !== aesBits[algId]) throw damaged(`key size ${keyBits} does not match AES-${aesBits[algId]}`);
  const v = 12 + headerSize;
  const saltSize = view.getUint32(v, true);
  if (saltSize !== 16) throw damaged(`salt size ${saltSize}`);
  const salt = info.subarray(v + 4, v + 20);
  const encryptedVerifier = info.subarray(v + 20, v + 36);
  const verifierHashSize = view.getUint32(v + 36, true);
  const encryptedVerifierHash = info.subarray(v + 40, v + 72);

  const hh = spin("sha1", createHash("sha1").update(salt).update(Buffer.from(password, "utf16le")).digest(), 50_000);
  const final = createHash("sha1").update(hh).update(le32(0)).digest();
  const pad = (b: number) => Buffer.from(Array.from({ length: 64 }, (_, i) => (i < 20 ? final[i]! : 0) ^ b));
  const derived = Buffer.concat([
    createHash("sha1").update(pad(0x36)).digest(),
    createHash("sha1").update(pad(0x5c)).digest(),
  ]);
  const key = derived.subarray(0, keyBits / 8);

  const verifier = aes("ecb", key, null, encryptedVerifier);
  const verifierHash = aes("ecb", key, null, encryptedVerifierHash).subarray(0, Math.min(verifierHashSize, 20));
  const expected = createHash("sha1").update(verifier).digest().subarray(0, verifierHash.length);
  if (verifierHash.length !== 20 || !timingSafeEqual(verifierHash, expected)) return { ok: false, method: "standard" };
  const size = packageSize(pkg);
  return {
    ok: true,
    method: "standard",
    bytes: aes("ecb", key, null, pkg.subarray(8, 8 + size + ((16 - (size % 16)) % 16))).subarray(0, size),
  };
}

/**
 * Decrypts an EncryptedPackage with `password`. Returns ok:false when the password is not the one used;
 * throws UnreadableWorkbook for damaged descriptors and for encryption this reader does not implement.
 */
export function decryptOoxml(info: Uint8Array, pkg: Uint8Array, password: string = DEFAULT_PASSWORD): DecryptOutcome {
  if (info.length < 8) throw damaged("EncryptionInfo is too short");
  const major = info[0]! | (info[1]! << 8);
  const minor = info[2]! | (info[3]! << 8);
  if (major === 4 && minor === 4) {
    const xml = Buffer.from(info.subarray(8)).toString("utf8");
    return decryptAgile(xml, pkg, password);
  }
  if ((major === 2 || major === 3 || major === 4) && minor === 2) return decryptStandard(info, pkg, password);
  if ((major === 3 || major === 4) && minor === 3) throw unsupported("extensible encryption");
  throw unsupported(`encryption version ${major}.${minor}`);
}
