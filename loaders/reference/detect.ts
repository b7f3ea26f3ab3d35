import { openSync, readSync, closeSync } from "node:fs";
import type { Database } from "../../src/db/database.ts";

/** What a loader reports after adding one reference file. */
export interface ReferenceLoadResult {
  kind: string;
  /** The new load id, or null when the same bytes were already loaded (no new load). */
  loadId: number | null;
  rows: number;
  /** Human-readable detail, e.g. "CMRT 6.5 look-up, 349 CIDs". */
  detail?: string;
  /** Rows skipped or questionable, each naming file and line/cell. */
  issues?: string[];
}

/**
 * A kind of reference file `assay reference add` understands. `detect` sees the file name and the
 * first bytes (up to 64 KiB) and must be cheap and side-effect free; `load` stores it.
 */
export interface ReferenceKind {
  kind: string;
  /** One line for `assay reference kinds` / error messages. */
  description?: string;
  detect(fileName: string, headBytes: Uint8Array): boolean;
  load(db: Database, path: string): Promise<ReferenceLoadResult>;
}

export const HEAD_BYTES = 64 * 1024;

export function readHead(path: string, size = HEAD_BYTES): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const buffer = new Uint8Array(size);
    const n = readSync(fd, buffer, 0, size, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Decodes the head as text (UTF-8, BOM stripped) for header sniffing. */
export function headText(head: Uint8Array): string {
  return new TextDecoder("utf-8", { fatal: false }).decode(head).replace(/^\ufeff/, "");
}
