import { constants, type Stats } from "node:fs";
import { open } from "node:fs/promises";

/** A path that names something other than a regular file: a FIFO, socket, device or folder. Opening it could block. */
export class NotRegularFile extends Error {
  readonly kind: string;
  constructor(path: string, kind: string) {
    super(`${path}: not a regular file (${kind})`);
    this.name = "NotRegularFile";
    this.kind = kind;
  }
}

/** A file larger than the limit: not read at all. */
export class FileTooLarge extends Error {
  readonly size: number;
  constructor(path: string, size: number, limit: number) {
    super(`${path}: file is ${size} bytes (limit ${limit})`);
    this.name = "FileTooLarge";
    this.size = size;
  }
}

/** What kind of non-regular entry `info` describes, for rejection reasons ("FIFO", "socket", …); null for a regular file. */
export function entryKind(
  info: Pick<
    Stats,
    "isFile" | "isDirectory" | "isFIFO" | "isSocket" | "isCharacterDevice" | "isBlockDevice" | "isSymbolicLink"
  >,
): string | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return "a folder";
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isSymbolicLink()) return "a symbolic link";
  return "not a file";
}

/**
 * Reads a whole regular file. The file is opened non-blocking and checked through its descriptor, so a FIFO or device
 * swapped in after the folder walk is refused instead of hanging the read; the size is checked before reading.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<{ bytes: Buffer; size: number }> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    const kind = entryKind(info);
    if (kind !== null) throw new NotRegularFile(path, kind);
    if (info.size > maxBytes) throw new FileTooLarge(path, info.size, maxBytes);
    const bytes = await handle.readFile();
    if (bytes.length > maxBytes) throw new FileTooLarge(path, bytes.length, maxBytes);
    return { bytes, size: bytes.length };
  } finally {
    await handle.close();
  }
}
