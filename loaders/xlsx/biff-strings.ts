/**
 * BIFF8 Unicode strings (MS-XLS 2.5.293–2.5.296), read across CONTINUE record boundaries: where character data
 * crosses into a CONTINUE record, that record starts with a fresh one-byte "high byte" flag for the rest.
 */
export class BiffCursor {
  pos = 0;
  private next = 0;

  /** `data` is a record's data followed by its CONTINUE records' data; `boundaries` are where each CONTINUE starts. */
  constructor(
    readonly data: Uint8Array,
    private readonly boundaries: readonly number[] = [],
  ) {}

  get remaining(): number {
    return this.data.length - this.pos;
  }

  u8(): number {
    if (this.pos + 1 > this.data.length) throw new RangeError("BIFF string runs past its record");
    return this.data[this.pos++]!;
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(n: number): void {
    if (this.pos + n > this.data.length) throw new RangeError("BIFF string runs past its record");
    this.pos += n;
  }

  /** The next record boundary at or after the cursor, or Infinity. */
  private boundary(): number {
    while (this.next < this.boundaries.length && this.boundaries[this.next]! < this.pos) this.next++;
    return this.next < this.boundaries.length ? this.boundaries[this.next]! : Number.POSITIVE_INFINITY;
  }

  /** `count` characters, 8-bit (latin1 low bytes) or UTF-16LE, re-reading the flag at each CONTINUE boundary. */
  chars(count: number, highByte: boolean): string {
    let out = "";
    let left = count;
    let high = highByte;
    while (left > 0) {
      // Characters continued in (or starting at) a CONTINUE record: it opens with their own width flag.
      if (this.pos === this.boundary()) high = (this.u8() & 1) === 1;
      const width = high ? 2 : 1;
      const room = Math.floor((Math.min(this.boundary(), this.data.length) - this.pos) / width);
      if (room <= 0) throw new RangeError("BIFF string runs past its record");
      const n = Math.min(left, room);
      const slice = Buffer.from(this.data.buffer, this.data.byteOffset + this.pos, n * width);
      out += slice.toString(high ? "utf16le" : "latin1");
      this.pos += n * width;
      left -= n;
    }
    return out;
  }

  /** XLUnicodeRichExtendedString (the SST's entries): rich-text runs and phonetic data are skipped. */
  richString(): string {
    const cch = this.u16();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(cch, (flags & 1) === 1);
    this.skip(Math.min(runs * 4 + ext, this.remaining));
    return text;
  }

  /** XLUnicodeString (16-bit length): LABEL and STRING records. */
  unicodeString(): string {
    const cch = this.u16();
    const flags = this.u8();
    return this.chars(cch, (flags & 1) === 1);
  }

  /** ShortXLUnicodeString (8-bit length): sheet names in BOUNDSHEET. */
  shortString(): string {
    const cch = this.u8();
    const flags = this.u8();
    return this.chars(cch, (flags & 1) === 1);
  }
}
