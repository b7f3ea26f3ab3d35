import type { z } from "zod";
import type { Database, SqlValue } from "../db/database.ts";
import { DECLARATIONS_AS_OF } from "../periods/declarations-as-of.ts";
import { BomLine, DeclarationFinding, DeclarationRef, OutreachEvent, Supplier } from "./inputs.ts";

export interface EngagementInputs {
  suppliers: Supplier[];
  events: OutreachEvent[];
  declarations: DeclarationRef[];
  bomLines: BomLine[];
  /** Rows that failed validation, named by table and key, and tables that were not found. */
  warnings: string[];
}

type Row = Record<string, unknown>;
const text = (v: unknown): string | null => (v === null || v === undefined || String(v).trim() === "" ? null : String(v).trim());
const day = (v: unknown): string | null => text(v)?.slice(0, 10) ?? null;

/** The first of `names` the table has, as an SQL expression aliased to `alias` (NULL when none). */
function pick(columns: Set<string>, alias: string, ...names: string[]): string {
  const found = names.find((n) => columns.has(n));
  return found ? `"${found}" AS ${alias}` : `NULL AS ${alias}`;
}

/**
 * Reads the supplier master, outreach log, declarations with their findings, and BOM lines. Tables written by
 * other stages are read by their documented names; optional columns are picked when present. A missing table
 * gives an empty list and a warning, so `assay status` works before anything else has been loaded.
 */
