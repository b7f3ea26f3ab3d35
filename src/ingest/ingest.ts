import { basename } from "node:path";
import type { Database } from "../db/database.ts";
import { declarationIdFor, storeDeclarations } from "../declarations/store-declaration.ts";
import { refreshCurrent } from "../declarations/refresh-current.ts";
import type { FileResult } from "./read-file.ts";
import { readInPool } from "./read-pool.ts";
import { walkPaths } from "./walk-paths.ts";

const BATCH = 50;

export interface IngestOptions {
  onProgress?: (done: number, total: number, path: string) => void;
  concurrency?: number;
  /** ISO date for the effective-date checks (default: today). */
  asOf?: string;
  /** Called after new declarations are stored, e.g. to resolve smelter rows against the reference. */
  afterStore?: (db: Database, declarationIds: string[]) => Promise<void>;
  command?: string;
}

export interface IngestSummary {
  filesSeen: number;
  filesNew: number;
  filesUnchanged: number;
  filesRejected: { path: string; reason: string }[];
  rowsStored: Record<string, number>;
  declarationIds: string[];
}

/**
 * Ingests workbooks (files or directories, walked recursively): every file ends up ingested, unchanged (its bytes
 * were seen before) or rejected with a reason. Same bytes twice change nothing; rows go in with bulk inserts.
 */
export async function ingestPaths(db: Database, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const { files, missing } = await walkPaths(paths);
  const summary: IngestSummary = { filesSeen: files.length, filesNew: 0, filesUnchanged: 0, filesRejected: [...missing], rowsStored: {}, declarationIds: [] };
  const known = new Set((await db.all<{ file_hash: string }>("SELECT file_hash FROM files")).map((r) => r.file_hash));
  const knownPaths = new Map((await db.all<{ path: string; file_hash: string }>("SELECT path, file_hash FROM file_paths")).map((r) => [r.path, r.file_hash]));
  let runId: number | null = null;
  const ensureRun = async () => {
    runId ??= (await db.one<{ run_id: number }>("INSERT INTO ingest_runs (command) VALUES (?) RETURNING run_id", [options.command ?? "ingest"]))!.run_id;
    return runId;
  };
  const notePath = async (r: FileResult & { fileHash: string }) => {
    if (knownPaths.get(r.path) === r.fileHash) return;
    await db.run("INSERT OR REPLACE INTO file_paths (path, file_hash, size_bytes, last_seen_run) VALUES (?, ?, ?, ?)", [r.path, r.fileHash, r.size, await ensureRun()]);
    knownPaths.set(r.path, r.fileHash);
  };
  const recordFile = async (r: FileResult & { fileHash: string }, status: string, reason: string | null) => {
    await db.run("INSERT INTO files (file_hash, path, file_name, size_bytes, kind, status, reason, first_seen_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      [r.fileHash, r.path, basename(r.path), r.size, "rmi-workbook", status, reason, await ensureRun()]);
    known.add(r.fileHash);
  };
  const rejectedBefore = new Map((await db.all<{ file_hash: string; reason: string }>("SELECT file_hash, reason FROM files WHERE status = 'rejected'")).map((r) => [r.file_hash, r.reason]));
  // Read results are stored in batches: one transaction and one bulk insert per table for many declarations.
  let batch: (FileResult & { status: "read" })[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    await db.transaction(async () => {
      const run = await ensureRun();
      for (const r of items) {
        await recordFile(r, "ingested", null);
        await notePath(r);
      }
      const stored = await storeDeclarations(db, items.map((r) => ({ declaration: r.declaration, file: { fileHash: r.fileHash, path: r.path, runId: run } })));
      for (const [table, n] of Object.entries(stored)) summary.rowsStored[table] = (summary.rowsStored[table] ?? 0) + n;
    });
    for (const r of items) {
      summary.filesNew++;
      summary.declarationIds.push(declarationIdFor(r.fileHash));
    }
  };
  let done = 0;
  await readInPool(files, {
    asOf,
    concurrency: options.concurrency,
    knownHashes: known,
    onResult: async (r) => {
      options.onProgress?.(++done, files.length, r.path);
      if (r.status === "rejected" && r.fileHash === null) {
        summary.filesRejected.push({ path: r.path, reason: r.reason });
        return;
      }
      if (r.status === "unchanged" || known.has(r.fileHash!)) {
        const reason = rejectedBefore.get(r.fileHash!);
        if (reason) summary.filesRejected.push({ path: r.path, reason });
        else summary.filesUnchanged++;
        await notePath(r as FileResult & { fileHash: string });
        return;
      }
      const hashed = r as FileResult & { fileHash: string };
      if (r.status === "rejected") {
        summary.filesRejected.push({ path: r.path, reason: r.reason });
        await db.transaction(async () => {
          await recordFile(hashed, "rejected", r.reason);
          await notePath(hashed);
        });
        rejectedBefore.set(r.fileHash!, r.reason);
        return;
      }
      known.add(r.fileHash);
      batch.push(r);
      if (batch.length >= BATCH) await flush();
    },
  });
  await flush();
  if (summary.declarationIds.length > 0) {
    await refreshCurrent(db);
    await options.afterStore?.(db, summary.declarationIds);
  }
  if (runId !== null) {
    await db.run("UPDATE ingest_runs SET finished_at = current_timestamp, files_seen = ?, files_new = ?, files_rejected = ? WHERE run_id = ?",
      [summary.filesSeen, summary.filesNew, summary.filesRejected.length, runId]);
  }
  return summary;
}
