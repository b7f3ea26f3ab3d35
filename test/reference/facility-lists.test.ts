import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withDatabase } from "../../src/db/database.ts";
import { addReferenceFile, detectReferenceKind } from "../../loaders/reference/kinds.ts";
import { parseSpreadsheetMl } from "../../loaders/reference/spreadsheet-ml.ts";
import { main } from "../../src/cli/main.ts";
import type { Output } from "../../src/cli/command.ts";
import { sharedDir } from "../helpers/paths.ts";
const dir = mkdtempSync(path.join(tmpdir(), "assay-lists-"));
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An Excel 2003 XML workbook as RMI's facility pages export it (one worksheet, typed cells). */
function spreadsheetMl(
  sheet: string,
  rows: (string | { date: string } | null)[][],
  opts: { skipIndex?: boolean } = {},
): string {
  const cell = (v: string | { date: string } | null, i: number, prevEmpty: boolean) => {
    if (v === null) return opts.skipIndex ? "" : "<Cell/>";
    const index = opts.skipIndex && prevEmpty ? ` ss:Index="${i + 1}"` : "";
    return typeof v === "string"
      ? `<Cell ss:StyleID="sText"${index}><Data ss:Type="String">${esc(v)}</Data></Cell>`
      : `<Cell ss:StyleID="sDateWithoutTime"${index}><Data ss:Type="DateTime">${v.date}T00:00:00</Data></Cell>`;
  };
  const body = rows
    .map((r) => `<Row>${r.map((v, i) => cell(v, i, i > 0 && r[i - 1] === null)).join("")}</Row>`)
    .join("\n");
  return `\ufeff<?xml version="1.0" encoding="utf-8"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n<Worksheet ss:Name="${sheet}"><Table>\n${body}\n</Table></Worksheet></Workbook>\n`;
}

describe("RMI facility lists in RMI's Excel 2003 XML export", () => {
  it("parses cells, skipped cells (ss:Index), entities and dates", () => {
    const xml = spreadsheetMl(
      "X",
      [
        ["a", null, "c & <d>"],
        [{ date: "2024-10-18" }, "Société Générale de Métaux"],
      ],
      { skipIndex: true },
    );
    expect(parseSpreadsheetMl(xml)[0]).toEqual({
      name: "X",
      records: [
        { line: 1, fields: ["a", "", "c & <d>"] },
        { line: 2, fields: ["2024-10-18", "Société Générale de Métaux"] },
      ],
    });
  });

  it("detects and loads a conformant list, a smelter reference list and the revision history from .xml", async () => {
    const folder = path.join(dir, "facility-lists-2026-08-22");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(folder, { recursive: true });
    const conformant = path.join(folder, "CONFORMANT.xml");
    writeFileSync(
      conformant,
      spreadsheetMl(
        "Conformant_Export",
        [
          [
            "Metal",
            "Smelter ID",
            "Standard Smelter Name",
            "State/ Province/ Region",
            "Country Location",
            "Company Website with CM Policy",
            "Last Audit Date",
            "Audit Cycle",
            "Reaudit In Progress",
            "LBMA RG",
            "RJC",
          ],
          [
            "Tungsten",
            "CID000004",
            "A.L.M.T. Corp.",
            "Toyama City, Toyama",
            "JAPAN",
            "https://example.org",
            { date: "2024-10-18" },
            "3 Years",
            null,
            null,
            null,
          ],
          [
            "Gold",
            "CID002708",
            "Abington Reldan Metals, LLC",
            "Fairless Hills, Pennsylvania",
            "UNITED STATES OF AMERICA",
            null,
            { date: "2024-10-04" },
            "1 Year",
            "Yes",
            null,
            null,
          ],
        ],
        { skipIndex: true },
      ),
    );
    const list = path.join(folder, "CMRT.xml");
    writeFileSync(
      list,
      spreadsheetMl("CMRT_Export", [
        ["Metal", "Smelter Reference", "Standard Smelter Name", "Country", "Smelter ID", "City", "State Province"],
        ["Tungsten", "A.L.M.T. TUNGSTEN Corp.", "A.L.M.T. Corp.", "JAPAN", "CID000004", "Toyama City", "Toyama"],
        ["Tungsten", "A.L.M.T. Corp.", "A.L.M.T. Corp.", "JAPAN", "CID000004", "Toyama City", "Toyama"],
        ["Tin", "Minsur", "Minsur", "PERU", "CID001182", "Paracas", "Ica"],
      ]),
    );
    const revisions = path.join(folder, "REVISIONS.xml");
    writeFileSync(
      revisions,
      spreadsheetMl("Revisions_StdSmelterList", [
        [
          "Metal",
          "Smelter ID",
          "Standard Smelter Name",
          "Country",
          "Basis for Revision",
          "Details",
          "Revision Date",
          "Smelter Added Date",
        ],
        [
          "Tin",
          "CID001460",
          "PT Refined Bangka Tin",
          "INDONESIA",
          "Removed",
          "No longer an operating smelter / refiner",
          { date: "2024-06-24" },
          { date: "2014-03-21" },
        ],
      ]),
    );
    expect(detectReferenceKind(conformant)?.kind).toBe("rmi-status-list");
    expect(detectReferenceKind(list)?.kind).toBe("rmi-status-list");
    await withDatabase(async (db) => {
      expect(await addReferenceFile(db, conformant)).toMatchObject({
        kind: "rmi-status-conformant",
        rows: 2,
        issues: [],
      });
      expect(await addReferenceFile(db, list)).toMatchObject({ kind: "rmi-facility-list-cmrt", rows: 2 });
      expect(await addReferenceFile(db, revisions)).toMatchObject({ kind: "rmi-revisions", rows: 1 });
      // No date in the file names: the folder's name gives the vintage.
      expect(
        await db.all("SELECT kind, CAST(vintage AS VARCHAR) AS vintage FROM reference_loads ORDER BY load_id"),
      ).toEqual([
        { kind: "rmi-status-conformant", vintage: "2026-08-22" },
        { kind: "rmi-facility-list-cmrt", vintage: "2026-08-22" },
        { kind: "rmi-revisions", vintage: "2026-08-22" },
      ]);
      expect(
        await db.all(
          "SELECT cid, CAST(last_audit_date AS VARCHAR) AS d, audit_cycle, reaudit_in_progress FROM current_ref_facility_status ORDER BY cid",
        ),
      ).toEqual([
        { cid: "CID000004", d: "2024-10-18", audit_cycle: "3 years", reaudit_in_progress: null },
        { cid: "CID002708", d: "2024-10-04", audit_cycle: "1 year", reaudit_in_progress: true },
      ]);
      expect(await db.all("SELECT metal, cid, standard_name, city FROM current_ref_smelters ORDER BY cid")).toEqual([
        { metal: "Tungsten", cid: "CID000004", standard_name: "A.L.M.T. Corp.", city: "Toyama City" },
        { metal: "Tin", cid: "CID001182", standard_name: "Minsur", city: "Paracas" },
      ]);
      expect(await db.scalar("SELECT count(*) FROM current_ref_smelter_aliases WHERE cid = 'CID000004'")).toBe(2);
      expect(
        await db.one("SELECT revision, CAST(revision_date AS VARCHAR) AS d FROM current_ref_facility_revisions"),
      ).toEqual({ revision: "removed", d: "2024-06-24" });
    });
  });
});

