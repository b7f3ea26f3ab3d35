/** msoffcrypto-tool (an independent Python implementation of MS-OFFCRYPTO), when installed, for cross-checks. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const hasMsoffcrypto = spawnSync("msoffcrypto-tool", ["--help"], { stdio: "ignore" }).status === 0;

/** Decrypts with msoffcrypto-tool; null when it refuses (wrong password, unsupported file). */
export function msoffcryptoDecrypt(bytes: Uint8Array, password: string): Buffer | null {
  const dir = mkdtempSync(join(tmpdir(), "assay-msoffcrypto-"));
  try {
    writeFileSync(join(dir, "in"), bytes);
    const r = spawnSync("msoffcrypto-tool", ["-p", password, join(dir, "in"), join(dir, "out")], { stdio: "ignore" });
    return r.status === 0 ? readFileSync(join(dir, "out")) : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