export async function gatherEngagementInputs(db: Database, options: { asOf?: string } = {}): Promise<EngagementInputs> {
  const tables = new Set(await db.tableNames());
  const warnings: string[] = [];
  const columnsOf = async (table: string) =>
    new Set((await db.all<{ c: string }>("SELECT column_name AS c FROM information_schema.columns WHERE table_name = ?", [table])).map((r) => r.c));
  const read = async (table: string, build: (cols: Set<string>) => string, params?: Record<string, SqlValue>): Promise<Row[]> => {
    if (!tables.has(table)) {
      warnings.push(`table ${table} not found (load it first)`);
      return [];
    }
    return db.all<Row>(build(await columnsOf(table)), params);
  };
  const parse = <S extends z.ZodType>(schema: S, rows: Row[], map: (r: Row) => unknown, label: (r: Row) => string): z.infer<S>[] => {
    const out: z.infer<S>[] = [];
    for (const r of rows) {
      const result = schema.safeParse(map(r));
      if (result.success) out.push(result.data);
      else warnings.push(`${label(r)}: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    }
    return out;
  };

  const supplierRows = await read("suppliers", (c) =>
    `SELECT supplier_id, name, ${pick(c, "country", "country")}, ${pick(c, "commodity", "commodity")}, ${pick(c, "annual_spend", "annual_spend")},
       ${pick(c, "contact_name", "contact_name")}, ${pick(c, "contact_email", "contact_email")}, ${pick(c, "unique_id", "duns", "unique_id")},
       ${pick(c, "declaration_name", "declaration_name")}
     FROM suppliers ORDER BY supplier_id`,
  );
  const suppliers = parse(Supplier, supplierRows, (r) => ({
    supplierId: text(r.supplier_id),
    name: text(r.name) ?? String(r.supplier_id),
    country: text(r.country),
    commodity: text(r.commodity),
    annualSpend: typeof r.annual_spend === "number" && Number.isFinite(r.annual_spend) ? r.annual_spend : null,
    contactName: text(r.contact_name),
    contactEmail: text(r.contact_email),
    uniqueId: text(r.unique_id),
    declarationName: text(r.declaration_name),
  }), (r) => `suppliers ${String(r.supplier_id)}`);

  const eventRows = await read("outreach_events", (c) =>
    `SELECT supplier_id, CAST(${c.has("event_date") ? "event_date" : '"date"'} AS VARCHAR) AS date, ${pick(c, "channel", "channel")}, ${pick(c, "contact", "contact")},
       event, ${pick(c, "note", "note")}, ${pick(c, "campaign", "campaign", "period")}, ${pick(c, "source", "source")}, ${pick(c, "line", "line")}
     FROM outreach_events ORDER BY date, ${c.has("line") ? "line" : "supplier_id"}`,
  );
  const events = parse(OutreachEvent, eventRows, (r) => ({
    supplierId: text(r.supplier_id),
    date: day(r.date),
    channel: text(r.channel),
    contact: text(r.contact),
    event: text(r.event)?.toLowerCase(),
    note: text(r.note),
    campaign: text(r.campaign),
  }), (r) => `outreach_events ${text(r.source) ?? ""}${r.line ? `:${String(r.line)}` : ""} (${String(r.supplier_id)})`);

  // Current on the as-of date (a past period's rebuild must not count declarations sent later), else today's flag.
  const declColumns = tables.has("declarations") ? await columnsOf("declarations") : new Set<string>();
  const dated = options.asOf !== undefined && ["supplier_key", "scope_key", "effective_date", "received_at"].every((k) => declColumns.has(k));
  const current = dated ? `declaration_id IN (SELECT declaration_id FROM (${DECLARATIONS_AS_OF}))` : declColumns.has("is_current") ? "is_current" : "true";
  const declRows = await read("declarations", (c) =>
    `SELECT CAST(declaration_id AS VARCHAR) AS declaration_id, ${pick(c, "supplier_id", "supplier_id", "supplier_key")}, ${pick(c, "company_name", "company_name")},
       ${pick(c, "unique_id", "unique_id", "company_unique_id")}, ${pick(c, "template", "template", "family")}, ${pick(c, "version", "version", "template_version")},
       CAST(${c.has("effective_date") ? "effective_date" : "NULL"} AS VARCHAR) AS effective_date,
       CAST(${c.has("received_date") ? "received_date" : c.has("received_at") ? "received_at" : "NULL"} AS VARCHAR) AS received_date,
       ${current} AS is_current, ${pick(c, "file", "file", "path", "file_name")}
     FROM declarations ORDER BY declaration_id`,
    dated ? { asOf: options.asOf! } : undefined,
  );
  const findingRows = tables.has("findings")
    ? await db.all<Row>(`SELECT CAST(declaration_id AS VARCHAR) AS declaration_id, lower(severity) AS severity, code, sheet, cell, message FROM findings`)
    : [];
  const findingsBy = new Map<string, DeclarationFinding[]>();
  for (const r of findingRows) {
    const parsed = DeclarationFinding.safeParse({ severity: text(r.severity), code: text(r.code) ?? "", sheet: text(r.sheet), cell: text(r.cell), message: text(r.message) ?? "" });
    if (!parsed.success) {
      warnings.push(`findings ${String(r.declaration_id)}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      continue;
    }
    const id = String(r.declaration_id);
    const list = findingsBy.get(id) ?? [];
    list.push(parsed.data);
    findingsBy.set(id, list);
  }
  const declarations = parse(DeclarationRef, declRows, (r) => ({
    declarationId: text(r.declaration_id),
    file: text(r.file),
    supplierId: text(r.supplier_id),
    companyName: text(r.company_name),
    uniqueId: text(r.unique_id),
    template: text(r.template),
    version: text(r.version),
    effectiveDate: validDay(r.effective_date),
    receivedDate: validDay(r.received_date),
    isCurrent: r.is_current !== false,
    findings: findingsBy.get(String(r.declaration_id)) ?? [],
  }), (r) => `declarations ${String(r.declaration_id)}`);

  const bomRows = await read("bom_lines", (c) => `SELECT DISTINCT product_id, ${pick(c, "product_name", "product_name")}, supplier_id FROM bom_lines ORDER BY 1, 3`);
  const bomLines = parse(BomLine, bomRows, (r) => ({ productId: text(r.product_id), productName: text(r.product_name), supplierId: text(r.supplier_id) }), (r) => `bom_lines ${String(r.product_id)}`);

  return { suppliers, events, declarations, bomLines, warnings };
}

/** A stored date, or null when it is not a real calendar day (declarations may carry nonsense dates). */
function validDay(v: unknown): string | null {
  const d = day(v);
  return d !== null && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)) ? d : null;
}
