import { basename } from "node:path";
import type { Database, SqlValue } from "../../src/db/database.ts";
import type { Declaration } from "../../src/rmi/declaration.ts";
import { scopeKey, supplierKey } from "./supplier-key.ts";

export interface StoredFile {
  fileHash: string;
  path: string;
  runId: number | null;
}

/** The declaration id of a file: stable across rebuilds because it derives from the content hash. */
export const declarationIdFor = (fileHash: string) => `d${fileHash.slice(0, 16)}`;

const DECLARATION_COLUMNS = [
  "declaration_id",
  "file_hash",
  "file",
  "file_name",
  "template",
  "version",
  "company_name",
  "unique_id",
  "unique_id_authority",
  "supplier_key",
  "scope",
  "scope_description",
  "scope_key",
  "address",
  "contact_name",
  "contact_email",
  "contact_phone",
  "authorizer",
  "authorizer_title",
  "authorizer_email",
  "authorizer_phone",
  "effective_date",
  "minerals",
  "error_count",
  "warning_count",
  "ingest_run",
];

/**
 * Stores declarations and all their rows: one appender pass per table for the whole batch. Call it inside a
 * transaction; a failure (e.g. a constraint) throws and the caller decides whether to retry file by file.
 */
export async function storeDeclarations(
  db: Database,
  items: readonly { declaration: Declaration; file: StoredFile }[],
): Promise<Record<string, number>> {
  const tables = new Map<string, { columns: string[]; rows: SqlValue[][] }>([
    ["declarations", { columns: DECLARATION_COLUMNS, rows: [] }],
  ]);
  for (const { declaration, file } of items) {
    tables.get("declarations")!.rows.push(declarationRow(declaration, file));
    for (const [table, columns, values] of childRows(declaration, file)) {
      const entry = tables.get(table) ?? { columns, rows: [] };
      for (const v of values) entry.rows.push(v);
      tables.set(table, entry);
    }
  }
  const stored: Record<string, number> = {};
  for (const [table, { columns, rows }] of tables) {
    await db.appendRows(table, columns, rows);
    stored[table] = rows.length;
  }
  return stored;
}

function declarationRow(d: Declaration, file: StoredFile): SqlValue[] {
  const c = d.company;
  const count = (s: string) => d.findings.filter((f) => f.severity === s).length;
  return [
    declarationIdFor(file.fileHash),
    file.fileHash,
    file.path,
    basename(file.path),
    d.template,
    d.version,
    c.name,
    c.uniqueId,
    c.uniqueIdAuthority,
    supplierKey(d),
    c.scope,
    c.scopeDescription,
    scopeKey(d),
    c.address,
    c.contactName,
    c.contactEmail,
    c.contactPhone,
    c.authorizer,
    c.authorizerTitle,
    c.authorizerEmail,
    c.authorizerPhone,
    c.effectiveDate,
    [...d.minerals],
    count("error"),
    count("warning"),
    file.runId,
  ];
}

function childRows(d: Declaration, file: StoredFile): [string, string[], SqlValue[][]][] {
  const id = declarationIdFor(file.fileHash);
  const h = file.fileHash;
  const tables: [string, string[], SqlValue[][]][] = [
    [
      "answers",
      ["question", "meaning", "mineral", "answer", "comment"],
      d.answers.map((a) => [a.question, a.meaning, a.mineral, a.answer, a.comment]),
    ],
    [
      "company_answers",
      ["question", "meaning", "mineral", "answer", "comment"],
      d.companyAnswers.map((a) => [a.question, a.meaning, a.mineral, a.answer, a.comment]),
    ],
    [
      "smelter_rows",
      [
        "row",
        "metal",
        "lookup_name",
        "name",
        "country",
        "cid",
        "id_source",
        "street",
        "city",
        "state",
        "contact_name",
        "contact_email",
        "next_steps",
        "mine_names",
        "mine_countries",
        "recycled_scrap",
        "comments",
      ],
      d.smelters.map((s) => [
        s.row,
        s.metal,
        s.lookupName,
        s.name,
        s.country,
        s.cid,
        s.idSource,
        s.street,
        s.city,
        s.state,
        s.contactName,
        s.contactEmail,
        s.nextSteps,
        s.mineNames,
        s.mineCountries,
        s.recycledScrap,
        s.comments,
      ]),
    ],
    ["products", ["row", "number", "name", "comments"], d.products.map((p) => [p.row, p.number, p.name, p.comments])],
    [
      "mines",
      ["row", "metal", "smelter_name", "name", "mine_id", "id_source", "country", "comments"],
      d.mines.map((m) => [m.row, m.metal, m.smelterName, m.name, m.mineId, m.idSource, m.country, m.comments]),
    ],
    [
      "findings",
      ["severity", "code", "sheet", "cell", "message"],
      d.findings.map((f) => [f.severity, f.code, f.sheet, f.cell, f.message]),
    ],
  ];
  return tables.map(([table, columns, rows]) => [
    table,
    ["declaration_id", "file_hash", ...columns],
    rows.map((r) => [id, h, ...r]),
  ]);
}
