import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/repo-root.ts";
import {
  LOOKUP_CSV_HEADER,
  lookupFacilities,
  readLookupCsv,
  readLookupSheet,
  type SheetCells,
} from "../../src/rmi/smelter-lookup.ts";

const shipped = (name: string) => readFileSync(path.join(REPO_ROOT, "data/reference/rmi", name), "utf8");

/** A sheet from rows of columns A–I, the first at sheet row 5. */
function sheet(rows: (string | number | null)[][]): SheetCells {
  const cells = new Map<string, string | number | null>();
  rows.forEach((values, i) => values.forEach((v, c) => cells.set(`${"ABCDEFGHI"[c]}${5 + i}`, v)));
  return { rows: [1, 4, ...rows.map((_, i) => 5 + i)], value: (ref) => cells.get(ref) ?? null };
}

describe("Smelter Look-up rows", () => {
  it("reads the sheet and its CSV export into the same rows", () => {
    const rows: (string | null)[][] = [
      ["Gold", "8853 S.p.A.", "8853 S.p.A.", "ITALY", "CID002763", "RMI", null, "Pero", "Lombardia"],
      ["Gold", "Smelter not yet identified", "Unknown", "Unknown", null, null, null, null, null],
    ];
    const csv = [LOOKUP_CSV_HEADER.join(","), ...rows.map((r) => r.map((v) => v ?? "").join(","))].join("\n");
    const fromCsv = readLookupCsv(csv, "lookup.csv").rows.map(({ line, ...r }) => r);
    const fromSheet = readLookupSheet(sheet(rows), "t.xlsx").rows.map(({ line, ...r }) => r);
    expect(fromSheet, "same row type from both formats").toEqual(fromCsv);
    expect(fromSheet[1], "special rows are kept: the template's drop-down offers them").toMatchObject({
      alias: "Smelter not yet identified",
      cid: null,
    });
  });

  it("keeps a name as RMI spelled it: the template keys rows on =A&B and offers B verbatim", () => {
    const rows = readLookupCsv(shipped("rmi_smelter_lookup_EMRT_2.1.csv"), "x.csv").rows;
    const metallo = rows.find((r) => r.cid === "CID004078" && r.alias?.startsWith("Metallo"));
    expect(metallo?.alias, "double space kept (was collapsed by the reference loader)").toBe("Metallo  (Aurubis)");
  });

  it("reports bad rows by sheet cell and leaves them out", () => {
    const read = readLookupSheet(
      sheet([
        ["tin ", "Thaisarco", "Thaisarco", "THAILAND", "cid 1234", "RMI", 0, "Phuket", null],
        ["Tin", "Bad", "Bad", "CHINA", "CID12X", "RMI", null, null, null],
        [null, "No metal", "No metal", "CHINA", "CID000001", "RMI", null, null, null],
        ["Tin", null, null, "CHINA", "CID000002", "RMI", null, null, null],
      ]),
      "acme.xlsx",
    );
    expect(read.rows).toEqual([
      {
        line: 5,
        metal: "Tin",
        alias: "Thaisarco",
        standardName: "Thaisarco",
        country: "THAILAND",
        cid: "CID001234",
        sourceOfId: "RMI",
        street: null,
        city: "Phuket",
        state: null,
      },
    ]);
    expect(read.issues).toEqual([
      'acme.xlsx › Smelter Look-up!E6: invalid smelter ID: "CID12X" (expected CID + 6 digits)',
      "acme.xlsx › Smelter Look-up!A7: missing metal: null",
      "acme.xlsx › Smelter Look-up!C8: missing standard smelter name for CID000002",
    ]);
  });

  it("rejects a CSV whose header is not the Look-up's", () => {
    expect(() => readLookupCsv("name,metal\nx,Gold\n", "other.csv")).toThrow(
      /^other\.csv:1: not a Smelter Look-up CSV/,
    );
  });
});

describe("lookupFacilities", () => {
  it("takes a facility's facts from its own row, not from whichever alias comes first (CRT 2.21 Sumitomo)", () => {
    const rows = readLookupCsv(shipped("rmi_smelter_lookup_CRT_2.21.csv"), "crt.csv").rows;
    const sumitomo = lookupFacilities(rows).find((f) => f.cid === "CID003278");
    expect(sumitomo, "Niihama alias row comes first in the sheet; the standard row is Tokyo").toMatchObject({
      standardName: "Sumitomo Metal Mining",
      city: "Tokyo",
      state: "Tokyo",
    });
    expect(sumitomo?.aliases).toEqual(["Niihama Nickel and Cobalt Facility", "Sumitomo Metal Mining"]);
  });

  it("reads Source as RMI when the facility's own row lacks it (CMRT 6.4 tungsten defect)", () => {
    const rows = readLookupCsv(shipped("rmi_smelter_lookup_CMRT_6.4.csv"), "cmrt.csv").rows;
    const own = rows.find((r) => r.cid === "CID002542" && r.alias === r.standardName);
    expect(own?.sourceOfId, "the template's own row is blank").toBeNull();
    const taniobis = lookupFacilities(rows).find((f) => f.cid === "CID002542");
    expect(taniobis).toMatchObject({ standardName: "TANIOBIS Smelting GmbH & Co. KG", sourceOfId: "RMI" });
  });

  it("counts the facilities DOMAIN lists for CMRT 6.5 (349 CIDs) and skips special rows", () => {
    const facilities = lookupFacilities(readLookupCsv(shipped("rmi_smelter_lookup_CMRT_6.5.csv"), "x.csv").rows);
    expect(facilities).toHaveLength(349);
    expect(facilities.some((f) => f.standardName === "Unknown")).toBe(false);
  });
});
