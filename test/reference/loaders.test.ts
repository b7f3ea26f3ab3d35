import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadLegacyIds } from "../../loaders/reference/rmi-legacy-ids.ts";
import { loadLookupCsv } from "../../loaders/reference/rmi-smelter-lookup.ts";
import { loadStatusList } from "../../loaders/reference/rmi-status-lists.ts";
import { withDatabase } from "../../src/db/database.ts";
import { addReferenceFile, detectReferenceKind } from "../../loaders/reference/kinds.ts";
import { normalizeCid, parseListDate } from "../../src/rmi/identifiers.ts";
import { parseCsv } from "../../loaders/reference/parse-csv.ts";
import { loadShippedReference, SHIPPED_RMI_DIR } from "../../loaders/reference/shipped.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const shared = process.env.ASSAY_SHARED ?? path.resolve(repoRoot, "../shared");
const rmiDir = path.join(shared, "reference/rmi");

const dir = mkdtempSync(path.join(tmpdir(), "assay-ref-"));
function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

const LOOKUP = `metal,smelter_lookup_name,standard_smelter_name,country,smelter_id,source_of_id,street,city,state_province
Gold,8853 S.p.A.,8853 S.p.A.,ITALY,CID002763,RMI,,Pero,Lombardia
Gold,"Jiangxi Copper Co., Ltd.","Jiangxi Copper Co., Ltd.",CHINA,CID000855,RMI,,Guixi,Jiangxi
Gold,JCC,"Jiangxi Copper Co., Ltd.",CHINA,CID000855,RMI,,Guixi,Jiangxi
Gold,Bad Row,Bad Row,CHINA,CID12X,RMI,,,
Gold,Smelter not yet identified,Unknown,Unknown,,,,,
`;

