import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/paths.ts";
import { runCli } from "../helpers/run-cli.ts";
import { fileLedger } from "./_ledger.ts";

const work = mkdtempSync(join(tmpdir(), "assay-diskfull-"));
const mnt = join(work, "mnt");
mkdirSync(mnt);

/** A real small file system (tmpfs) to fill: needs root and mount; elsewhere the test is skipped and the unit tests simulate it. */
function mount(sizeKb: number, remount = false): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `${remount ? "remount," : ""}size=${sizeKb}k`, "tmpfs", mnt], {
      stdio: "ignore",
    });
    return true;
  } catch {
    return false;
  }
}
const canMount = mount(1024);
if (canMount) execFileSync("umount", [mnt]);

afterAll(() => {
  if (canMount) {
    try {
      execFileSync("umount", [mnt], { stdio: "ignore" });
    } catch {
      // not mounted
    }
  }
  rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!canMount)("disk full on a real (tmpfs) file system", () => {
  it("stops the ingest with a storage error, rejects nothing by hash, and stores every file once space is back", () => {
    const sample = join(repoRoot, "data/sample/inbox");
    const first = join(work, "first");
    mkdirSync(first);
    const all = readdirSync(sample)
      .filter((f) => f.endsWith(".xlsx"))
      .sort();
    copyFileSync(join(sample, all[0]!), join(first, all[0]!));
    const base = join(work, "base.duckdb");
    const seeded = runCli(["ingest", first, "--db", base, "--as-of", "2026-06-30"]);
    expect(seeded.code, seeded.stderr).toBe(0);

    // Room for the warehouse and 64 KB more: the sample inbox does not fit.
    expect(mount(Math.ceil(statSync(base).size / 1024) + 64)).toBe(true);
    const db = join(mnt, "w.duckdb");
    copyFileSync(base, db);
    const inbox = join(work, "inbox");
    mkdirSync(inbox);
    for (const f of readdirSync(sample)) copyFileSync(join(sample, f), join(inbox, f));
    const full = runCli(["ingest", inbox, "--db", db, "--as-of", "2026-06-30"]);
    expect(full.code, full.stdout + full.stderr).toBe(1);
    expect(full.stderr).toMatch(/warehouse storage failed: .*No space left on device/);
    expect(full.stderr).not.toMatch(/\n\s+at /);

    expect(mount(256 * 1024, true)).toBe(true);
    const again = runCli(["ingest", inbox, "--db", db, "--as-of", "2026-06-30", "--json"]);
    expect(again.code, again.stderr).toBe(0);
    const summary = JSON.parse(again.stdout) as { filesRejected: { path: string; reason: string }[] };
    expect(summary.filesRejected.map((r) => r.reason).sort()).toEqual([
      "not a workbook: the file is a PDF document",
      "truncated or damaged zip archive (no central directory)",
    ]);
    return fileLedger(db, inbox).then((ledger) => {
      expect(ledger.unaccounted).toEqual([]);
      expect(ledger.badRejections).toEqual([]);
      expect(ledger.byStatus.rejected).toBe(2);
    });
  });
});
