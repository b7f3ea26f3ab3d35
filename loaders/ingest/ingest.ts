import { basename } from "node:path";
import type { Database } from "../../src/db/database.ts";
import { isStorageError } from "../../src/db/storage-error.ts";
import { AssayError } from "../../src/errors.ts";
import { declarationIdFor, storeDeclarations } from "./store-declaration.ts";
import { refreshCurrent } from "./refresh-current.ts";
import type { FileResult } from "./read-file.ts";
import { readInPool } from "./read-pool.ts";
import { walkPaths } from "../sources/walk-paths.ts";

const BATCH = 100;

type ReadFile = Extract<FileResult, { status: "read" }>;

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0]!.trim();

export interface IngestOptions {
  onProgress?: (done: number, total: number, path: string) => void;
  concurrency?: number;
  /** ISO date for the effective-date checks (default: today). */
  asOf?: string;
  /** Called after new declarations are stored, e.g. to resolve smelter rows against the reference. */
  afterStore?: (db: Database, declarationIds: string[]) => Promise<void>;
  command?: string;
  /** Test hook: paths whose reader thread crashes (see ReadPoolOptions.crashOn). */
  crashOn?: readonly string[];
  /** Replaces how a batch of declarations is stored (tests inject failures here). */
  storeDeclarations?: typeof storeDeclarations;
}