describe("reference loaders (generated CSVs)", () => {
  it("parses quoted CSV with line numbers", () => {
    const rows = parseCsv('a,b\r\n"x, ""y""",2\n\n"multi\nline",3\n');
    expect(rows).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ['x, "y"', "2"] },
      { line: 4, fields: ["multi\nline", "3"] },
    ]);
  });

  it("normalises identifiers and list dates", () => {
    expect(normalizeCid("cid 2763")).toBe("CID002763");
    expect(normalizeCid("CID-002763 ")).toBe("CID002763");
    expect(normalizeCid("CIDX")).toBeNull();
    expect(parseListDate("3/9/21")).toBe("2021-03-09");
    expect(parseListDate("11/19/2020")).toBe("2020-11-19");
    expect(parseListDate("2/30/2021")).toBeNull();
  });

  it("loads a look-up, reports bad rows by file and line, and keeps history", async () => {
    await withDatabase(async (db) => {
      const p = file("rmi_smelter_lookup_CMRT_6.5.csv", LOOKUP);
      const r = await loadLookupCsv(db, p);
      expect(r).toMatchObject({ kind: "rmi-lookup-cmrt", loadId: 1, rows: 2 });
      expect(r.issues).toEqual([
        'rmi_smelter_lookup_CMRT_6.5.csv:5 column smelter_id: invalid smelter ID: "CID12X" (expected CID + 6 digits)',
      ]);
      expect(
        await db.all("SELECT alias FROM current_ref_smelter_aliases WHERE cid = 'CID000855' ORDER BY alias"),
      ).toEqual([{ alias: "JCC" }, { alias: "Jiangxi Copper Co., Ltd." }]);
      expect(await db.one("SELECT country_iso2, city FROM current_ref_smelters WHERE cid = 'CID002763'")).toEqual({
        country_iso2: "IT",
        city: "Pero",
      });
      expect(await db.scalar("SELECT CAST(vintage AS VARCHAR) FROM reference_loads")).toBe("2025-04-25");

      expect((await loadLookupCsv(db, p)).loadId, "same bytes: no new load").toBeNull();
      const newer = file("rmi_smelter_lookup_CMRT_6.6.csv", LOOKUP.split("\n").slice(0, 2).join("\n"));
      expect((await loadLookupCsv(db, newer)).loadId).toBe(2);
      expect(await db.scalar("SELECT count(*) FROM current_ref_smelters")).toBe(1);
      expect(await db.scalar("SELECT count(*) FROM ref_smelters"), "history kept").toBe(3);
    });
  });

  it("rejects a file that is not a look-up, naming file and line", async () => {
    await withDatabase(async (db) => {
      const p = file("other.csv", "name,metal\nx,Gold\n");
      await expect(loadLookupCsv(db, p)).rejects.toThrow(/^other\.csv:1: not a Smelter Look-up CSV/);
    });
  });

  it("loads status lists and the revision history", async () => {
    await withDatabase(async (db) => {
      const conformant = file(
        "conf_2023Q1.csv",
        `Sl #,METAL,SMELTER ID,STANDARD SMELTER NAME,STATE/ PROVINCE/ REGION,COUNTRY LOCATION,COMPANY WEBSITE WITH CM POLICY,LAST AUDIT DATE,AUDIT CYCLE,REAUDIT IN PROGRESS,LBMA RG,RJC,Type
1,Gold,CID000035,Agosi AG,"Pforzheim, Baden-Württemberg",GERMANY,Link,8/15/2019,3 Years,,Yes,Yes,Conformant
2,Gold,CID00003X,Broken,,GERMANY,Link,8/15/2019,3 Years,,,,Conformant
`,
      );
      const r = await loadStatusList(db, conformant);
      expect(r).toMatchObject({ kind: "rmi-status-conformant", rows: 1 });
      expect(r.issues?.[0]).toMatch(/^conf_2023Q1\.csv:3 column SMELTER ID: invalid smelter ID/);
      expect(
        await db.one(
          "SELECT status, CAST(last_audit_date AS VARCHAR) AS d, audit_cycle, lbma, rjc, reaudit_in_progress FROM current_ref_facility_status",
        ),
      ).toEqual({
        status: "conformant",
        d: "2019-08-15",
        audit_cycle: "3 years",
        lbma: true,
        rjc: true,
        reaudit_in_progress: null,
      });
      const all = file(
        "all.csv",
        "METAL,SMELTER REFERENCE,STANDARD SMELTER NAME,COUNTRY,SMELTER ID,CITY,STATE PROVINCE,RMI Status,Type\nTin,X,X,CHINA,CID000001,,,Outreach Required,Medium Risk\n",
      );
      await loadStatusList(db, all);
      expect(await db.scalar("SELECT status FROM current_ref_facility_status WHERE list = 'all'")).toBe(
        "not-participating",
      );
      const rev = file(
        "rev.csv",
        "METAL,SMELTER ID,STANDARD SMELTER NAME,COUNTRY,BASIS FOR REVISION,DETAILS,REVISION DATE,SMELTER ADDED DATE\nTin,CID003379,Weitai,CHINA,Removed,No longer operating,2/8/22,6/22/2018\n",
      );
      await loadStatusList(db, rev);
      expect(
        await db.one("SELECT revision, CAST(revision_date AS VARCHAR) AS d FROM current_ref_facility_revisions"),
      ).toEqual({ revision: "removed", d: "2022-02-08" });
    });
  });

  it("loads legacy IDs and detects kinds through the registry", async () => {
    await withDatabase(async (db) => {
      const p = file(
        "legacy.csv",
        ",,,Version 2,Version 3\nGold,Krastsvetmet,RUSSIAN FEDERATION,1RUS067,CID001326\nGold,No old id,CHINA,,CID000001\n",
      );
      expect(detectReferenceKind(p)?.kind).toBe("rmi-legacy-ids");
      expect(detectReferenceKind(file("x.csv", LOOKUP))?.kind).toBe("rmi-lookup-csv");
      expect(detectReferenceKind(file("y.csv", "hello,world\n"))).toBeNull();
      await expect(addReferenceFile(db, path.join(dir, "y.csv"))).rejects.toThrow(
        /not a reference file Assay recognises \(expected one of .*rmi-template/,
      );
      const r = await loadLegacyIds(db, p);
      expect(r.rows).toBe(1);
      expect(await db.one("SELECT legacy_id, cid FROM current_ref_legacy_ids")).toEqual({
        legacy_id: "1RUS067",
        cid: "CID001326",
      });
    });
  });
});

