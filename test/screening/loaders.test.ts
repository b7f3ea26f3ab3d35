import { mkdtempSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEuSanctions } from "../../loaders/reference/eu-sanctions.ts";
import { findCompanion, parseOfac } from "../../loaders/reference/ofac.ts";
import { parseUkSanctions } from "../../loaders/reference/uk-sanctions.ts";
import { withDatabase } from "../../src/db/database.ts";
import { addReferenceFile, detectReferenceKind } from "../../loaders/reference/kinds.ts";
import { reportListChanges } from "../../src/screening/list-changes.ts";
import { readSanctionsEntries } from "../../src/screening/read-sanctions.ts";
import { sharedDir, shippedEntries } from "./real-lists.ts";

const SDN =
  [
    `36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `,
    `44088,"JOINT STOCK COMPANY URALELEKTROMED",-0- ,"RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Tax ID No. 6606001140 (Russia)."`,
    `20922,"BAKHAREV, Konstantin Mikhailovich","individual","UKRAINE-EO13660] [RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1972"`,
  ].join("\r\n") + "\r\n\u001a";
const ALT =
  [
    `44088,68206,"aka","URALELEKTROMED AO",-0- `,
    `44088,68210,"fka","OPEN JOINT STOCK COMPANY URALELECTROMED",-0- `,
    `99999,1,"aka","NOT IN SDN",-0- `,
  ].join("\r\n") + "\r\n\u001a";
const ADD =
  [`44088,65610,"1, Lenin Street","Verkhnyaya Pyshma 624091","Russia",-0- `, `36,25,-0- ,"Havana","Cuba",-0- `].join(
    "\r\n",
  ) + "\r\n\u001a";

const UK = `Unique ID,OFSI Group ID,Name,Regime Name,Type,Designation source,Date Designated,Sanctions Imposed
RUS2007,16215,JSC Krastsvetmet,Russia,Entity,UK,08-11-2023,"Asset freeze, Director Disqualification Sanction, Trust Services Sanctions"
RUS0001,1,SOMEONE Ivan,Russia,Individual,UK,01-03-2022,Asset freeze
RUS2352,,KRASNOYARSK,Russia,Ship,UK,25-11-2024,"Shipping sanctions: (see ""Other information"")"
`;

const EU_HEADER =
  "fileGenerationDate;Entity_LogicalId;Entity_EU_ReferenceNumber;Entity_SubjectType;Entity_SubjectType_ClassificationCode;Entity_Regulation_Programme;Entity_DesignationDate;NameAlias_WholeName;NameAlias_NameLanguage;Address_City;Address_CountryIso2Code;Address_CountryDescription";
const EU = [
  EU_HEADER,
  "2026-06-01;13;EU.27.28;E;enterprise;RUS;2023-06-23;Joint Stock Company Uralelektromed;EN;Verkhnyaya Pyshma;RU;RUSSIAN FEDERATION",
  "2026-06-01;13;EU.27.28;E;enterprise;RUS;2023-06-23;АО «Уралэлектромедь»;RU;Verkhnyaya Pyshma;RU;RUSSIAN FEDERATION",
  "2026-06-01;13;EU.27.28;E;enterprise;RUS;2023-06-23;Uralelectromed JSC;EN;Yekaterinburg;RU;RUSSIAN FEDERATION",
  "2026-06-01;20;EU.1.1;P;person;PRK;2017-08-30;KIM Il;EN;;KP;",
  "2026-06-01;31;EU.2.2;E;enterprise;PRK;2017-08-30;Korea Zinc Industrial Group;EN;;00;UNKNOWN",
].join("\n");

