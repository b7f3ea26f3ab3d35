import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CompoundFile } from "../../loaders/xlsx/compound-file.ts";
import { decryptOoxml } from "../../loaders/xlsx/office-crypto.ts";
import { UnreadableWorkbook } from "../../loaders/xlsx/unreadable-workbook.ts";
import { encryptAgile, encryptStandard } from "../helpers/office-encrypt.ts";
import { hasMsoffcrypto, msoffcryptoDecrypt } from "../helpers/msoffcrypto.ts";
import { repoRoot } from "../helpers/paths.ts";

const plain = readFileSync(join(repoRoot, "data/sample/inbox/CMRT_Kessler_Solder_Sdn_Bhd_2025.xlsx"));

const decrypt = (file: Uint8Array, password?: string) => {
  const cf = new CompoundFile(file);
  return decryptOoxml(cf.stream("EncryptionInfo")!, cf.stream("EncryptedPackage")!, password);
};

const agile = encryptAgile(plain);
const agileSha1 = encryptAgile(plain, { hash: "SHA1", keyBits: 128, spinCount: 1_000, seed: "sha1" });
const standard = encryptStandard(plain);

describe("OOXML package decryption", () => {
  it.each([
    ["Agile SHA-512/AES-256", agile, "agile"],
    ["Agile SHA-1/AES-128", agileSha1, "agile"],
    ["Standard AES-128", standard, "standard"],
  ] as const)("%s with Excel's default password gives back the package byte for byte", (_, file, method) => {
    const out = decrypt(file);
    expect(out.ok).toBe(true);
    expect(out.method).toBe(method);
    expect(out.ok && Buffer.from(out.bytes).equals(plain)).toBe(true);
  });

  it("says the password is wrong instead of returning garbage", () => {
    expect(decrypt(encryptAgile(plain, { password: "s3cret", spinCount: 1_000 }))).toEqual({
      ok: false,
      method: "agile",
    });
    expect(decrypt(encryptStandard(plain, { password: "s3cret" }))).toEqual({ ok: false, method: "standard" });
    expect(decrypt(agile, "VelvetSweatshop ").ok).toBe(false);
  });

  it("rejects an Agile package altered after encryption (HMAC data integrity)", () => {
    const cf = new CompoundFile(agile);
    const pkg = cf.stream("EncryptedPackage")!.slice();
    pkg[5000]! ^= 1;
    expect(() => decryptOoxml(cf.stream("EncryptionInfo")!, pkg)).toThrow(/data integrity check failed/);
    expect(() => decryptOoxml(cf.stream("EncryptionInfo")!, pkg.subarray(0, 4))).toThrow(UnreadableWorkbook);
  });

  it("refuses descriptors it cannot or should not honour, with a reason", () => {
    const info = Buffer.from(new CompoundFile(agile).stream("EncryptionInfo")!);
    const pkg = new CompoundFile(agile).stream("EncryptedPackage")!;
    const edit = (from: string, to: string) => Buffer.from(info.toString("latin1").replace(from, to), "latin1");
    expect(() => decryptOoxml(edit('spinCount="100000"', 'spinCount="999999999"'), pkg)).toThrow(
      /spin count of 999999999/,
    );
    expect(() => decryptOoxml(edit('cipherAlgorithm="AES"', 'cipherAlgorithm="DES"'), pkg)).toThrow(/DES cipher/);
    expect(() => decryptOoxml(Buffer.from([4, 0, 4, 0]), pkg)).toThrow(/too short/);
    expect(() => decryptOoxml(Buffer.from([9, 0, 9, 0, 0, 0, 0, 0]), pkg)).toThrow(/encryption version 9.9/);
  });

  it.skipIf(!hasMsoffcrypto)(
    "the test encryptors follow the specification: msoffcrypto-tool decrypts their output",
    () => {
      for (const file of [agile, agileSha1, standard])
        expect(msoffcryptoDecrypt(file, "VelvetSweatshop")?.equals(plain)).toBe(true);
    },
  );
});
