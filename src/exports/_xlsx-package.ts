import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { AssayError } from "../errors.ts";

/** An .xlsx package edited part by part: every part not touched is written back byte for byte. */
export class XlsxPackage {
  private readonly parts: Map<string, Uint8Array>;
  readonly file: string;

  private constructor(file: string, parts: Map<string, Uint8Array>) {
    this.file = file;
    this.parts = parts;
  }

  static open(bytes: Uint8Array, file: string): XlsxPackage {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes);
    } catch (error) {
      throw new AssayError(`${file}: not an .xlsx workbook (${(error as Error).message})`, {
        code: "template",
        exitCode: 2,
      });
    }
    if (!entries["xl/workbook.xml"])
      throw new AssayError(`${file}: not an .xlsx workbook (no xl/workbook.xml)`, { code: "template", exitCode: 2 });
    return new XlsxPackage(file, new Map(Object.entries(entries)));
  }

  has(path: string): boolean {
    return this.parts.has(path);
  }

  text(path: string): string {
    const part = this.parts.get(path);
    if (!part) throw new AssayError(`${this.file}: missing part ${path}`, { code: "template", exitCode: 2 });
    return strFromU8(part);
  }

  setText(path: string, xml: string): void {
    this.parts.set(path, strToU8(xml));
  }

  remove(path: string): void {
    this.parts.delete(path);
  }

  /** The part path of a worksheet by its tab name (workbook.xml + its relationships); null when absent. */
  sheetPath(name: string): string | null {
    const workbook = this.text("xl/workbook.xml");
    const rels = this.text("xl/_rels/workbook.xml.rels");
    for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
      const tag = m[0];
      if (decodeXml(/\bname="([^"]*)"/.exec(tag)?.[1] ?? "") !== name) continue;
      const rid = /\br:id="([^"]*)"/.exec(tag)?.[1];
      const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((r) => r[0]).find((r) => r.includes(`Id="${rid}"`));
      const target = rel ? /\bTarget="([^"]*)"/.exec(rel)?.[1] : undefined;
      if (!target) return null;
      return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    }
    return null;
  }

  /** Zips the package; [Content_Types].xml first, as Office writes it. */
  toBytes(): Uint8Array {
    const out: Zippable = {};
    const names = [...this.parts.keys()].sort((a, b) =>
      a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : 0,
    );
    for (const name of names) out[name] = [this.parts.get(name)!, { level: 6 }];
    return zipSync(out);
  }
}

export function decodeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

// XML 1.0 forbids most C0 controls and lone surrogates; supplier text can carry them.
const INVALID_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function encodeXml(text: string): string {
  return text
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
