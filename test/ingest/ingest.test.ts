import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withDatabase, type Database } from "../../src/db/database.ts";
import { ingestPaths } from "../../loaders/ingest/ingest.ts";
import { writeTemplate } from "../../src/generate/template/write-template.ts";
import { cleanCmrt } from "../template/sample-input.ts";

const TABLES = [
  "files",
  "file_paths",
  "ingest_runs",
  "declarations",
  "answers",
  "company_answers",
  "smelter_rows",
  "products",
  "mines",
  "findings",
];
const counts = async (db: Database) =>
  Object.fromEntries(
    await Promise.all(TABLES.map(async (t) => [t, await db.scalar<number>(`SELECT count(*) FROM ${t}`)])),
  );

async function supplierFolder(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "assay-ingest-"));
  mkdirSync(path.join(dir, "2024", "nested"), { recursive: true });
  const base = cleanCmrt();
  writeFileSync(
    path.join(dir, "2024", "kestrel-old.xlsx"),
    await writeTemplate(
      { ...base, company: { ...base.company, effectiveDate: "2024-02-01" } },
      { template: "CMRT", version: "6.4" },
    ),
  );
  writeFileSync(path.join(dir, "kestrel-new.xlsx"), await writeTemplate(base, { template: "CMRT", version: "6.5" }));
  writeFileSync(
    path.join(dir, "2024", "nested", "copy-of-new.xlsx"),
    await writeTemplate(base, { template: "CMRT", version: "6.5" }),
  );
  writeFileSync(
    path.join(dir, "other.xlsx"),
    await writeTemplate(
      { ...base, company: { ...base.company, name: "Osprey Metals GmbH", uniqueId: "DE999" } },
      { template: "CMRT", version: "6.5" },
    ),
  );
  writeFileSync(path.join(dir, "~$kestrel-new.xlsx"), Buffer.from([0x01, 0x02, 0x03]));
  writeFileSync(path.join(dir, "photo.xls"), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]));
  writeFileSync(
    path.join(dir, "half.xlsx"),
    (await writeTemplate(base, { template: "CMRT", version: "6.5" })).subarray(0, 5000),
  );
  writeFileSync(path.join(dir, "notes.txt"), "call supplier\n");
  return dir;
}

describe("ingestPaths", () => {
  it("accounts for every file, stores declarations and their rows, and is a no-op the second time", async () => {
    const dir = await supplierFolder();
    await withDatabase(async (db) => {
      const progress: number[] = [];
      const first = await ingestPaths(db, [dir], {
        asOf: "2025-06-01",
        concurrency: 2,
        onProgress: (done) => progress.push(done),
      });
      expect(first.filesSeen).toBe(8);
      expect(first.filesNew + first.filesUnchanged + first.filesRejected.length).toBe(8);
      expect(first.filesNew).toBe(3);
      expect(first.filesUnchanged).toBe(1);
      // The copy is named with the file whose bytes it repeats, whichever of the two a worker finished first.
      expect(first.filesCopied.map((c) => [c.path, c.sameAs].map((p) => path.basename(p)).sort())).toEqual([
        ["copy-of-new.xlsx", "kestrel-new.xlsx"],
      ]);
      const reasons = Object.fromEntries(first.filesRejected.map((r) => [path.basename(r.path), r.reason]));
      expect(reasons).toEqual({
        "~$kestrel-new.xlsx": "Excel lock file (~$…), not a workbook",
        "photo.xls": "not a workbook: the file is a JPEG image",
        "half.xlsx": expect.stringMatching(/truncated/),
        "notes.txt": expect.stringMatching(/not a workbook/),
      });
      expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(first.rowsStored.smelter_rows).toBe(6);
      expect(first.rowsStored.declarations).toBe(3);

      const before = await counts(db);
      expect(before.files).toBe(7);
      expect(before.file_paths).toBe(8);
      const second = await ingestPaths(db, [dir], { asOf: "2025-06-01", concurrency: 2 });
      expect(second.filesNew).toBe(0);
      expect(second.filesUnchanged).toBe(4);
      expect(second.filesCopied, "paths seen before are not copies").toEqual([]);
      expect(second.filesRejected).toHaveLength(4);
      expect(await counts(db)).toEqual(before);
    });
  });

  it("lets the newer declaration of a supplier supersede the older one and keeps history", async () => {
    const dir = await supplierFolder();
    await withDatabase(async (db) => {
      await ingestPaths(db, [dir], { asOf: "2025-06-01", concurrency: 1 });
      const rows = await db.all<{
        company_name: string;
        version: string;
        effective_date: string;
        is_current: boolean;
        superseded_by: string | null;
        declaration_id: string;
      }>(
        "SELECT declaration_id, company_name, version, CAST(effective_date AS VARCHAR) AS effective_date, is_current, superseded_by FROM declarations ORDER BY company_name, effective_date",
      );
      const [old, current, osprey] = rows;
      expect([old?.version, old?.is_current, old?.superseded_by]).toEqual(["6.4", false, current?.declaration_id]);
      expect([current?.version, current?.effective_date, current?.is_current, current?.superseded_by]).toEqual([
        "6.5",
        "2025-03-14",
        true,
        null,
      ]);
      expect([osprey?.company_name, osprey?.is_current]).toEqual(["Osprey Metals GmbH", true]);
      const child = await db.scalar<number>(
        "SELECT count(*) FROM smelter_rows s JOIN declarations d USING (declaration_id, file_hash)",
      );
      expect(child).toBe(6);
    });
  });

  it("calls afterStore with the new declaration ids", async () => {
    const dir = await supplierFolder();
    await withDatabase(async (db) => {
      const seen: string[][] = [];
      const summary = await ingestPaths(db, [dir], {
        asOf: "2025-06-01",
        concurrency: 1,
        afterStore: async (_db, ids) => void seen.push(ids),
      });
      expect(seen).toEqual([summary.declarationIds]);
      expect(summary.declarationIds).toHaveLength(3);
    });
  });
});