describe("parseOfac (generated legacy CSV trio)", () => {
  const parsed = parseOfac(
    { file: "sdn.csv", text: SDN },
    { file: "alt.csv", text: ALT },
    { file: "add.csv", text: ADD },
  );

  it("reads entries, treats -0- as empty, ignores the 0x1A end byte and joins aliases and addresses by ent_num", () => {
    expect(parsed.entries.map((e) => [e.id, e.type])).toEqual([
      ["36", "entity"],
      ["44088", "entity"],
      ["20922", "individual"],
    ]);
    const ural = parsed.entries.find((e) => e.id === "44088")!;
    expect(ural.programs).toEqual(["RUSSIA-EO14024"]);
    expect(ural.aliases).toEqual([
      { name: "URALELEKTROMED AO", nameType: "aka" },
      { name: "OPEN JOINT STOCK COMPANY URALELECTROMED", nameType: "fka" },
    ]);
    expect(ural.countries).toEqual(["RU"]);
    expect(parsed.entries.find((e) => e.id === "20922")!.programs).toEqual(["UKRAINE-EO13660", "RUSSIA-EO14024"]);
    expect(parsed.entries.find((e) => e.id === "36")!.remarks).toBeNull();
  });

  it("reports aliases of entries missing from the primary file", () => {
    expect(parsed.issues).toEqual([
      "alt.csv: 1 aliases name entries absent from sdn.csv (the files are of different dates); skipped",
    ]);
  });

  it("finds companions by name, then the newest alt/add file beside the primary", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "assay-ofac-"));
    for (const f of ["sdn.csv", "alt.csv", "add.csv"]) writeFileSync(path.join(dir, f), "");
    expect(findCompanion(path.join(dir, "sdn.csv"), "alt")).toBe(path.join(dir, "alt.csv"));
    const dir2 = mkdtempSync(path.join(tmpdir(), "assay-ofac-"));
    for (const f of ["ofac_sdn_2024-05-03.csv", "ofac_alt_2026-06.csv", "ofac_add_2026-06.csv"])
      writeFileSync(path.join(dir2, f), "");
    expect(findCompanion(path.join(dir2, "ofac_sdn_2024-05-03.csv"), "add")).toBe(
      path.join(dir2, "ofac_add_2026-06.csv"),
    );
  });
});

describe("parseUkSanctions / parseEuSanctions (generated files)", () => {
  it("reads UK designations with type, regime programme, regime country and date", () => {
    const { entries } = parseUkSanctions("uk.csv", UK);
    expect(
      entries.map((e) => [e.id, e.type, e.programs[0], e.countries.join(), e.countriesFromAddress, e.designated]),
    ).toEqual([
      ["RUS2007", "entity", "UK Russia", "RU", false, "2023-11-08"],
      ["RUS0001", "individual", "UK Russia", "RU", false, "2022-03-01"],
      ["RUS2352", "vessel", "UK Russia", "RU", false, "2024-11-25"],
    ]);
  });

  it("groups EU rows by Entity_LogicalId into names, programmes and address countries", () => {
    const parsed = parseEuSanctions("eu.csv", EU);
    expect(parsed.vintage).toBe("2026-06-01");
    const ural = parsed.entries.find((e) => e.id === "13")!;
    expect(ural).toMatchObject({
      type: "entity",
      name: "Joint Stock Company Uralelektromed",
      programs: ["EU RUS"],
      countries: ["RU"],
      countriesFromAddress: true,
      designated: "2023-06-23",
    });
    expect(ural.aliases.map((a) => a.name)).toEqual(["АО «Уралэлектромедь»", "Uralelectromed JSC"]);
    expect(parsed.entries.find((e) => e.id === "20")!.type).toBe("individual");
    expect(parsed.entries.find((e) => e.id === "31")!.countries).toEqual([]);
  });

  it("rejects a semicolon file without the EU columns, naming the file", () => {
    expect(() => parseEuSanctions("x.csv", "a;b\n1;2")).toThrowErrorMatchingInlineSnapshot(
      `[IngestError: x.csv: missing Entity_LogicalId or NameAlias_WholeName column (expected the EU consolidated list CSV)]`,
    );
  });
});

