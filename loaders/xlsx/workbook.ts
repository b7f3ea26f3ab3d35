import { scanSheet, type ScanOptions } from "./scan-sheet.ts";
import { SharedStrings } from "./shared-strings.ts";
import type { Sheet } from "./sheet.ts";
import { sniffContainer } from "../sources/sniff-container.ts";
import { UnreadableWorkbook } from "./unreadable-workbook.ts";
import { attribute, decodeXmlText } from "./xml-text.ts";
import { DEFAULT_ZIP_LIMITS, ZipArchive, type ZipLimits } from "./zip-archive.ts";

export interface WorkbookLimits extends ZipLimits, ScanOptions {}

export const DEFAULT_WORKBOOK_LIMITS: WorkbookLimits = { ...DEFAULT_ZIP_LIMITS, maxRow: 20_000, maxColumns: 40 };

export interface SheetInfo {
  name: string;
  path: string;
  hidden: boolean;
}

function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = `xl/${target}`.split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

function* tags(xml: string, name: string): Generator<string> {
  const open = `<${name}`;
  let pos = 0;
  for (;;) {
    const i = xml.indexOf(open, pos);
    if (i < 0) return;
    const c = xml.charCodeAt(i + open.length);
    const end = xml.indexOf(">", i);
    if (end < 0) return;
    pos = end + 1;
    if (c === 32 || c === 47 || c === 62) yield xml.slice(i, end);
  }
}

/**
 * An .xlsx/.xlsm workbook opened for reading only the parts asked for: the sheet list comes from
 * workbook.xml and its relationships; a sheet's XML is inflated and scanned when requested.
 */
export class Workbook {
  readonly sheets: readonly SheetInfo[];
  /** Serial dates count from 1904-01-01 (legacy Mac workbooks) instead of 1899-12-30. */
  readonly date1904: boolean;
  private strings: SharedStrings | null | undefined;
  private readonly cache = new Map<string, Sheet>();

  private constructor(
    private readonly zip: ZipArchive,
    sheets: SheetInfo[],
    private readonly limits: WorkbookLimits,
    date1904: boolean,
  ) {
    this.sheets = sheets;
    this.date1904 = date1904;
  }

  /** Opens workbook bytes; throws UnreadableWorkbook with a one-line reason for anything that is not one. */
  static open(bytes: Uint8Array, limits: Partial<WorkbookLimits> = {}): Workbook {
    const all = { ...DEFAULT_WORKBOOK_LIMITS, ...limits };
    const container = sniffContainer(bytes);
    if (container.kind === "unreadable") throw new UnreadableWorkbook(container.reason);
    const zip = new ZipArchive(bytes, all);
    if (zip.has("EncryptedPackage")) throw new UnreadableWorkbook("password-protected (encrypted) Excel workbook");
    const workbookXml = zip.text("xl/workbook.xml");
    if (workbookXml === null) {
      if (zip.has("xl/workbook.bin"))
        throw new UnreadableWorkbook("Excel binary workbook (.xlsb); save it as .xlsx and send it again");
      const kind = zip.has("word/document.xml")
        ? "a Word document"
        : zip.has("ppt/presentation.xml")
          ? "a PowerPoint file"
          : "a zip archive without xl/workbook.xml";
      throw new UnreadableWorkbook(`not an Excel workbook: ${kind}`);
    }
    const rels = new Map<string, string>();
    for (const tag of tags(zip.text("xl/_rels/workbook.xml.rels") ?? "", "Relationship")) {
      const id = attribute(tag, "Id");
      const target = attribute(tag, "Target");
      if (id && target) rels.set(id, resolveTarget(target));
    }
    const sheets: SheetInfo[] = [];
    for (const tag of tags(workbookXml, "sheet")) {
      const name = attribute(tag, "name");
      const id = attribute(tag, "r:id") ?? /\s[\w]+:id="([^"]*)"/.exec(tag)?.[1];
      const path = id ? rels.get(decodeXmlText(id)) : undefined;
      if (name !== undefined && path)
        sheets.push({ name, path, hidden: (attribute(tag, "state") ?? "visible") !== "visible" });
    }
    const pr = [...tags(workbookXml, "workbookPr")][0];
    const date1904 = pr !== undefined && /^(1|true)$/i.test(attribute(pr, "date1904") ?? "");
    return new Workbook(zip, sheets, all, date1904);
  }

  private find(name: string): SheetInfo | undefined {
    const want = name.trim().toLowerCase();
    return this.sheets.find((s) => s.name.trim().toLowerCase() === want);
  }

  hasSheet(name: string): boolean {
    return this.find(name) !== undefined;
  }

  /** Reads a sheet by name (case-insensitive), or null when the workbook has none by that name. */
  sheet(name: string, options: Partial<WorkbookLimits> = {}): Sheet | null {
    const info = this.find(name);
    if (!info) return null;
    const key = `${info.name}\u0000${options.maxRow ?? ""}:${options.maxColumns ?? ""}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const xml = this.zip.text(info.path, "latin1");
    if (xml === null) throw new UnreadableWorkbook(`damaged workbook: sheet '${info.name}' (${info.path}) is missing`);
    if (this.strings === undefined) {
      const sst = this.zip.text("xl/sharedStrings.xml", "latin1");
      this.strings = sst === null ? null : new SharedStrings(sst);
    }
    const sheet = scanSheet(info.name, xml, this.strings, { ...this.limits, ...options });
    this.cache.set(key, sheet);
    return sheet;
  }
}
