import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CompoundFile } from "../../loaders/xlsx/compound-file.ts";
import { UnreadableWorkbook } from "../../loaders/xlsx/unreadable-workbook.ts";
import { writeCompoundFile } from "../helpers/compound-file-writer.ts";
import { sharedDir } from "../helpers/paths.ts";

const pattern = (n: number, seed: number) =>
  Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed * 7 + (i >> 8)) & 0xff);

const rejection = (bytes: Uint8Array): string => {
  try {
    const cf = new CompoundFile(bytes);
    for (const e of cf.entries) if (e.kind === "stream") cf.stream(e.path);
    return "read";
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableWorkbook);
    return (error as UnreadableWorkbook).reason;
  }
};

describe("compound file reader", () => {
  const streams = {
    Workbook: pattern(70_000, 1),
    EncryptionInfo: pattern(1_000, 2),
    Tiny: pattern(3, 3),
    Cutoff: pattern(4_096, 4),
    JustBelow: pattern(4_095, 5),
    Empty: new Uint8Array(0),
  };

  it.each([3, 4] as const)("returns every stream byte for byte (version %i: FAT and mini FAT streams)", (version) => {
    const cf = new CompoundFile(writeCompoundFile(streams, { version }));
    expect(cf.entries.map((e) => e.path).sort()).toEqual(Object.keys(streams).sort());
    for (const [name, data] of Object.entries(streams)) expect(cf.stream(name)).toEqual(data);
    expect(cf.has("workbook")).toBe(true);
    expect(cf.stream("Missing")).toBeNull();
  });

  it("walks nested storages (an encrypted package's \u0006DataSpaces tree) and lists them with their streams", () => {
    const nested = {
      EncryptedPackage: pattern(9_000, 6),
      "\u0006DataSpaces/Version": pattern(76, 7),
      "\u0006DataSpaces/DataSpaceInfo/StrongEncryptionDataSpace": pattern(64, 8),
      "\u0006DataSpaces/TransformInfo/StrongEncryptionTransform/\u0006Primary": pattern(200, 9),
    };
    const cf = new CompoundFile(writeCompoundFile(nested));
    expect(
      cf.entries
        .filter((e) => e.kind === "storage")
        .map((e) => e.path)
        .sort(),
    ).toEqual([
      "\u0006DataSpaces",
      "\u0006DataSpaces/DataSpaceInfo",
      "\u0006DataSpaces/TransformInfo",
      "\u0006DataSpaces/TransformInfo/StrongEncryptionTransform",
    ]);
    for (const [name, data] of Object.entries(nested)) expect(cf.stream(name)).toEqual(data);
    expect(cf.stream("\u0006DataSpaces")).toBeNull(); // a storage is not a stream
    expect(cf.has("Version")).toBe(false); // paths are full paths
  });

  it("rejects a file cut short, with a reason", () => {
    const whole = writeCompoundFile(streams);
    expect(rejection(whole.subarray(0, 300))).toMatch(/shorter than its header/);
    expect(rejection(whole.subarray(0, 40_000))).toMatch(/damaged OLE compound file/);
  });

  it("rejects a FAT that loops, a sector number past the end, and a directory tree that loops", () => {
    const base = writeCompoundFile({ Workbook: pattern(20_000, 9) });
    const v = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
    // The stream's chain starts right after the FAT and directory; point its second sector back at the first.
    const looping = base.slice();
    const dir = v(looping).getUint32(48, true);
    const start = v(looping).getUint32(512 * (dir + 1) + 128 + 116, true);
    v(looping).setUint32(512 + 4 * (start + 1), start, true);
    expect(rejection(looping)).toBe("read"); // a loop inside the needed length still stops at the stream's size…
    v(looping).setUint32(512 * (dir + 1) + 128 + 120, 10_000_000, true); // …and a size larger than the file cannot be met
    expect(rejection(looping)).toMatch(/shorter than its size|chain/);

    const outside = base.slice();
    v(outside).setUint32(512 * (dir + 1) + 128 + 116, 0x00ffffff, true);
    expect(rejection(outside)).toMatch(/outside the allocation table/);

    const tree = base.slice();
    v(tree).setUint32(512 * (dir + 1) + 128 + 72, 1, true); // entry 1's right sibling is itself
    expect(rejection(tree)).toMatch(/loops/);

    const fatCount = base.slice();
    v(fatCount).setUint32(44, 0x7fffffff, true);
    expect(rejection(fatCount)).toMatch(/FAT sectors/);

    const version = base.slice();
    v(version).setUint16(26, 5, true);
    expect(rejection(version)).toMatch(/unsupported version/);
  });

  it("stays bounded on random damage (every outcome is a read or a reasoned rejection)", () => {
    const base = writeCompoundFile(streams);
    let seed = 7;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff;
    for (let k = 0; k < 300; k++) {
      const b = base.slice();
      for (let j = 0; j < 8; j++) b[512 + Math.floor(rand() * (b.length - 512))] = Math.floor(rand() * 256);
      for (let j = 0; j < 2; j++) b[24 + Math.floor(rand() * 488)] = Math.floor(rand() * 256);
      expect(typeof rejection(b)).toBe("string");
    }
  });

  const real = join(sharedDir, "templates/legacy/cmrt3.01_filled_encrypted.xls");
  it.skipIf(!existsSync(real))("reads the Workbook stream of a real legacy .xls", () => {
    const cf = new CompoundFile(readFileSync(real));
    const wb = cf.stream("Workbook")!;
    expect(wb.length).toBe(2_381_319);
    expect([wb[0], wb[1]]).toEqual([0x09, 0x08]); // BIFF8 BOF
    expect(cf.has("\u0005SummaryInformation")).toBe(true);
  });
});