describe("reference add: detection, versioned loads and change alerts", () => {
  it("detects each list kind, stores loads with vintage and reports smelters newly designated and delisted", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "assay-lists-"));
    const v1 = path.join(dir, "2024"),
      v2 = path.join(dir, "2026");
    mkdirSync(v1);
    mkdirSync(v2);
    writeFileSync(path.join(v1, "sdn_2024-05-03.csv"), SDN.replace(/^44088.*$/m, ""));
    writeFileSync(path.join(v1, "alt_2024-05-03.csv"), "");
    writeFileSync(path.join(v2, "sdn_2026-06-01.csv"), SDN);
    writeFileSync(path.join(v2, "alt_2026-06-01.csv"), ALT);
    writeFileSync(path.join(v2, "add_2026-06-01.csv"), ADD);
    writeFileSync(path.join(dir, "UK_Sanctions_List.csv"), UK);
    writeFileSync(path.join(dir, "20260601-FULL-1_1.csv"), EU);
    expect(detectReferenceKind(path.join(v2, "sdn_2026-06-01.csv"))?.kind).toBe("ofac-sdn");
    expect(detectReferenceKind(path.join(v2, "alt_2026-06-01.csv"))).toBeNull();
    expect(detectReferenceKind(path.join(dir, "UK_Sanctions_List.csv"))?.kind).toBe("uk-sanctions");
    expect(detectReferenceKind(path.join(dir, "20260601-FULL-1_1.csv"))?.kind).toBe("eu-sanctions");
    await withDatabase(async (db) => {
      // What `assay reference add` and the build do: load the file, then report what the new load changes.
      const add = async (file: string) => reportListChanges(db, await addReferenceFile(db, file));
      const first = await add(path.join(v1, "sdn_2024-05-03.csv"));
      expect(first.rows).toBe(2);
      const second = await add(path.join(v2, "sdn_2026-06-01.csv"));
      expect(
        second.issues?.some((i) => /newly designated: JSC Uralelectromed \(CID000929, Gold\) ~ OFAC SDN 44088/.test(i)),
        JSON.stringify(second.issues),
      ).toBe(true);
      const again = await add(path.join(v2, "sdn_2026-06-01.csv"));
      expect(again.loadId).toBeNull();
      const back = await add(path.join(v1, "sdn_2024-05-03.csv"));
      expect(back.issues?.some((i) => /^delisted: JSC Uralelectromed/.test(i))).toBe(true);
      const loads = await db.all<{ kind: string; vintage: string }>(
        "SELECT kind, CAST(vintage AS VARCHAR) AS vintage FROM reference_loads ORDER BY load_id",
      );
      expect(loads).toEqual([
        { kind: "ofac-sdn", vintage: "2024-05-03" },
        { kind: "ofac-sdn", vintage: "2026-06-01" },
        { kind: "ofac-sdn", vintage: "2024-05-03" },
      ]);
      const changes = await db.all<{ change: string; cid: string }>(
        "SELECT change, cid FROM sanctions_changes ORDER BY load_id",
      );
      expect(changes).toEqual([
        { change: "designated", cid: "CID000929" },
        { change: "delisted", cid: "CID000929" },
      ]);
      await addReferenceFile(db, path.join(dir, "UK_Sanctions_List.csv"));
      await addReferenceFile(db, path.join(dir, "20260601-FULL-1_1.csv"));
      const current = await readSanctionsEntries(db);
      expect(new Set(current.map((e) => e.list))).toEqual(
        new Set(["OFAC SDN", "UK Sanctions List", "EU Consolidated"]),
      );
    });
  }, 60_000);
});

describe.skipIf(!existsSync(path.join(sharedDir, "reference/sanctions")))(
  "the real published files in ../shared",
  () => {
    it("parse completely: OFAC SDN 2024-05-03 with June 2026 aliases and addresses, UK list 2025-08-11", () => {
      const entries = shippedEntries(path.join(sharedDir, "reference/sanctions"));
      const ofac = entries.filter((e) => e.list === "OFAC SDN");
      const uk = entries.filter((e) => e.list === "UK Sanctions List");
      expect(ofac.length).toBe(14965);
      expect(uk.length).toBeGreaterThan(5000);
      expect(ofac.filter((e) => e.type === "entity").length).toBeGreaterThan(6000);
      expect(ofac.find((e) => e.id === "22325")).toMatchObject({
        name: "KOREA ZINC INDUSTRIAL GROUP",
        programs: ["DPRK3"],
        countries: ["KP", "CN"],
      });
      expect(uk.find((e) => e.id === "RUS2007")).toMatchObject({
        name: "JSC Krastsvetmet",
        type: "entity",
        countries: ["RU"],
      });
    });
  },
);
