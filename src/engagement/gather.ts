import type { z } from "zod";
import type { Database, SqlValue } from "../db/database.ts";
import { DECLARATIONS_AS_OF } from "../periods/declarations-as-of.ts";
import { activeDecisions } from "../decisions/store.ts";
import type { LinkDecision } from "./link-declarations.ts";
import { BomLine, DeclarationFinding, DeclarationRef, OutreachEvent, Supplier } from "./inputs.ts";

export interface EngagementInputs {
  suppliers: Supplier[];
  events: OutreachEvent[];
  declarations: DeclarationRef[];
  bomLines: BomLine[];
  /** Active analyst decisions linking declarations to suppliers (decisions stage). */
  linkDecisions?: LinkDecision[];
  /** Rows that failed validation, named by table and key. */
  warnings: string[];
}

type Row = Record<string, unknown>;
const text = (v: unknown): string | null =>
  v === null || v === undefined || String(v).trim() === "" ? null : String(v).trim();
const day = (v: unknown): string | null => text(v)?.slice(0, 10) ?? null;

/**
 * Reads the supplier master, outreach log, declarations with their findings, and BOM lines (tables of
 * src/db/migrations; empty before anything has been loaded, so `assay status` works on a new warehouse).
 */
export async function gatherEngagementInputs(db: Database, options: { asOf?: string } = {}): Promise<EngagementInputs> {
  const warnings: string[] = [];
  const read = (sql: string, params?: Record<string, SqlValue>): Promise<Row[]> => db.all<Row>(sql, params);
  const parse = <S extends z.ZodType>(
    schema: S,
    rows: Row[],
    map: (r: Row) => unknown,
    label: (r: Row) => string,
  ): z.infer<S>[] => {
    const out: z.infer<S>[] = [];
    for (const r of rows) {
      const result = schema.safeParse(map(r));
      if (result.success) out.push(result.data);
      else
        warnings.push(`${label(r)}: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    }
    return out;
  };

  const supplierRows = await read(
    `SELECT supplier_id, name, country, commodity, annual_spend, contact_name, contact_email, duns AS unique_id, declaration_name
     FROM suppliers ORDER BY supplier_id`,
  );
  const suppliers = parse(
    Supplier,
    supplierRows,
    (r) => ({
      supplierId: text(r.supplier_id),
      name: text(r.name) ?? String(r.supplier_id),
      country: text(r.country),
      commodity: text(r.commodity),
      annualSpend: typeof r.annual_spend === "number" && Number.isFinite(r.annual_spend) ? r.annual_spend : null,
      contactName: text(r.contact_name),
      contactEmail: text(r.contact_email),
      uniqueId: text(r.unique_id),
      declarationName: text(r.declaration_name),
    }),
    (r) => `suppliers ${String(r.supplier_id)}`,
  );

  const eventRows = await read(
    `SELECT supplier_id, CAST(event_date AS VARCHAR) AS date, channel, contact, event, note, source, line
     FROM outreach_events ORDER BY date, line`,
  );
  const events = parse(
    OutreachEvent,
    eventRows,
    (r) => ({
      supplierId: text(r.supplier_id),
      date: day(r.date),
      channel: text(r.channel),
      contact: text(r.contact),
      event: text(r.event)?.toLowerCase(),
      note: text(r.note),
    }),
    (r) => `outreach_events ${text(r.source) ?? ""}${r.line ? `:${String(r.line)}` : ""} (${String(r.supplier_id)})`,
  );

  // Current on the as-of date (a past period's rebuild must not count declarations sent later), else today's flag.
  const current =
    options.asOf !== undefined
      ? `declaration_id IN (SELECT declaration_id FROM (${DECLARATIONS_AS_OF}))`
      : "is_current";
  const declRows = await read(
    `SELECT CAST(declaration_id AS VARCHAR) AS declaration_id, supplier_key AS supplier_id, company_name, unique_id, template, version,
       CAST(effective_date AS VARCHAR) AS effective_date, CAST(received_at AS VARCHAR) AS received_date, ${current} AS is_current, file
     FROM declarations ORDER BY declaration_id`,
    options.asOf !== undefined ? { asOf: options.asOf } : undefined,
  );
  const findingRows = await read(
    "SELECT CAST(declaration_id AS VARCHAR) AS declaration_id, lower(severity) AS severity, code, sheet, cell, message FROM findings",
  );
  const findingsBy = new Map<string, DeclarationFinding[]>();
  for (const r of findingRows) {
    const parsed = DeclarationFinding.safeParse({
      severity: text(r.severity),
      code: text(r.code) ?? "",
      sheet: text(r.sheet),
      cell: text(r.cell),
      message: text(r.message) ?? "",
    });
    if (!parsed.success) {
      warnings.push(
        `findings ${String(r.declaration_id)}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
      continue;
    }
    const id = String(r.declaration_id);
    const list = findingsBy.get(id) ?? [];
    list.push(parsed.data);
    findingsBy.set(id, list);
  }
  const declarations = parse(
    DeclarationRef,
    declRows,
    (r) => ({
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
    }),
    (r) => `declarations ${String(r.declaration_id)}`,
  );

  const bomRows = await read("SELECT DISTINCT product_id, product_name, supplier_id FROM bom_lines ORDER BY 1, 3");
  const bomLines = parse(
    BomLine,
    bomRows,
    (r) => ({ productId: text(r.product_id), productName: text(r.product_name), supplierId: text(r.supplier_id) }),
    (r) => `bom_lines ${String(r.product_id)}`,
  );

  const linkDecisions = (await activeDecisions(db, "link-declaration")).map((d) => ({
    decisionId: d.decisionId,
    declarationIds: d.targets,
    supplierId: d.value!,
  }));
  return { suppliers, events, declarations, bomLines, linkDecisions, warnings };
}

/** A stored date, or null when it is not a real calendar day (declarations may carry nonsense dates). */
function validDay(v: unknown): string | null {
  const d = day(v);
  return d !== null && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)) ? d : null;
}
