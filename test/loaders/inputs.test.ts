import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBom } from "../../loaders/bom.ts";
import { loadOutreachLog } from "../../loaders/outreach-log.ts";
import { loadSupplierMaster } from "../../loaders/supplier-master.ts";
import { withDatabase } from "../../src/db/database.ts";
import { requiredText } from "../../loaders/inputs/fields.ts";
import { parseCsv } from "../../loaders/inputs/parse-csv.ts";

const dir = mkdtempSync(join(tmpdir(), "assay-inputs-"));
function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("parseCsv", () => {
  it("handles BOM, CRLF, quoted separators, quotes and newlines, and semicolons", () => {
    const parsed = parseCsv('\ufeffa;b;c\r\n1;"x;y";"say ""hi"""\r\n2;"multi\nline";\r\n\r\n3;;z');
    expect(parsed.separator).toBe(";");
    expect(parsed.header).toEqual(["a", "b", "c"]);
    expect(parsed.records).toEqual([
      { line: 2, fields: ["1", "x;y", 'say "hi"'] },
      { line: 3, fields: ["2", "multi\nline", ""] },
      { line: 6, fields: ["3", "", "z"] },
    ]);
  });
});

describe("loadSupplierMaster", () => {
  it("stores good rows, reports bad ones by file, line and column, and keeps extra columns", async () => {
    const path = csv(
      "suppliers.csv",
      [
        "supplier_id,name,country,commodity,annual_spend,contact_name,contact_email,buyer",
        'S-001,"Kessler Draht GmbH",Germany,Wire & cable,"1,250,000.50",Anna Kessler,anna@kessler.example,J. Ruiz',
        "S-002,Nordlicht Packaging AB,Sweden,Packaging,18000,,orders@nordlicht.example,",
        "S-003,,Japan,Capacitors,5000,,,",
        "S-004,Tanaka Capacitor KK,Japan,Capacitors,12k,,sales@tanaka,",
        "S-001,Kessler duplicate,Germany,,,,,",
        "",
      ].join("\r\n"),
    );
    await withDatabase(async (db) => {
      const result = await loadSupplierMaster(db, path);
      expect(result.rowsRead).toBe(5);
      expect(result.rowsStored).toBe(2);
      expect(result.errors.map((e) => e.message)).toMatchInlineSnapshot(`
        [
          "suppliers.csv:4 column name: missing value: "" (expected non-empty text)",
          "suppliers.csv:5 column annual_spend: not a number: "12k" (expected an amount such as 125000.50)",
          "suppliers.csv:5 column contact_email: invalid e-mail address: "sales@tanaka" (expected name@domain)",
          "suppliers.csv:6 column supplier_id: duplicate supplier id: "S-001" (expected unique; first on line 2)",
        ]
      `);
      const rows = await db.all(
        "SELECT supplier_id, name, annual_spend, contact_email, extra, line FROM suppliers ORDER BY 1",
      );
      expect(rows).toEqual([
        {
          supplier_id: "S-001",
          name: "Kessler Draht GmbH",
          annual_spend: 1250000.5,
          contact_email: "anna@kessler.example",
          extra: '{"buyer":"J. Ruiz"}',
          line: 2,
        },
        {
          supplier_id: "S-002",
          name: "Nordlicht Packaging AB",
          annual_spend: 18000,
          contact_email: "orders@nordlicht.example",
          extra: null,
          line: 3,
        },
      ]);
      const again = await loadSupplierMaster(db, path);
      expect(again.rowsReplaced, "reload replaces its own rows").toBe(2);
      expect(await db.scalar("SELECT count(*) FROM suppliers")).toBe(2);
    });
  });

  it("reads semicolon files with decimal commas and a BOM, and names missing header columns", async () => {
    const semi = csv("lieferanten.csv", "\ufeffSupplier ID;Name;Annual Spend\n A-9 ;Émaillerie Lyon SA;1200,50\n");
    const bad = csv("wrong.csv", "id,company\n1,x\n");
    await withDatabase(async (db) => {
      const result = await loadSupplierMaster(db, semi);
      expect(result.errors).toEqual([]);
      expect(await db.all("SELECT supplier_id, name, annual_spend FROM suppliers")).toEqual([
        { supplier_id: "A-9", name: "Émaillerie Lyon SA", annual_spend: 1200.5 },
      ]);
      await expect(loadSupplierMaster(db, bad)).rejects.toThrowErrorMatchingInlineSnapshot(
        `[IngestError: wrong.csv:1: missing columns: supplier_id, name (expected header: supplier_id,name,country,commodity,annual_spend,contact_name,contact_email,duns,declaration_name; found: id,company)]`,
      );
    });
  });
});

