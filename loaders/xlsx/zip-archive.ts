import { inflateRawSync } from "node:zlib";
import { UnreadableWorkbook } from "./unreadable-workbook.ts";

/** Caps that keep a hostile archive (zip bomb, millions of entries) from exhausting memory. */
export interface ZipLimits {
  maxEntries: number;
  /** Largest uncompressed entry we inflate. */
  maxEntryBytes: number;
  /** Sum of uncompressed bytes inflated from one archive. */
  maxTotalBytes: number;
}

// RMI's own templates: largest entry about 6 MB (the Smelter Look-up sheet), 11 MB in all, compressed about 13:1. A
// supplier file with a full 20,000-row smelter list stays far below these caps; a crafted file cannot make one reader
// hold hundreds of megabytes (memory peaks at a few times the largest entry read).
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5_000,
  maxEntryBytes: 48 * 1024 * 1024,
  maxTotalBytes: 96 * 1024 * 1024,
};

/** Large entries that compress better than this are deflate bombs, not spreadsheets (real sheet XML: about 5–20:1). */
const MAX_RATIO = 200;
const RATIO_CHECKED_FROM = 8 * 1024 * 1024;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === EOCD) return i;
  }
  return -1;
}

/**
 * A zip archive read from its central directory. Entries are inflated on demand, one at a time,
 * and inflation stops as soon as an entry outgrows its declared size or the caps.
 */
export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = bytes.length >= 22 ? findEndOfCentralDirectory(bytes, view) : -1;
    if (eocd < 0) throw new UnreadableWorkbook("truncated or damaged zip archive (no central directory)");
    const count = view.getUint16(eocd + 10, true);
    const cdSize = view.getUint32(eocd + 12, true);
    const cdOffset = view.getUint32(eocd + 16, true);
    if (count > limits.maxEntries) {
      throw new UnreadableWorkbook(`zip archive has ${count} entries (limit ${limits.maxEntries})`);
    }
    if (cdOffset + cdSize > eocd)
      throw new UnreadableWorkbook("truncated or damaged zip archive (central directory out of range)");
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) {
        throw new UnreadableWorkbook("truncated or damaged zip archive (bad central directory entry)");
      }
      const flags = view.getUint16(p + 8, true);
      const nameLength = view.getUint16(p + 28, true);
      const extraLength = view.getUint16(p + 30, true);
      const commentLength = view.getUint16(p + 32, true);
      const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
      if (flags & 1) throw new UnreadableWorkbook("zip entries are encrypted (password-protected archive)");
      this.entries.set(name.replace(/^\/+/, ""), {
        name,
        method: view.getUint16(p + 10, true),
        compressedSize: view.getUint32(p + 20, true),
        size: view.getUint32(p + 24, true),
        localOffset: view.getUint32(p + 42, true),
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Inflates one entry, or returns null when absent. Throws UnreadableWorkbook past the caps. */
  read(name: string): Uint8Array | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    if (entry.size > this.limits.maxEntryBytes) {
      throw new UnreadableWorkbook(
        `zip entry ${name} declares ${entry.size} bytes uncompressed (limit ${this.limits.maxEntryBytes})`,
      );
    }
    if (this.inflated + entry.size > this.limits.maxTotalBytes) {
      throw new UnreadableWorkbook(`zip archive expands beyond ${this.limits.maxTotalBytes} bytes`);
    }
    if (entry.size >= RATIO_CHECKED_FROM && entry.size > entry.compressedSize * MAX_RATIO) {
      throw new UnreadableWorkbook(
        `zip entry ${name} expands ${Math.round(entry.size / Math.max(1, entry.compressedSize))}:1 (limit ${MAX_RATIO}:1 for entries over ${RATIO_CHECKED_FROM} bytes); possible zip bomb`,
      );
    }
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const lo = entry.localOffset;
    if (lo + 30 > this.bytes.length || view.getUint32(lo, true) !== LOCAL) {
      throw new UnreadableWorkbook(`truncated or damaged zip archive (entry ${name} missing)`);
    }
    const start = lo + 30 + view.getUint16(lo + 26, true) + view.getUint16(lo + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw new UnreadableWorkbook(`truncated zip archive (entry ${name} is cut off)`);
    const data = this.bytes.subarray(start, end);
    if (entry.method === 0) {
      this.inflated += data.length;
      return data;
    }
    if (entry.method !== 8)
      throw new UnreadableWorkbook(`zip entry ${name} uses unsupported compression method ${entry.method}`);
    const out = this.inflate(name, data, entry.size);
    this.inflated += out.length;
    return out;
  }

  private inflate(name: string, data: Uint8Array, declared: number): Uint8Array {
    // Native inflate with a hard output cap: a lying entry stops at its declared size instead of filling memory.
    let out: Uint8Array;
    try {
      const cap = Math.max(1, Math.min(declared, this.limits.maxEntryBytes));
      out = inflateRawSync(data, {
        maxOutputLength: cap,
        chunkSize: Math.max(64 * 1024, Math.min(cap, 16 * 1024 * 1024)),
      });
    } catch (error) {
      if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
        throw new UnreadableWorkbook(
          `zip entry ${name} expands beyond its declared size (${declared} bytes); possible zip bomb`,
        );
      }
      throw new UnreadableWorkbook(`damaged zip entry ${name}: ${(error as Error).message}`);
    }
    if (out.length !== declared)
      throw new UnreadableWorkbook(`damaged zip entry ${name}: ${out.length} of ${declared} bytes`);
    return out;
  }

  text(name: string, encoding: "utf8" | "latin1" = "utf8"): string | null {
    const data = this.read(name);
    return data ? Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString(encoding) : null;
  }
}
