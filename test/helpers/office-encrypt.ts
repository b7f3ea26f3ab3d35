/**
 * Test-only encryptors written from MS-OFFCRYPTO (not from the reader's code): OOXML Agile and Standard encryption of
 * a package into a compound file, and the RC4 / RC4 CryptoAPI key material of a legacy .xls FILEPASS record.
 * Salts are derived from a seed so outputs are reproducible.
 */
import { createCipheriv, createHash, createHmac } from "node:crypto";
import { writeCompoundFile } from "./compound-file-writer.ts";

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
};
const seeded = (seed: string, n: number) => {
  let out = Buffer.alloc(0);
  for (let i = 0; out.length < n; i++) out = Buffer.concat([out, createHash("sha256").update(`${seed}:${i}`).digest()]);
  return out.subarray(0, n);
};
const padTo = (b: Buffer, block: number) =>
  b.length % block === 0 ? b : Buffer.concat([b, Buffer.alloc(block - (b.length % block))]);
const encryptAes = (mode: "cbc" | "ecb", key: Buffer, iv: Buffer | null, data: Buffer) => {
  const c = createCipheriv(`aes-${key.length * 8}-${mode}`, key, iv);
  c.setAutoPadding(false);
  return Buffer.concat([c.update(padTo(data, 16)), c.final()]);
};

/** The \u0006DataSpaces storage Excel writes beside the encrypted package (readers ignore it; its shape is real). */
function dataSpaces(): Record<string, Uint8Array> {
  const unicode = (t: string) =>
    Buffer.concat([u32(t.length * 2), Buffer.from(t, "utf16le"), Buffer.alloc((4 - ((t.length * 2) % 4)) % 4)]);
  const version = Buffer.concat([unicode("Microsoft.Container.DataSpaces"), u32(1), u32(1), u32(1)]);
  const entry = Buffer.concat([u32(1), u32(0), unicode("EncryptedPackage"), unicode("StrongEncryptionDataSpace")]);
  const map = Buffer.concat([u32(8), u32(1), u32(entry.length + 4), entry]);
  const info = Buffer.concat([u32(8), u32(1), unicode("StrongEncryptionTransform")]);
  const primary = Buffer.concat([
    u32(0x58),
    u32(1),
    unicode("{FF9A3F03-56EF-4613-BDD5-5A41C1D07246}"),
    unicode("Microsoft.Container.EncryptionTransform"),
    u32(1),
    u32(1),
    u32(1),
    u32(0),
    u32(0),
    u32(0),
    u32(4),
  ]);
  return {
    "\u0006DataSpaces/Version": version,
    "\u0006DataSpaces/DataSpaceMap": map,
    "\u0006DataSpaces/DataSpaceInfo/StrongEncryptionDataSpace": info,
    "\u0006DataSpaces/TransformInfo/StrongEncryptionTransform/\u0006Primary": primary,
  };
}

export interface AgileOptions {
  password?: string;
  spinCount?: number;
  hash?: "SHA512" | "SHA256" | "SHA1";
  keyBits?: 128 | 256;
  seed?: string;
}

