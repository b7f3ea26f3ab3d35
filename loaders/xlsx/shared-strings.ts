import { joinTextRuns, utf8Text } from "./xml-text.ts";

/**
 * The shared-string table, indexed lazily: only the start offsets are found up front and a string is
 * decoded the first time a cell refers to it (the label tables hold thousands we never read). The XML is latin1-decoded.
 */
export class SharedStrings {
  private readonly starts: number[] = [];
  private readonly cache = new Map<number, string>();

  constructor(private readonly xml: string) {
    let pos = 0;
    for (;;) {
      const i = xml.indexOf("<si", pos);
      if (i < 0) break;
      const c = xml.charCodeAt(i + 3);
      if (c === 62 || c === 32 || c === 47) this.starts.push(i);
      pos = i + 3;
    }
  }

  get length(): number {
    return this.starts.length;
  }

  get(index: number): string | null {
    const start = this.starts[index];
    if (start === undefined) return null;
    const hit = this.cache.get(index);
    if (hit !== undefined) return hit;
    const open = this.xml.indexOf(">", start);
    if (this.xml.charCodeAt(open - 1) === 47) return "";
    const end = this.xml.indexOf("</si>", open);
    const text = joinTextRuns(utf8Text(this.xml.slice(open + 1, end < 0 ? undefined : end)));
    this.cache.set(index, text);
    return text;
  }
}
