/**
 * Writes a Compound File Binary (MS-CFB) with streams at the root, written from the specification for tests
 * (independent of the reader): small streams go to the mini stream, directory siblings form a sorted chain.
 */

const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;

export interface CfbOptions {
  /** 3 (512-byte sectors, the default) or 4 (4096-byte sectors). */
  version?: 3 | 4;
}

function compareNames(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a.toUpperCase() < b.toUpperCase() ? -1 : a.toUpperCase() > b.toUpperCase() ? 1 : 0;
}

export function writeCompoundFile(streams: Record<string, Uint8Array>, options: CfbOptions = {}): Uint8Array {
  const version = options.version ?? 3;
  const sector = version === 3 ? 512 : 4096;
  const names = Object.keys(streams).sort(compareNames);
  const small = names.filter((n) => streams[n]!.length < 4096);
  const large = names.filter((n) => streams[n]!.length >= 4096);

  // Mini stream: 64-byte mini sectors, one chain per small stream.
  const miniFat: number[] = [];
  const miniStart = new Map<string, number>();
  for (const n of small) {
    const count = Math.ceil(streams[n]!.length / 64);
    if (count === 0) continue;
    miniStart.set(n, miniFat.length);
    for (let i = 0; i < count; i++) miniFat.push(i === count - 1 ? ENDOFCHAIN : miniFat.length + 1);
  }
  const miniStreamBytes = miniFat.length * 64;
  const miniStream = new Uint8Array(miniStreamBytes);
  for (const n of small) if (miniStart.has(n)) miniStream.set(streams[n]!, miniStart.get(n)! * 64);

  const sectorsFor = (bytes: number) => Math.ceil(bytes / sector);
  const dirEntries = 1 + names.length;
  const dirSectors = sectorsFor(dirEntries * 128);
  const miniFatSectors = sectorsFor(miniFat.length * 4);
  const miniStreamSectors = sectorsFor(miniStreamBytes);
  const largeSectors = large.map((n) => sectorsFor(streams[n]!.length));
  const payload = dirSectors + miniFatSectors + miniStreamSectors + largeSectors.reduce((a, b) => a + b, 0);
  let fatSectors = 1;
  while (fatSectors * (sector / 4) < fatSectors + payload) fatSectors++;
  if (fatSectors > 109) throw new Error("test compound file too large for a header-only DIFAT");

  const fat: number[] = [];
  const run = (count: number): number => {
    if (count === 0) return ENDOFCHAIN;
    const start = fat.length;
    for (let i = 0; i < count; i++) fat.push(i === count - 1 ? ENDOFCHAIN : fat.length + 1);
    return start;
  };
  for (let i = 0; i < fatSectors; i++) fat.push(FATSECT);
  const dirStart = run(dirSectors);
  const miniFatStart = run(miniFatSectors);
  const miniStreamStart = run(miniStreamSectors);
  const largeStart = new Map(large.map((n, i) => [n, run(largeSectors[i]!)]));
  const total = fat.length;
  while (fat.length < fatSectors * (sector / 4)) fat.push(FREESECT);

  const out = new Uint8Array(sector * (1 + total));
  const v = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  v.setUint16(24, 0x3e, true);
  v.setUint16(26, version, true);
  v.setUint16(28, 0xfffe, true);
  v.setUint16(30, version === 3 ? 9 : 12, true);
  v.setUint16(32, 6, true);
  v.setUint32(40, version === 3 ? 0 : dirSectors, true);
  v.setUint32(44, fatSectors, true);
  v.setUint32(48, dirStart, true);
  v.setUint32(56, 4096, true);
  v.setUint32(60, miniFat.length ? miniFatStart : ENDOFCHAIN, true);
  v.setUint32(64, miniFatSectors, true);
  v.setUint32(68, ENDOFCHAIN, true);
  v.setUint32(72, 0, true);
  for (let i = 0; i < 109; i++) v.setUint32(76 + i * 4, i < fatSectors ? i : FREESECT, true);

  const at = (s: number) => (s + 1) * sector;
  fat.forEach((x, i) => v.setUint32(at(0) + i * 4, x, true));
  miniFat.forEach((x, i) => v.setUint32(at(miniFatStart) + i * 4, x, true));
  if (miniStreamBytes) out.set(miniStream, at(miniStreamStart));
  for (const n of large) out.set(streams[n]!, at(largeStart.get(n)!));

  const entry = (i: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const o = at(dirStart) + i * 128;
    const encoded = Buffer.from(name, "utf16le");
    out.set(encoded, o);
    v.setUint16(o + 64, encoded.length + 2, true);
    out[o + 66] = type;
    out[o + 67] = 1;
    v.setUint32(o + 68, FREESECT, true);
    v.setUint32(o + 72, right, true);
    v.setUint32(o + 76, child, true);
    v.setUint32(o + 116, start, true);
    v.setUint32(o + 120, size, true);
  };
  entry(0, "Root Entry", 5, names.length ? 1 : FREESECT, FREESECT, miniStreamBytes ? miniStreamStart : ENDOFCHAIN, miniStreamBytes);
  names.forEach((n, i) => {
    const size = streams[n]!.length;
    const start = size === 0 ? ENDOFCHAIN : size < 4096 ? miniStart.get(n)! : largeStart.get(n)!;
    entry(i + 1, n, 2, FREESECT, i + 1 < names.length ? i + 2 : FREESECT, start, size);
  });
  for (let i = dirEntries; i < dirSectors * (sector / 128); i++) {
    const o = at(dirStart) + i * 128;
    v.setUint32(o + 68, FREESECT, true);
    v.setUint32(o + 72, FREESECT, true);
    v.setUint32(o + 76, FREESECT, true);
  }
  return out;
}
