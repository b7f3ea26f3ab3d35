import { UnreadableWorkbook } from "./unreadable-workbook.ts";

/**
 * Compound File Binary (OLE2, MS-CFB) reader: the container of legacy .xls workbooks and of encrypted .xlsx
 * packages. Every sector number, chain and size is checked against the file, so a malformed or hostile file is
 * rejected with a reason instead of looping or allocating without bound.
 */

export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const MAXREGSECT = 0xfffffffa;
const NOSTREAM = 0xffffffff;

export interface CompoundFileLimits {
  /** Directory entries read before the file is called hostile. */
  maxEntries: number;
  /** Largest stream returned. */
  maxStreamBytes: number;
}

export const DEFAULT_COMPOUND_FILE_LIMITS: CompoundFileLimits = {
  maxEntries: 10_000,
  maxStreamBytes: 128 * 1024 * 1024,
};

export interface CompoundEntry {
  /** Path from the root, parts joined by "/" (e.g. "Workbook", "\u0006DataSpaces/Version"). */
  path: string;
  kind: "storage" | "stream";
  size: number;
}

interface RawEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

const damaged = (what: string) => new UnreadableWorkbook(`damaged OLE compound file (${what})`);

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && CFB_SIGNATURE.every((b, i) => bytes[i] === b);
}

