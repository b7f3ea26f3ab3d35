import { BiffCursor } from "./biff-strings.ts";

/** BIFF8 record types read by the .xls reader (MS-XLS 2.3). */
export const BOF = 0x0809;
export const EOF = 0x000a;
export const FILEPASS = 0x002f;
export const DATEMODE = 0x0022;
export const BOUNDSHEET = 0x0085;
export const SST = 0x00fc;
export const CONTINUE = 0x003c;
export const LABELSST = 0x00fd;
export const LABEL = 0x0204;
export const NUMBER = 0x0203;
export const RK = 0x027e;
export const MULRK = 0x00bd;
export const FORMULA = 0x0006;
export const STRING = 0x0207;
export const BOOLERR = 0x0205;
export const SHRFMLA = 0x04bc;
export const ARRAY = 0x0221;
export const TABLE = 0x0236;

const rkScratch = new DataView(new ArrayBuffer(8));
/** An RK number: a 30-bit integer or the top 30 bits of a double, optionally divided by 100. */
export function decodeRk(rk: number): number {
  let n: number;
  if (rk & 2) n = (rk | 0) >> 2;
  else {
    rkScratch.setUint32(0, 0, true);
    rkScratch.setUint32(4, (rk & 0xfffffffc) >>> 0, true);
    n = rkScratch.getFloat64(0, true);
  }
  return rk & 1 ? n / 100 : n;
}

/** A record's data with the data of the CONTINUE records that follow it, and the position after them. */
export function withContinues(stream: Uint8Array, view: DataView, at: number): { cursor: BiffCursor; next: number } {
  const parts: Uint8Array[] = [];
  const boundaries: number[] = [];
  let length = 0;
  let p = at;
  do {
    const size = view.getUint16(p + 2, true);
    if (p + 4 + size > stream.length) break;
    if (parts.length > 0) boundaries.push(length);
    parts.push(stream.subarray(p + 4, p + 4 + size));
    length += size;
    p += 4 + size;
  } while (p + 4 <= stream.length && view.getUint16(p, true) === CONTINUE);
  return { cursor: new BiffCursor(parts.length === 1 ? parts[0]! : Buffer.concat(parts), boundaries), next: p };
}