describe("shipped reference", () => {
  it("loads data/reference/rmi once and is idempotent", async () => {
    await withDatabase(async (db) => {
      const first = await loadShippedReference(db);
      expect(first.every((r) => r.loadId !== null)).toBe(true);
      // CMRT 6.5's look-up (349 CIDs) and RMI's 2026-08-22 CMRT smelter reference list (347) are both current.
      expect(
        await db.scalar(
          "SELECT count(DISTINCT cid) FROM current_ref_smelters WHERE metal IN ('Gold','Tin','Tantalum','Tungsten')",
        ),
      ).toBe(375);
      expect(
        await db.all(
          "SELECT kind, CAST(vintage AS VARCHAR) AS vintage FROM current_reference_loads WHERE kind LIKE 'rmi-facility-list-%' OR kind IN ('rmi-status-conformant', 'rmi-revisions') ORDER BY kind",
        ),
      ).toEqual([
        { kind: "rmi-facility-list-amrt", vintage: "2026-08-22" },
        { kind: "rmi-facility-list-cmrt", vintage: "2026-08-22" },
        { kind: "rmi-facility-list-emrt", vintage: "2026-08-22" },
        { kind: "rmi-revisions", vintage: "2026-08-22" },
        { kind: "rmi-status-conformant", vintage: "2026-08-22" },
      ]);
      const again = await loadShippedReference(db);
      expect(again.every((r) => r.loadId === null)).toBe(true);
      expect(
        await db.scalar(
          "SELECT count(*) FROM current_ref_facility_status WHERE status = 'conformant' AND list = 'conformant'",
        ),
      ).toBe(420);
      // The newer conformant list carries audits of 2024–2026, so the sample's audits are not all expired.
      expect(
        await db.scalar(
          "SELECT CAST(max(last_audit_date) AS VARCHAR) FROM current_ref_facility_status WHERE list = 'conformant'",
        ),
      ).toMatch(/^2026-/);
    });
  });
});

describe("shipped reference on a database that already has a newer look-up", () => {
  it("loads the older vintages for identification but keeps the newer one current", async () => {
    await withDatabase(async (db) => {
      const first = await addReferenceFile(db, path.join(SHIPPED_RMI_DIR, "rmi_smelter_lookup_CMRT_6.5.csv"));
      await loadShippedReference(db);
      const cmrt = await db.all(
        "SELECT source_file, CAST(vintage AS VARCHAR) AS vintage FROM reference_loads WHERE kind = 'rmi-lookup-cmrt' ORDER BY load_id",
      );
      expect(cmrt.map((r) => r.source_file)).toEqual(
        expect.arrayContaining(["rmi_smelter_lookup_CMRT_6.22.csv", "rmi_smelter_lookup_CMRT_6.4.csv"]),
      );
      expect(
        await db.one(
          "SELECT source_file, CAST(vintage AS VARCHAR) AS vintage FROM current_reference_loads WHERE kind = 'rmi-lookup-cmrt'",
        ),
      ).toEqual({ source_file: "rmi_smelter_lookup_CMRT_6.5.csv", vintage: "2025-04-25" });
      expect(
        await db.scalar(
          "SELECT count(*) FROM ref_smelters s JOIN current_reference_loads l USING (load_id) WHERE l.kind = 'rmi-lookup-cmrt'",
        ),
      ).toBe(first.rows);
    });
  });
});

describe.skipIf(!existsSync(rmiDir))("real RMI CSVs in ../shared", () => {
  it.each([
    ["rmi_smelter_lookup_CMRT_6.4.csv", 368],
    ["rmi_smelter_lookup_CMRT_6.22.csv", 350],
    ["rmi_smelter_lookup_EMRT_2.0.csv", null],
  ])("%s loads every CID", async (name, cids) => {
    await withDatabase(async (db) => {
      const r = await loadLookupCsv(db, path.join(rmiDir, name));
      expect(r.issues).toEqual([]);
      if (cids !== null) expect(await db.scalar("SELECT count(DISTINCT cid) FROM ref_smelters")).toBe(cids);
      expect(await db.scalar("SELECT count(*) FROM ref_smelters WHERE country_iso2 IS NULL")).toBe(0);
    });
  });

  it("reads the 2014 key-terms list as legacy IDs", async () => {
    await withDatabase(async (db) => {
      const r = await loadLegacyIds(db, path.join(rmiDir, "historical-2014/smelter_references.csv"));
      expect(r.kind).toBe("rmi-legacy-ids-key-terms");
      expect(r.rows).toBeGreaterThan(150);
    });
  });
});
