/**
 * Writes a Compound File Binary (MS-CFB) for tests, from the specification (independent of the reader): streams keyed
 * by path ("a/b/c" makes storages a and a/b), small streams in the mini stream, each storage's children a sorted chain.
 */

const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;

export interface CfbOptions {
  /** 3 (512-byte sectors, the default) or 4 (4096-byte sectors). */
  version?: 3 | 4;
}

function compareNames(a: string, b: string): number {
  return a.length !== b.length
    ? a.length - b.length
    : a.toUpperCase() < b.toUpperCase()
      ? -1
      : a.toUpperCase() > b.toUpperCase()
        ? 1
        : 0;
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
  // Directory: root, then every storage and stream; ids in depth-first order.
  interface Node {
    name: string;
    path: string | null;
    children: Map<string, Node>;
  }
  const root: Node = { name: "Root Entry", path: null, children: new Map() };
  for (const n of names) {
    let at = root;
    const parts = n.split("/");
    parts.forEach((part, i) => {
      if (!at.children.has(part))
        at.children.set(part, { name: part, path: i === parts.length - 1 ? n : null, children: new Map() });
      at = at.children.get(part)!;
    });
  }
  const order: Node[] = [];
  const parents = new Map<Node, Node>();
  const findParent = (n: Node) => parents.get(n)!;
  const ids = new Map<Node, number>();
  const visit = (node: Node) => {
    ids.set(node, order.length);
    order.push(node);
    for (const c of [...node.children.values()].sort((a, b) => compareNames(a.name, b.name))) {
      parents.set(c, node);
      visit(c);
    }
  };
  visit(root);
  const dirEntries = order.length;
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
  for (const node of order) {
    const kids = [...node.children.values()].sort((a, b) => compareNames(a.name, b.name));
    const child = kids.length ? ids.get(kids[0]!)! : FREESECT;
    const siblings =
      node === root ? [root] : [...findParent(node).children.values()].sort((a, b) => compareNames(a.name, b.name));
    const next = siblings[siblings.indexOf(node) + 1];
    const right = next ? ids.get(next)! : FREESECT;
    if (node === root)
      entry(0, node.name, 5, child, FREESECT, miniStreamBytes ? miniStreamStart : ENDOFCHAIN, miniStreamBytes);
    else if (node.path === null || node.children.size > 0) entry(ids.get(node)!, node.name, 1, child, right, 0, 0);
    else {
      const size = streams[node.path]!.length;
      const start = size === 0 ? ENDOFCHAIN : size < 4096 ? miniStart.get(node.path)! : largeStart.get(node.path)!;
      entry(ids.get(node)!, node.name, 2, FREESECT, right, start, size);
    }
  }
  for (let i = dirEntries; i < dirSectors * (sector / 128); i++) {
    const o = at(dirStart) + i * 128;
    v.setUint32(o + 68, FREESECT, true);
    v.setUint32(o + 72, FREESECT, true);
    v.setUint32(o + 76, FREESECT, true);
  }
  return out;
}