describe("loadBom and loadOutreachLog", () => {
  it("stores BOM lines, warns about unknown suppliers, and validates outreach events and dates", async () => {
    const suppliers = csv("s.csv", "supplier_id,name\nS-1,Alpha\nS-2,Beta\n");
    const bom = csv(
      "bom.csv",
      "product_id,product_name,part_number,part_name,supplier_id\nP-10,Drive unit,PN-1,Solder paste,S-1\nP-10,Drive unit,PN-2,Housing,S-9\nP-11,Sensor,,Cable,S-2\n",
    );
    const log = csv(
      "outreach.csv",
      "supplier_id,date,channel,contact,event,note\nS-1,2025-02-03,email,a@alpha.example,requested,\nS-1,2025-02-30,email,,reminder,\nS-2,2025-03-01,phone,,Response Received,\nS-2,2025-03-02,email,,replied,\n",
    );
    await withDatabase(async (db) => {
      await loadSupplierMaster(db, suppliers);
      const b = await loadBom(db, bom);
      expect(b.rowsStored).toBe(2);
      expect(b.errors.map((e) => e.message)).toEqual([
        'bom.csv:4 column part_number: missing value: "" (expected non-empty text)',
      ]);
      expect(b.warnings.map((e) => e.message)).toEqual([
        'bom.csv:3 column supplier_id: unknown supplier: "S-9" (expected an id from the supplier master)',
      ]);
      const o = await loadOutreachLog(db, log);
      expect(o.rowsStored).toBe(2);
      expect(o.errors.map((e) => e.message)).toMatchInlineSnapshot(`
        [
          "outreach.csv:3 column date: invalid date: "2025-02-30" (expected YYYY-MM-DD)",
          "outreach.csv:5 column event: unknown value: "replied" (expected one of requested, reminder, escalated, bounced, responded-no-data, response-received)",
        ]
      `);
      expect(
        await db.all("SELECT supplier_id, CAST(event_date AS VARCHAR) AS d, event FROM outreach_events ORDER BY line"),
      ).toEqual([
        { supplier_id: "S-1", d: "2025-02-03", event: "requested" },
        { supplier_id: "S-2", d: "2025-03-01", event: "response-received" },
      ]);
      await loadOutreachLog(db, log);
      expect(await db.scalar("SELECT count(*) FROM outreach_events"), "idempotent reload").toBe(2);
    });
  });
});

describe("requiredText", () => {
  it.each([
    ['=HYPERLINK("http://x","Acme")', true],
    ['＝HYPERLINK("http://x")', true],
    ["＠SUM(A1:A9)", true],
    ["－cmd|' /C calc'!A0", true],
    ["+Acme (Shenzhen)", true],
    ["Acme (Shenzhen) Co., Ltd.", false],
    ["-2+3", false],
  ])("%s is rejected as formula text: %s (full-width ＝＋－＠ count as the ASCII triggers)", (text, rejected) => {
    const r = requiredText.safeParse(text);
    expect(r.success).toBe(!rejected);
    if (!r.success) expect(r.error.issues[0]?.message).toMatch(/^formula text is not allowed/);
  });
});