/** Agile-encrypts an OOXML package; returns the compound file Excel would write. */
export function encryptAgile(pkg: Uint8Array, options: AgileOptions = {}): Uint8Array {
  const password = options.password ?? "VelvetSweatshop";
  const spin = options.spinCount ?? 100_000;
  const hashName = options.hash ?? "SHA512";
  const node = hashName.toLowerCase();
  const hashSize = createHash(node).digest().length;
  const keyBits = options.keyBits ?? 256;
  const keyBytes = keyBits / 8;
  const seed = options.seed ?? "agile";
  const H = (...parts: Buffer[]) => createHash(node).update(Buffer.concat(parts)).digest();
  const sized = (b: Buffer, n: number) =>
    b.length >= n ? b.subarray(0, n) : Buffer.concat([b, Buffer.alloc(n - b.length, 0x36)]);

  const keySalt = seeded(`${seed}:key`, 16);
  const pwSalt = seeded(`${seed}:pw`, 16);
  const secret = seeded(`${seed}:secret`, keyBytes);
  const verifier = seeded(`${seed}:verifier`, 16);

  // Password hash: H(salt + password), then spinCount rounds of H(iterator + previous).
  let h = H(pwSalt, Buffer.from(password, "utf16le"));
  for (let i = 0; i < spin; i++) h = H(u32(i), h);
  const pwKey = (block: number[]) => sized(H(h, Buffer.from(block)), keyBytes);
  const encVerifierInput = encryptAes("cbc", pwKey([0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79]), pwSalt, verifier);
  const encVerifierValue = encryptAes(
    "cbc",
    pwKey([0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e]),
    pwSalt,
    H(verifier),
  );
  const encKeyValue = encryptAes("cbc", pwKey([0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6]), pwSalt, secret);

  const body: Buffer[] = [];
  for (let i = 0; i * 4096 < pkg.length; i++) {
    const iv = H(keySalt, u32(i)).subarray(0, 16);
    body.push(encryptAes("cbc", secret, iv, Buffer.from(pkg.subarray(i * 4096, (i + 1) * 4096))));
  }
  const size = Buffer.alloc(8);
  size.writeUInt32LE(pkg.length, 0);
  const encryptedPackage = Buffer.concat([size, ...body]);

  const hmacKey = seeded(`${seed}:hmac`, hashSize);
  const hmac = createHmac(node, hmacKey).update(encryptedPackage).digest();
  const encHmacKey = encryptAes(
    "cbc",
    secret,
    H(keySalt, Buffer.from([0x5f, 0xb2, 0xad, 0x01, 0x0c, 0xb9, 0xe1, 0xf6])).subarray(0, 16),
    hmacKey,
  );
  const encHmacValue = encryptAes(
    "cbc",
    secret,
    H(keySalt, Buffer.from([0xa0, 0x67, 0x7f, 0x02, 0xb2, 0x2c, 0x84, 0x33])).subarray(0, 16),
    hmac,
  );

  const common = (salt: Buffer) =>
    `saltSize="16" blockSize="16" keyBits="${keyBits}" hashSize="${hashSize}" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="${hashName}" saltValue="${salt.toString("base64")}"`;
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password" xmlns:c="http://schemas.microsoft.com/office/2006/keyEncryptor/certificate">` +
    `<keyData ${common(keySalt)}/>` +
    `<dataIntegrity encryptedHmacKey="${encHmacKey.toString("base64")}" encryptedHmacValue="${encHmacValue.toString("base64")}"/>` +
    `<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">` +
    `<p:encryptedKey spinCount="${spin}" ${common(pwSalt)} encryptedVerifierHashInput="${encVerifierInput.toString("base64")}" encryptedVerifierHashValue="${encVerifierValue.toString("base64")}" encryptedKeyValue="${encKeyValue.toString("base64")}"/>` +
    `</keyEncryptor></keyEncryptors></encryption>`;
  const info = Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from(xml, "utf8")]);
  return writeCompoundFile({ EncryptionInfo: info, EncryptedPackage: encryptedPackage, ...dataSpaces() });
}

/** Standard-encrypts (AES-128 ECB, SHA-1, 50,000 rounds) an OOXML package into a compound file. */
export function encryptStandard(pkg: Uint8Array, options: { password?: string; seed?: string } = {}): Uint8Array {
  const password = options.password ?? "VelvetSweatshop";
  const seed = options.seed ?? "standard";
  const sha1 = (...parts: Buffer[]) => createHash("sha1").update(Buffer.concat(parts)).digest();
  const salt = seeded(`${seed}:salt`, 16);
  let h = sha1(salt, Buffer.from(password, "utf16le"));
  for (let i = 0; i < 50_000; i++) h = sha1(u32(i), h);
  const hFinal = sha1(h, u32(0));
  const x = (c: number) => {
    const b = Buffer.alloc(64, c);
    for (let i = 0; i < hFinal.length; i++) b[i]! ^= hFinal[i]!;
    return sha1(b);
  };
  const key = Buffer.concat([x(0x36), x(0x5c)]).subarray(0, 16);
  const verifier = seeded(`${seed}:verifier`, 16);
  const encVerifier = encryptAes("ecb", key, null, verifier);
  const encVerifierHash = encryptAes("ecb", key, null, sha1(verifier));

  const csp = Buffer.from("Microsoft Enhanced RSA and AES Cryptographic Provider\0", "utf16le");
  const header = Buffer.concat([u32(0x24), u32(0), u32(0x660e), u32(0x8004), u32(128), u32(0x18), u32(0), u32(0), csp]);
  const info = Buffer.concat([
    Buffer.from([4, 0, 2, 0]),
    u32(0x24),
    u32(header.length),
    header,
    u32(16),
    salt,
    encVerifier,
    u32(20),
    encVerifierHash,
  ]);
  const size = Buffer.alloc(8);
  size.writeUInt32LE(pkg.length, 0);
  const encryptedPackage = Buffer.concat([size, encryptAes("ecb", key, null, Buffer.from(pkg))]);
  return writeCompoundFile({ EncryptionInfo: info, EncryptedPackage: encryptedPackage, ...dataSpaces() });
}
