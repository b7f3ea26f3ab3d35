import type { Database, SqlValue } from "../../src/db/database.ts";

interface Column {
  name: string;
  type: string;
  nullable: boolean;
  hasDefault: boolean;
}

async function columns(db: Database, table: string): Promise<Column[]> {
  const rows = await db.all<{ name: string; type: string; nullable: string; def: string | null }>(
    "SELECT column_name AS name, data_type AS type, is_nullable AS nullable, column_default AS def FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
    [table],
  );
  return rows.map((r) => ({ name: r.name, type: r.type, nullable: r.nullable === "YES", hasDefault: r.def !== null }));
}

let counter = 0;

function filler(type: string, i: number): SqlValue {
  if (/INT|DOUBLE|DECIMAL|FLOAT|REAL/i.test(type)) return i;
  if (/BOOL/i.test(type)) return false;
  if (/TIMESTAMP/i.test(type)) return "2025-01-01 00:00:00";
  if (/DATE/i.test(type)) return "2025-01-01";
  if (/JSON/i.test(type)) return "{}";
  if (/\[\]/.test(type)) return [];
  return `seed-${i}-${++counter}`;
}

/**
 * Inserts rows into a table owned by another module, giving its other NOT NULL columns placeholder values,
 * so these tests follow that module's schema as it evolves.
 */
export async function seed(db: Database, table: string, rows: Record<string, SqlValue>[]): Promise<void> {
  const cols = await columns(db, table);
  if (cols.length === 0) throw new Error(`seed: table ${table} does not exist`);
  const names = cols.filter((c) => rows.some((r) => c.name in r) || (!c.nullable && !c.hasDefault)).map((c) => c.name);
  await db.insertRows(
    table,
    names,
    rows.map((r, i) =>
      names.map((n) => {
        const col = cols.find((c) => c.name === n)!;
        return n in r ? r[n]! : col.nullable || col.hasDefault ? null : filler(col.type, i + 1);
      }),
    ),
  );
}

/** The declarations and findings tables as engagement reads them, when the workbook ingest has not created them. */
export async function ensureDeclarationTables(db: Database): Promise<void> {
  const tables = new Set(await db.tableNames());
  if (!tables.has("declarations")) {
    await db.run(`CREATE TABLE declarations (declaration_id VARCHAR PRIMARY KEY, file VARCHAR, company_name VARCHAR, unique_id VARCHAR,
      template VARCHAR, version VARCHAR, effective_date DATE, is_current BOOLEAN DEFAULT true)`);
  }
  if (!tables.has("findings")) {
    await db.run(
      `CREATE TABLE findings (declaration_id VARCHAR, severity VARCHAR, code VARCHAR, sheet VARCHAR, cell VARCHAR, message VARCHAR)`,
    );
  }
}

/** A small realistic warehouse: five suppliers, an outreach log, a BOM, three declarations (one unlinkable). */
export async function seedWarehouse(db: Database): Promise<void> {
  await seed(db, "suppliers", [
    {
      supplier_id: "SUP-01",
      name: "Alder Electronics Sdn. Bhd.",
      commodity: "Electronic assemblies",
      annual_spend: 188147,
      contact_name: "Jonas Wang",
      contact_email: "jonas.wang@alder.example.my",
      source: "suppliers.csv",
      line: 2,
    },
    {
      supplier_id: "SUP-02",
      name: "Orion Circuits Co., Ltd.",
      commodity: "Printed circuit boards",
      annual_spend: 2235120,
      contact_email: "wei.lopez@orion.example.tw",
      duns: "547837437",
      source: "suppliers.csv",
      line: 3,
    },
    {
      supplier_id: "SUP-03",
      name: "Bluefin Capacitor Limited",
      commodity: "Capacitors",
      annual_spend: 268785,
      contact_email: "ravi@bluefin.example.in",
      source: "suppliers.csv",
      line: 4,
    },
    {
      supplier_id: "SUP-04",
      name: "Stellar Pallets s.r.o.",
      commodity: "Wood pallets",
      annual_spend: 938605,
      source: "suppliers.csv",
      line: 5,
    },
    {
      supplier_id: "SUP-05",
      name: "Polaris Connector K.K.",
      commodity: "Connectors",
      annual_spend: 5000,
      contact_email: "h.fischer@polaris.example.jp",
      source: "suppliers.csv",
      line: 6,
    },
  ]);
  const log: [string, string, string, string][] = [
    ["SUP-01", "2025-01-19", "requested", "jonas.wang@alder.example.my"],
    ["SUP-01", "2025-02-09", "reminder", "jonas.wang@alder.example.my"],
    ["SUP-01", "2025-03-02", "response-received", "jonas.wang@alder.example.my"],
    ["SUP-02", "2025-01-17", "requested", "wei.lopez@orion.example.tw"],
    ["SUP-02", "2025-02-07", "reminder", "wei.lopez@orion.example.tw"],
    ["SUP-02", "2025-02-28", "reminder", "sales@orion.example.tw"],
    ["SUP-02", "2025-03-18", "escalated", "purchasing manager"],
    ["SUP-03", "2025-01-13", "requested", "ravi@bluefin.example.in"],
    ["SUP-03", "2025-01-14", "bounced", "ravi@bluefin.example.in"],
    ["SUP-05", "2025-01-20", "requested", "h.fischer@polaris.example.jp"],
    ["SUP-05", "2025-02-19", "responded-no-data", "h.fischer@polaris.example.jp"],
  ];
  await seed(
    db,
    "outreach_events",
    log.map(([supplier_id, event_date, event, contact], i) => ({
      supplier_id,
      event_date,
      event,
      contact,
      channel: "email",
      source: "outreach.csv",
      line: i + 2,
    })),
  );
  await seed(db, "bom_lines", [
    {
      product_id: "PRD-1",
      product_name: "Flow meter",
      part_number: "PN-1",
      supplier_id: "SUP-01",
      source: "boms.csv",
      line: 2,
    },
    {
      product_id: "PRD-1",
      product_name: "Flow meter",
      part_number: "PN-2",
      supplier_id: "SUP-02",
      source: "boms.csv",
      line: 3,
    },
  ]);
  await ensureDeclarationTables(db);
  await seed(db, "declarations", [
    {
      declaration_id: "d-alder",
      file: "inbox/Alder_Electronics-2025-02-28.xlsx",
      company_name: "ALDER ELECTRONICS SDN BHD",
      template: "CMRT",
      version: "6.5",
      effective_date: "2025-02-28",
      is_current: true,
    },
    {
      declaration_id: "d-alder-old",
      file: "inbox/Alder_Electronics-2024-09-05.xlsx",
      company_name: "Alder Electronics Sdn. Bhd.",
      template: "CMRT",
      version: "6.4",
      effective_date: "2024-09-05",
      is_current: false,
    },
    {
      declaration_id: "d-orphan",
      file: "inbox/scan (2).xlsx",
      company_name: "Zenith Tantalum Ltd",
      template: "CMRT",
      version: "6.5",
      effective_date: "2025-04-01",
      is_current: true,
    },
  ]);
  await seed(db, "findings", [
    {
      declaration_id: "d-alder",
      severity: "warning",
      code: "policy-url",
      sheet: "Declaration",
      cell: "G77",
      message: "policy URL is prose",
    },
  ]);
}