export interface IngestSummary {
  filesSeen: number;
  filesNew: number;
  filesUnchanged: number;
  /** Unchanged files seen under a new path: byte-identical copies of a file already read (counted in filesUnchanged). */
  filesCopied: { path: string; sameAs: string }[];
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
  const summary: IngestSummary = {
    filesSeen: files.length + missing.length,
    filesNew: 0,
    filesUnchanged: 0,
    filesCopied: [],
    filesRejected: [...missing],
    rowsStored: {},
    declarationIds: [],
  };
  // A file once "rejected" because the warehouse's storage failed (before that was told apart) is read again.
  const retry = new Set(
    (
      await db.all<{ file_hash: string; reason: string }>(
        "SELECT file_hash, reason FROM files WHERE status = 'rejected' AND reason LIKE 'could not be stored:%'",
      )
    )
      .filter((r) => isStorageError(r.reason))
      .map((r) => r.file_hash),
  );
  const firstPath = new Map(
    (await db.all<{ file_hash: string; path: string }>("SELECT file_hash, path FROM files")).map((r) => [
      r.file_hash,
      r.path,
    ]),
  );
  for (const h of retry) firstPath.delete(h);
  const known = new Set(firstPath.keys());
  const knownPaths = new Map(
    (await db.all<{ path: string; file_hash: string }>("SELECT path, file_hash FROM file_paths")).map((r) => [
      r.path,
      r.file_hash,
    ]),
  );
  let runId: number | null = null;
  const ensureRun = async () => {
    runId ??= (await db.one<{ run_id: number }>("INSERT INTO ingest_runs (command) VALUES (?) RETURNING run_id", [
      options.command ?? "ingest",
    ]))!.run_id;
    return runId;
  };
  const notePath = async (r: FileResult & { fileHash: string }, remember = true) => {
    if (knownPaths.get(r.path) === r.fileHash) return;
    await db.run("INSERT OR REPLACE INTO file_paths (path, file_hash, size_bytes, last_seen_run) VALUES (?, ?, ?, ?)", [
      r.path,
      r.fileHash,
      r.size,
      await ensureRun(),
    ]);
    if (remember) knownPaths.set(r.path, r.fileHash);
  };
  const recordFile = async (r: FileResult & { fileHash: string }, status: string, reason: string | null) => {
    await db.run(
      "INSERT INTO files (file_hash, path, file_name, size_bytes, kind, status, reason, first_seen_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      [r.fileHash, r.path, basename(r.path), r.size, "rmi-workbook", status, reason, await ensureRun()],
    );
    known.add(r.fileHash);
  };
  const rejectedBefore = new Map(
    (
      await db.all<{ file_hash: string; reason: string }>(
        "SELECT file_hash, reason FROM files WHERE status = 'rejected'",
      )
    )
      .filter((r) => !retry.has(r.file_hash))
      .map((r) => [r.file_hash, r.reason]),
  );
  const forgetRetried = async (hashes: readonly string[]) => {
    for (const h of hashes) if (retry.has(h)) await db.run("DELETE FROM files WHERE file_hash = ?", [h]);
  };
  // A storage failure (disk full, I/O error) says nothing about the file: stop, store nothing of it, read it next run.
  const storageFailure = (error: unknown, items: readonly { path: string }[]) =>
    new AssayError(
      `warehouse storage failed: ${firstLine(error)}; ${items.length} file(s) were not stored and will be read again on the next run`,
      { code: "storage", exitCode: 1, cause: error },
    );
  const reject = async (r: FileResult & { fileHash: string }, reason: string) => {
    rejectedBefore.set(r.fileHash, reason);
    try {
      await db.transaction(async () => {
        await forgetRetried([r.fileHash]);
        await recordFile(r, "rejected", reason);
        await notePath(r, false);
      });
      knownPaths.set(r.path, r.fileHash);
      summary.filesRejected.push({ path: r.path, reason });
      retry.delete(r.fileHash);
    } catch (error) {
      if (isStorageError(error)) throw storageFailure(error, [r]);
      summary.filesRejected.push({
        path: r.path,
        reason: `${reason} (not recorded in the database: ${firstLine(error)})`,
      });
    }
  };
  // Read results are stored in batches: one transaction and one appender pass per table for many declarations.
  let batch: ReadFile[] = [];
  const storeBatch = async (items: readonly ReadFile[]) => {
    const run = await ensureRun();
    const rows = await db.transaction(async () => {
      await forgetRetried(items.map((r) => r.fileHash));
      await db.appendRows(
        "files",
        ["file_hash", "path", "file_name", "size_bytes", "kind", "status", "first_seen_run"],
        items.map((r) => [r.fileHash, r.path, basename(r.path), r.size, "rmi-workbook", "ingested", run]),
      );
      for (const r of items) await notePath(r, false);
      return (options.storeDeclarations ?? storeDeclarations)(
        db,
        items.map((r) => ({ declaration: r.declaration, file: { fileHash: r.fileHash, path: r.path, runId: run } })),
      );
    });
    for (const r of items) {
      knownPaths.set(r.path, r.fileHash);
      retry.delete(r.fileHash);
    }
    return rows;
  };
  const stored = (items: readonly ReadFile[], rows: Record<string, number>) => {
    for (const [table, n] of Object.entries(rows)) summary.rowsStored[table] = (summary.rowsStored[table] ?? 0) + n;
    for (const r of items) {
      summary.filesNew++;
      summary.declarationIds.push(declarationIdFor(r.fileHash));
    }
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    try {
      stored(items, await storeBatch(items));
      return;
    } catch (error) {
      if (isStorageError(error)) throw storageFailure(error, items);
      if (items.length === 1) {
        await reject(items[0]!, `could not be stored: ${firstLine(error)}`);
        return;
      }
    }
    // One bad declaration must not sink the batch: retry file by file and reject only the ones that still fail.
    for (const r of items) {
      try {
        stored([r], await storeBatch([r]));
      } catch (error) {
        if (isStorageError(error)) throw storageFailure(error, items.slice(items.indexOf(r)));
        await reject(r, `could not be stored: ${firstLine(error)}`);
      }
    }
  };
  let done = 0;
  await readInPool(files, {
    asOf,
    concurrency: options.concurrency,
    knownHashes: known,
    crashOn: options.crashOn,
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
        const sameAs = firstPath.get(r.fileHash!);
        if (!reason && sameAs !== undefined && sameAs !== r.path && knownPaths.get(r.path) !== r.fileHash)
          summary.filesCopied.push({ path: r.path, sameAs });
        await notePath(r as FileResult & { fileHash: string });
        return;
      }
      if (r.status === "rejected") {
        await reject(r as FileResult & { fileHash: string }, r.reason);
        return;
      }
      known.add(r.fileHash);
      if (!firstPath.has(r.fileHash)) firstPath.set(r.fileHash, r.path);
      batch.push(r);
      if (batch.length >= BATCH) await flush();
    },
  });
  await flush();
  // Idempotent, so also run when nothing is new: a run stopped (killed, disk full) after storing still gets it done.
  await refreshCurrent(db);
  if (summary.declarationIds.length > 0) await options.afterStore?.(db, summary.declarationIds);
  if (runId !== null) {
    await db.run(
      "UPDATE ingest_runs SET finished_at = current_timestamp, files_seen = ?, files_new = ?, files_rejected = ? WHERE run_id = ?",
      [summary.filesSeen, summary.filesNew, summary.filesRejected.length, runId],
    );
  }
  return summary;
}

/** "3 unchanged", or "3 unchanged (1 under a new path: a copy or move of a file already read)", for summaries. */
export function unchangedText(s: Pick<IngestSummary, "filesUnchanged" | "filesCopied">): string {
  const copies = s.filesCopied.length;
  return `${s.filesUnchanged} unchanged${copies ? ` (${copies} under a new path: ${copies === 1 ? "a copy or move" : "copies or moves"} of a file already read)` : ""}`;
}
