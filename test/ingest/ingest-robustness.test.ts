import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withDatabase } from "../../src/db/database.ts";
import { storeDeclarations } from "../../loaders/ingest/store-declaration.ts";
import { ingestPaths } from "../../loaders/ingest/ingest.ts";
import { writeTemplate } from "../../src/generate/template/write-template.ts";
import { cleanCmrt } from "../template/sample-input.ts";

const SUPPLIERS = [
  "Kestrel Components Ltd.",
  "Osprey Metals GmbH",
  "Heron Cable Co., Ltd.",
  "Plover Solder S.A.",
  "Egret Circuits Inc.",
  "Avocet Capacitor K.K.",
];

/** One distinct CMRT per supplier name, written into a fresh folder. */
async function folder(names = SUPPLIERS): Promise<{ dir: string; files: string[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), "assay-robust-"));
  const base = cleanCmrt();
  const files: string[] = [];
  for (const [i, name] of names.entries()) {
    const file = path.join(dir, `supplier-${i}.xlsx`);
    writeFileSync(
      file,
      await writeTemplate(
        { ...base, company: { ...base.company, name, uniqueId: `ID${i}` } },
        { template: "CMRT", version: "6.5" },
      ),
    );
    files.push(file);
  }
  return { dir, files };
}

describe("ingest keeps every file accounted for", () => {
  it("rejects only the files whose reader thread crashed and reads the rest on fresh workers", async () => {
    const { dir, files } = await folder();
    const crashOn = [files[1]!, files[4]!];
    await withDatabase(async (db) => {
      const summary = await ingestPaths(db, [dir], { asOf: "2025-06-01", concurrency: 2, crashOn });
      expect(summary.filesSeen).toBe(6);
      expect(summary.filesNew, "the four healthy files are stored").toBe(4);
      expect(summary.filesRejected.map((r) => r.path).sort()).toEqual([...crashOn].sort());
      for (const r of summary.filesRejected)
        expect(r.reason).toMatch(/^the reader crashed on this file \(.*injected reader crash/);
      const names = await db.all<{ company_name: string }>(
        "SELECT company_name FROM declarations ORDER BY company_name",
      );
      expect(names.map((r) => r.company_name)).toEqual([
        "Avocet Capacitor K.K.",
        "Heron Cable Co., Ltd.",
        "Kestrel Components Ltd.",
        "Plover Solder S.A.",
      ]);
    });
  });

  it("hands results over in path order whatever the threads' timing, so the same inbox always stores the same way", async () => {
    const { dir, files } = await folder();
    const base = cleanCmrt();
    // A real-size workbook first: its thread is still reading while the other thread gets through the small ones.
    const big = await writeTemplate(
      { ...base, company: { ...base.company, name: "Aardvark Alloys Ltd.", uniqueId: "AA1" } },
      { template: "CMRT", version: "6.5", realSize: true },
    );
    writeFileSync(path.join(dir, "a-original.xlsx"), big);
    writeFileSync(path.join(dir, "z-copy.xlsx"), big);
    await withDatabase(async (db) => {
      const seen: string[] = [];
      const summary = await ingestPaths(db, [dir], {
        asOf: "2025-06-01",
        concurrency: 2,
        onProgress: (_, __, p) => seen.push(path.basename(p)),
      });
      expect(seen).toEqual(["a-original.xlsx", ...files.map((f) => path.basename(f)), "z-copy.xlsx"]);
      expect(summary.filesCopied.map((c) => [path.basename(c.path), path.basename(c.sameAs)])).toEqual([
        ["z-copy.xlsx", "a-original.xlsx"],
      ]);
      expect(await db.scalar("SELECT file FROM declarations WHERE company_name = 'Aardvark Alloys Ltd.'")).toMatch(
        /a-original\.xlsx$/,
      );
    });
  });

  it("survives workers dying file after file: each crash costs only its own file", async () => {
    const { dir, files } = await folder();
    await withDatabase(async (db) => {
      const summary = await ingestPaths(db, [dir], { asOf: "2025-06-01", concurrency: 2, crashOn: files.slice(0, 5) });
      expect(summary.filesNew + summary.filesRejected.length).toBe(6);
      expect(summary.filesRejected).toHaveLength(5);
      expect(summary.filesNew).toBe(1);
    });
  });

  it("a batch insert that fails does not sink the other declarations: the bad file alone is rejected", async () => {
    const { dir } = await folder();
    await withDatabase(async (db) => {
      const failing: typeof storeDeclarations = async (store, items) => {
        // Stores the rows first, then fails: the whole batch transaction must roll back before the per-file retry.
        const stored = await storeDeclarations(store, items);
        if (items.some((i) => i.declaration.company.name === "Egret Circuits Inc."))
          throw new Error("Constraint Error: injected failure");
        return stored;
      };
      const summary = await ingestPaths(db, [dir], { asOf: "2025-06-01", concurrency: 1, storeDeclarations: failing });
      expect(summary.filesNew).toBe(5);
      expect(summary.filesRejected).toEqual([
        { path: path.join(dir, "supplier-4.xlsx"), reason: "could not be stored: Constraint Error: injected failure" },
      ]);
      expect(await db.scalar<number>("SELECT count(*) FROM declarations")).toBe(5);
      expect(
        await db.scalar<number>("SELECT count(*) FROM smelter_rows"),
        "no rows of the rolled-back batch remain",
      ).toBe(10);
      expect(await db.all("SELECT status, reason FROM files WHERE path LIKE '%supplier-4.xlsx'")).toEqual([
        { status: "rejected", reason: "could not be stored: Constraint Error: injected failure" },
      ]);
      expect(await db.scalar<number>("SELECT count(*) FROM files WHERE status = 'ingested'")).toBe(5);
      expect(await db.scalar<number>("SELECT count(*) FROM file_paths")).toBe(6);

      const again = await ingestPaths(db, [dir], { asOf: "2025-06-01", concurrency: 1 });
      expect(
        [again.filesNew, again.filesUnchanged, again.filesRejected.length],
        "the rejection is remembered for the same bytes",
      ).toEqual([0, 5, 1]);
    });
  });
});
