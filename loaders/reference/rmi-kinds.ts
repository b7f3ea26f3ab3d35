import { extname } from "node:path";
import { loadLegacyIds } from "./rmi-legacy-ids.ts";
import { LOOKUP_CSV_HEADER, loadLookupCsv, loadLookupWorkbook } from "./rmi-smelter-lookup.ts";
import { loadStatusList, statusListLayout } from "./rmi-status-lists.ts";
import { headText, type ReferenceKind } from "./detect.ts";
import { parseCsv } from "./parse-csv.ts";
import { isSpreadsheetMl, spreadsheetMlHeader } from "./spreadsheet-ml.ts";

function headerOf(head: Uint8Array): string[] {
  const text = headText(head);
  if (isSpreadsheetMl(text)) return spreadsheetMlHeader(text);
  const firstRecord = parseCsv(text.slice(0, Math.max(0, text.indexOf("\n", 0)) || text.length))[0];
  return firstRecord?.fields.map((f) => f.trim()) ?? [];
}

const isCsv = (name: string) => /\.(csv|txt)$/i.test(name);
const isList = (name: string) => /\.(csv|txt|xml)$/i.test(name);
const isZip = (head: Uint8Array) => head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;

/** The RMI reference kinds: template Smelter Look-up, its CSV export, the facility lists, legacy IDs. */
export const RMI_KINDS: readonly ReferenceKind[] = [
  {
    kind: "rmi-template",
    description: "any RMI template (.xlsx): its Smelter Look-up sheet",
    detect: (name, head) => isZip(head) && [".xlsx", ".xlsm"].includes(extname(name).toLowerCase()),
    load: (db, path) => loadLookupWorkbook(db, path),
  },
  {
    kind: "rmi-lookup-csv",
    description: `Smelter Look-up exported as CSV (${LOOKUP_CSV_HEADER.join(",")})`,
    detect: (name, head) =>
      isCsv(name) && headerOf(head).slice(0, 5).join(",").toLowerCase() === LOOKUP_CSV_HEADER.slice(0, 5).join(","),
    load: (db, path) => loadLookupCsv(db, path),
  },
  {
    kind: "rmi-status-list",
    description:
      "RMI facility lists: conformant, active, smelter reference lists (CMRT/EMRT/AMRT), all smelters, cobalt, mica, revision history (RMI's Excel 2003 XML export or CSV)",
    detect: (name, head) => isList(name) && statusListLayout(headerOf(head)) !== null,
    load: (db, path) => loadStatusList(db, path),
  },
  {
    kind: "rmi-legacy-ids",
    description: "CFSI 2014 legacy smelter ID translation (CSV)",
    detect: (name, head) => {
      const h = headerOf(head).map((x) => x.toUpperCase());
      return isCsv(name) && ((h.includes("VERSION 2") && h.includes("VERSION 3")) || h.includes("V2 SMELTER ID"));
    },
    load: (db, path) => loadLegacyIds(db, path),
  },
];