const real = path.join(sharedDir, "reference/rmi/facility-lists-2026-08-22");
describe.skipIf(!existsSync(real))("RMI's 2026-08-22 facility lists (../shared)", () => {
  it("assay reference add reads RMI's XML export, and assay match then names that list", async () => {
    const db = path.join(dir, "cli.duckdb");
    let out = "",
      err = "";
    const io: Output = { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false };
    const files = ["CMRT", "CONFORMANT", "REVISIONS"].map((f) => path.join(real, `${f}.xml`));
    expect(await main(["reference", "add", ...files, "--db", db, "--json"], io), err).toBe(0);
    expect(JSON.parse(out).map((r: { kind: string; rows: number }) => [r.kind, r.rows])).toEqual([
      ["rmi-facility-list-cmrt", 347],
      ["rmi-status-conformant", 420],
      ["rmi-revisions", 588],
    ]);
    out = "";
    expect(await main(["match", "CID000004", "--metal", "Tungsten", "--json", "--db", db], io), err).toBe(0);
    expect(JSON.parse(out).matches[0]).toMatchObject({
      cid: "CID000004",
      status: "listed",
      listedIn: { file: "CMRT.xml", vintage: "2026-08-22", current: true },
    });
  });

  it("the XML export and the CSV conversion store the same rows", async () => {
    const dump = async (ext: string) =>
      withDatabase(async (db) => {
        for (const f of ["CMRT", "EMRT", "AMRT", "CONFORMANT", "ACTIVE", "REVISIONS"])
          await addReferenceFile(db, path.join(real, `${f}.${ext}`));
        const out: unknown[] = [];
        for (const t of ["ref_smelters", "ref_smelter_aliases", "ref_facility_status", "ref_facility_revisions"]) {
          out.push(await db.all(`SELECT * EXCLUDE (load_id) FROM ${t} ORDER BY ALL`));
        }
        out.push(
          await db.all(
            "SELECT kind, CAST(vintage AS VARCHAR) AS vintage, row_count FROM reference_loads ORDER BY kind",
          ),
        );
        return out;
      });
    const xml = await dump("xml");
    expect(xml).toEqual(await dump("csv"));
    const loads = xml[4] as { kind: string; row_count: number }[];
    expect(Object.fromEntries(loads.map((l) => [l.kind, l.row_count]))).toEqual({
      "rmi-facility-list-amrt": 155,
      "rmi-facility-list-cmrt": 347,
      "rmi-facility-list-emrt": 376,
      "rmi-revisions": 588,
      "rmi-status-active": 24,
      "rmi-status-conformant": 420,
    });
  });
});