export class CompoundFile {
  private readonly view: DataView;
  private readonly sectorSize: number;
  private readonly miniSectorSize: number;
  private readonly miniCutoff: number;
  private readonly sectorCount: number;
  private readonly fat: Uint32Array;
  private readonly miniFat: Uint32Array;
  private readonly raw: RawEntry[];
  private readonly byPath = new Map<string, RawEntry>();
  private miniStream: Uint8Array | undefined;
  readonly entries: readonly CompoundEntry[];

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: CompoundFileLimits = DEFAULT_COMPOUND_FILE_LIMITS,
  ) {
    if (!isCompoundFile(bytes)) throw new UnreadableWorkbook("not an OLE compound file");
    if (bytes.length < 512) throw damaged("shorter than its header");
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const v = this.view;
    const major = v.getUint16(26, true);
    const sectorShift = v.getUint16(30, true);
    const miniShift = v.getUint16(32, true);
    if (v.getUint16(28, true) !== 0xfffe) throw damaged("bad byte-order mark");
    if (!((major === 3 && sectorShift === 9) || (major === 4 && sectorShift === 12))) {
      throw damaged(`unsupported version ${major} with sector shift ${sectorShift}`);
    }
    if (miniShift !== 6) throw damaged(`unsupported mini sector shift ${miniShift}`);
    this.sectorSize = 1 << sectorShift;
    this.miniSectorSize = 1 << miniShift;
    this.miniCutoff = v.getUint32(56, true);
    if (this.miniCutoff !== 4096) throw damaged(`unexpected mini stream cutoff ${this.miniCutoff}`);
    this.sectorCount = Math.ceil((bytes.length - this.sectorSize) / this.sectorSize);
    if (this.sectorCount <= 0) throw damaged("no sectors after the header");

    this.fat = this.readFat(v.getUint32(44, true), v.getUint32(68, true), v.getUint32(72, true));
    const dirStart = v.getUint32(48, true);
    const dir = this.chain(this.fat, dirStart, "directory");
    const dirBytes = this.gather(
      dir,
      this.sectorSize,
      (s) => this.sectorOffset(s),
      this.bytes,
      dir.length * this.sectorSize,
    );
    this.raw = this.readDirectory(dirBytes);
    const root = this.raw[0];
    if (root?.type !== 5) throw damaged("first directory entry is not the root");
    const miniFatStart = v.getUint32(60, true);
    const miniFatChain =
      miniFatStart === ENDOFCHAIN || miniFatStart === FREESECT ? [] : this.chain(this.fat, miniFatStart, "mini FAT");
    const miniFatBytes = this.gather(
      miniFatChain,
      this.sectorSize,
      (s) => this.sectorOffset(s),
      this.bytes,
      miniFatChain.length * this.sectorSize,
    );
    this.miniFat = new Uint32Array(miniFatBytes.length / 4);
    const mv = new DataView(miniFatBytes.buffer, miniFatBytes.byteOffset, miniFatBytes.byteLength);
    for (let i = 0; i < this.miniFat.length; i++) this.miniFat[i] = mv.getUint32(i * 4, true);

    const list: CompoundEntry[] = [];
    this.walk(root.child, "", list, new Set([0]));
    this.entries = list;
  }

  private sectorOffset(sector: number): number {
    return (sector + 1) * this.sectorSize;
  }

  /** The FAT, from the header's 109 DIFAT slots and the DIFAT sector chain. */
  private readFat(fatSectors: number, difatStart: number, difatSectors: number): Uint32Array {
    if (fatSectors === 0 || fatSectors > this.sectorCount) throw damaged(`header names ${fatSectors} FAT sectors`);
    if (difatSectors > this.sectorCount) throw damaged(`header names ${difatSectors} DIFAT sectors`);
    const v = this.view;
    const fatList: number[] = [];
    for (let i = 0; i < 109 && fatList.length < fatSectors; i++) fatList.push(v.getUint32(76 + i * 4, true));
    const perDifat = this.sectorSize / 4 - 1;
    let next = difatStart;
    const seen = new Set<number>();
    while (fatList.length < fatSectors) {
      if (next > MAXREGSECT || next >= this.sectorCount || seen.has(next))
        throw damaged("DIFAT chain out of range or looping");
      seen.add(next);
      const at = this.sectorOffset(next);
      for (let i = 0; i < perDifat && fatList.length < fatSectors; i++) fatList.push(this.u32(at + i * 4));
      next = this.u32(at + perDifat * 4);
    }
    const perSector = this.sectorSize / 4;
    const fat = new Uint32Array(fatList.length * perSector);
    fatList.forEach((s, k) => {
      if (s > MAXREGSECT || s >= this.sectorCount) throw damaged(`FAT sector ${s} out of range`);
      const at = this.sectorOffset(s);
      for (let i = 0; i < perSector; i++) fat[k * perSector + i] = this.u32(at + i * 4);
    });
    return fat;
  }

  /** A word of the file; bytes past the end (a truncated last sector) read as zero. */
  private u32(at: number): number {
    return at + 4 <= this.bytes.length ? this.view.getUint32(at, true) : 0;
  }

  /**
   * Sector numbers of a chain, stopping once `want` sectors are collected (a stream needs no more than its size);
   * rejects chains that leave the table, and chains of unknown length that loop.
   */
  private chain(table: Uint32Array, start: number, what: string, want?: number): number[] {
    const out: number[] = [];
    let s = start;
    while (s !== ENDOFCHAIN && out.length !== want) {
      if (s > MAXREGSECT || s >= table.length) throw damaged(`${what} chain points outside the allocation table`);
      if (out.length >= table.length) throw damaged(`${what} chain loops`);
      out.push(s);
      s = table[s]!;
    }
    return out;
  }

  private gather(
    chain: number[],
    unit: number,
    offset: (s: number) => number,
    source: Uint8Array,
    size: number,
  ): Uint8Array {
    const out = new Uint8Array(size);
    for (let i = 0; i < chain.length && i * unit < size; i++) {
      const from = offset(chain[i]!);
      if (from >= source.length) throw damaged("sector beyond the end of the file");
      const n = Math.min(unit, size - i * unit, source.length - from);
      out.set(source.subarray(from, from + n), i * unit);
    }
    return out;
  }

  private readDirectory(dir: Uint8Array): RawEntry[] {
    const dv = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
    const count = Math.floor(dir.length / 128);
    if (count > this.limits.maxEntries)
      throw new UnreadableWorkbook(
        `OLE compound file has ${count} directory entries (limit ${this.limits.maxEntries})`,
      );
    const out: RawEntry[] = [];
    for (let i = 0; i < count; i++) {
      const at = i * 128;
      const nameLength = Math.min(dv.getUint16(at + 64, true), 64);
      const name = Buffer.from(dir.subarray(at, at + Math.max(0, nameLength - 2))).toString("utf16le");
      const high = dv.getUint32(at + 124, true);
      const low = dv.getUint32(at + 120, true);
      out.push({
        name,
        type: dir[at + 66]!,
        left: dv.getUint32(at + 68, true),
        right: dv.getUint32(at + 72, true),
        child: dv.getUint32(at + 76, true),
        start: dv.getUint32(at + 116, true),
        // Version 3 files may leave garbage in the high word; sizes above 4 GiB are impossible here anyway.
        size: this.sectorSize === 512 ? low : high * 2 ** 32 + low,
      });
    }
    return out;
  }

  /** Walks a storage's red-black tree of children (iteratively, each entry once). */
  private walk(first: number, prefix: string, list: CompoundEntry[], seen: Set<number>): void {
    const stack = [first];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === NOSTREAM) continue;
      const e = this.raw[id];
      if (!e || seen.has(id)) throw damaged("directory tree points outside itself or loops");
      seen.add(id);
      stack.push(e.right, e.left);
      if (e.type !== 1 && e.type !== 2) continue;
      const path = prefix + e.name;
      this.byPath.set(path.toLowerCase(), e);
      list.push({ path, kind: e.type === 1 ? "storage" : "stream", size: e.type === 2 ? e.size : 0 });
      if (e.type === 1) this.walk(e.child, `${path}/`, list, seen);
    }
  }

  has(path: string): boolean {
    return this.byPath.get(path.toLowerCase())?.type === 2;
  }

  /** A stream's bytes by path (case-insensitive), or null when there is no such stream. */
  stream(path: string): Uint8Array | null {
    const e = this.byPath.get(path.toLowerCase());
    if (e?.type !== 2) return null;
    if (e.size > this.limits.maxStreamBytes)
      throw new UnreadableWorkbook(`stream '${path}' is ${e.size} bytes (limit ${this.limits.maxStreamBytes})`);
    if (e.size === 0) return new Uint8Array(0);
    if (e.size < this.miniCutoff) {
      const mini = this.mini();
      const need = Math.ceil(e.size / this.miniSectorSize);
      const chain = this.chain(this.miniFat, e.start, `stream '${path}'`, need);
      if (chain.length < need) throw damaged(`stream '${path}' is shorter than its size`);
      return this.gather(chain, this.miniSectorSize, (s) => s * this.miniSectorSize, mini, e.size);
    }
    const need = Math.ceil(e.size / this.sectorSize);
    const chain = this.chain(this.fat, e.start, `stream '${path}'`, need);
    if (chain.length < need) throw damaged(`stream '${path}' is shorter than its size`);
    return this.gather(chain, this.sectorSize, (s) => this.sectorOffset(s), this.bytes, e.size);
  }

  /** The root entry's stream, which holds every stream smaller than the cutoff. */
  private mini(): Uint8Array {
    if (this.miniStream) return this.miniStream;
    const root = this.raw[0]!;
    const size = Math.min(root.size, this.sectorCount * this.sectorSize);
    const need = Math.ceil(size / this.sectorSize);
    const chain = root.start === ENDOFCHAIN ? [] : this.chain(this.fat, root.start, "mini stream", need);
    this.miniStream = this.gather(
      chain,
      this.sectorSize,
      (s) => this.sectorOffset(s),
      this.bytes,
      Math.min(size, chain.length * this.sectorSize),
    );
    return this.miniStream;
  }
}
