import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withDatabase } from "../../src/db/database.ts";
import { isStorageError } from "../../src/db/storage-error.ts";
import { ingestPaths } from "../../loaders/ingest/ingest.ts";
import { storeDeclarations } from "../../loaders/ingest/store-declaration.ts";
import { writeTemplate } from "../../src/generate/template/write-template.ts";
import { cleanCmrt } from "../template/sample-input.ts";

const DISK_FULL =
  'TransactionContext Error: Failed to commit: Could not write file "/data/assay.duckdb.wal": No space left on device';

async function folder(names: string[]): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "assay-storage-"));
  const base = cleanCmrt();
  for (const [i, name] of names.entries()) {
    writeFileSync(
      path.join(dir, `supplier-${i}.xlsx`),
      await writeTemplate(
        { ...base, company: { ...base.company, name, uniqueId: `ID${i}` } },
        { template: "CMRT", version: "6.5" },
      ),
    );
  }
  return dir;
}

describe("a transient storage failure leaves the file unread, to be read again next run", () => {
  it("disk full while storing: the ingest stops with a storage error, nothing is rejected, the next run stores every file", async () => {
    const dir = await folder(["Kestrel Components Ltd.", "Osprey Metals GmbH", "Heron Cable Co., Ltd."]);
    await withDatabase(async (db) => {
      let calls = 0;
      const failing: typeof storeDeclarations = async (d, items) => {
        if (++calls >= 1) throw new Error(DISK_FULL);
        return storeDeclarations(d, items);
      };
      await expect(
        ingestPaths(db, [dir], { asOf: "2025-06-01", concurrency: 1, storeDeclarations: failing }),
      ).rejects.toThrow(/warehouse storage failed: .*No space left on device; 3 file\(s\) were not stored/);
      expect(await db.scalar("SELECT count(*) FROM files"), "no file is recorded, least of all as rejected").toBe(0);
      expect(await db.scalar("SELECT count(*) FROM declarations")).toBe(0);
      const again = await ingestPaths(db, [dir], { asOf: "2025-06-01", concurrency: 1 });
      expect(again.filesNew).toBe(3);
      expect(again.filesRejected).toEqual([]);
    });
  });

  it("a data error still rejects only its own file; a storage error during the file-by-file retry stops without rejecting", async () => {
    const dir = await folder(["Kestrel Components Ltd.", "Osprey Metals GmbH", "Heron Cable Co., Ltd."]);
    await withDatabase(async (db) => {
      const failing: typeof storeDeclarations = async (d, items) => {
        if (items.length > 1) throw new Error("Constraint Error: duplicate key");
        if (items[0]!.declaration.company.name === "Osprey Metals GmbH") throw new Error(DISK_FULL);
        return storeDeclarations(d, items);
      };
      await expect(
        ingestPaths(db, [dir], { asOf: "2025-06-01", concurrency: 1, storeDeclarations: failing }),
      ).rejects.toThrow(/warehouse storage failed/);
      const files = await db.all<{ status: string }>("SELECT status FROM files");
      expect(
        files.map((f) => f.status),
        "the first file was stored before the disk filled",
      ).toEqual(["ingested"]);
      const again = await ingestPaths(db, [dir], { asOf: "2025-06-01", concurrency: 1 });
      expect([again.filesNew, again.filesUnchanged, again.filesRejected.length]).toEqual([2, 1, 0]);
    });
  });

  it("a file recorded earlier as rejected because storage failed is read again and stored", async () => {
    const dir = await folder(["Kestrel Components Ltd."]);
    await withDatabase(async (db) => {
      const first = await ingestPaths(db, [dir], { asOf: "2025-06-01" });
      expect(first.filesNew).toBe(1);
      // What a warehouse written before the fix holds: the file's hash "rejected" with the rollback's error.
      await db.run(
        "DELETE FROM findings; DELETE FROM answers; DELETE FROM company_answers; DELETE FROM smelter_rows; DELETE FROM declarations",
      );
      await db.run(
        "UPDATE files SET status = 'rejected', reason = 'could not be stored: TransactionContext Error: cannot rollback - no transaction is active'",
      );
      const again = await ingestPaths(db, [dir], { asOf: "2025-06-01" });
      expect(again.filesRejected).toEqual([]);
      expect(again.filesNew).toBe(1);
      expect(await db.all("SELECT status, reason FROM files")).toEqual([{ status: "ingested", reason: null }]);
      expect(await db.scalar("SELECT count(*) FROM declarations")).toBe(1);
    });
  });

  it("a failed COMMIT rethrows its own error, not the ROLLBACK's", async () => {
    await withDatabase(async (db) => {
      await db.run("CREATE TABLE t (k INTEGER PRIMARY KEY)");
      await db.run("INSERT INTO t VALUES (1)");
      await expect(
        db.transaction(async () => {
          await db.run("INSERT INTO t VALUES (2)");
          await db.run("COMMIT"); // ends the transaction early, as a failed COMMIT does
          throw new Error(DISK_FULL);
        }),
      ).rejects.toThrow(DISK_FULL);
      expect(await db.scalar("SELECT count(*) FROM t")).toBe(2);
    });
  });

  it.each([
    [DISK_FULL, true],
    ['IO Error: Could not write file "x": Disk quota exceeded', true],
    ["FATAL Error: Failed to create checkpoint because of error: Could not write", true],
    ["Invalid Input Error: database has been invalidated because of a previous fatal error", true],
    ['Constraint Error: Duplicate key "declaration_id: d1" violates primary key constraint', false],
    ["Conversion Error: Could not convert string 'x' to INT32", false],
  ])("isStorageError(%s) = %s", (message, expected) => {
    expect(isStorageError(new Error(message))).toBe(expected);
  });
});
