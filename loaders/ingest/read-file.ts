import { createHash } from "node:crypto";
import { basename } from "node:path";
import type { Declaration } from "../../src/rmi/declaration.ts";
import { readTemplate } from "../template/read-template.ts";
import { UnreadableWorkbook } from "../xlsx/unreadable-workbook.ts";
import { FileTooLarge, NotRegularFile, readRegularFile } from "../sources/read-regular-file.ts";

export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type FileResult =
  | { path: string; status: "unchanged"; fileHash: string; size: number }
  | { path: string; status: "read"; fileHash: string; size: number; declaration: Declaration }
  | { path: string; status: "rejected"; fileHash: string | null; size: number; reason: string };

/** Reads, hashes and parses one file; never throws: every problem becomes a one-line rejection reason. */
export async function readInputFile(path: string, asOf: string, knownHashes: ReadonlySet<string>): Promise<FileResult> {
  let size = 0;
  try {
    const read = await readRegularFile(path, MAX_FILE_BYTES);
    const bytes = read.bytes;
    size = read.size;
    const fileHash = createHash("sha256").update(bytes).digest("hex");
    if (knownHashes.has(fileHash)) return { path, status: "unchanged", fileHash, size };
    if (basename(path).startsWith("~$"))
      return { path, status: "rejected", fileHash, size, reason: "Excel lock file (~$…), not a workbook" };
    try {
      return { path, status: "read", fileHash, size, declaration: readTemplate(bytes, { file: path, asOf }) };
    } catch (error) {
      const reason =
        error instanceof UnreadableWorkbook
          ? error.reason
          : `unexpected error while reading: ${(error as Error).message}`;
      return { path, status: "rejected", fileHash, size, reason };
    }
  } catch (error) {
    if (error instanceof FileTooLarge)
      return {
        path,
        status: "rejected",
        fileHash: null,
        size: error.size,
        reason: `file is ${error.size} bytes (limit ${MAX_FILE_BYTES})`,
      };
    if (error instanceof NotRegularFile)
      return {
        path,
        status: "rejected",
        fileHash: null,
        size,
        reason: `not a regular file: ${error.kind} (not opened)`,
      };
    return { path, status: "rejected", fileHash: null, size, reason: `cannot read file: ${(error as Error).message}` };
  }
}
