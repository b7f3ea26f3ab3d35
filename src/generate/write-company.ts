import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { SyntheticCompany } from "./generate-company.ts";
import { toCsv as writeCsv } from "../text/csv.ts";
import { writeInPool } from "./write-pool.ts";
import type { ResponseJob } from "./write-response.ts";

export interface InboxEntry {
  file: string;
  supplierId: string | null;
  template: string | null;
  version: string | null;
  effectiveDate: string | null;
  features: string[];
  superseded: boolean;
  smelterRows: number;
  cids: string[];
  typedNames: string[];
  /** For copies and non-workbooks: what the entry is. */
  note?: string;
}

export interface WriteCompanyResult {
  outDir: string;
  files: number;
  bytes: number;
  inbox: InboxEntry[];
}

/** Fixture CSV: written as a supplier's system would, so hostile cells stay hostile (not neutralised). */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return writeCsv(header, rows, { neutralize: false, eol: "\n" });
}

/**
 * Writes the company to `outDir`: suppliers.csv, boms.csv, outreach.csv, inbox/*.xlsx (plus one duplicate copy
 * and one corrupt upload) and manifest.json describing every inbox file. Existing inbox files are replaced.
 * Workbooks are written on worker threads (`concurrency`, default one per core); the bytes do not depend on it.
 */
export async function writeCompany(
  company: SyntheticCompany,
  outDir: string,
  options: { realSize?: boolean; concurrency?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<WriteCompanyResult> {
  const inboxDir = join(outDir, "inbox");
  mkdirSync(inboxDir, { recursive: true });
  for (const f of readdirSync(inboxDir)) rmSync(join(inboxDir, f), { force: true });
  let bytes = 0;
  const write = (path: string, data: string | Buffer) => {
    writeFileSync(path, data);
    bytes += typeof data === "string" ? Buffer.byteLength(data) : data.length;
  };

  write(
    join(outDir, "suppliers.csv"),
    toCsv(
      [
        "supplier_id",
        "name",
        "country",
        "commodity",
        "annual_spend",
        "contact_name",
        "contact_email",
        "duns",
        "declaration_name",
      ],
      company.suppliers.map((s) => [
        s.id,
        s.name,
        s.country,
        s.commodity.name,
        s.annualSpend,
        s.contactName,
        s.contactEmail,
        s.duns,
        s.declarationName,
      ]),
    ),
  );
  write(
    join(outDir, "boms.csv"),
    toCsv(
      ["product_id", "product_name", "part_number", "part_name", "supplier_id"],
      company.bom.map((b) => [b.product_id, b.product_name, b.part_number, b.part_name, b.supplier_id]),
    ),
  );
  write(
    join(outDir, "outreach.csv"),
    toCsv(
      ["supplier_id", "date", "channel", "contact", "event", "note"],
      company.outreach.map((e) => [e.supplier_id, e.date, e.channel, e.contact, e.event, e.note]),
    ),
  );

  const inbox: InboxEntry[] = [];
  const names = new Set<string>();
  const jobs: ResponseJob[] = company.responses.map((response, index) => {
    let name = response.fileName;
    for (let k = 2; names.has(name); k++) name = response.fileName.replace(/\.xlsx$/, ` (${k}).xlsx`);
    names.add(name);
    return {
      index,
      path: join(inboxDir, name),
      plan: response.plan,
      seed: company.seed,
      year: company.year,
      realSize: options.realSize === true,
    };
  });
  const written = await writeInPool(jobs, { concurrency: options.concurrency, onDone: options.onProgress });
  let first: { name: string; data: Buffer; entry: InboxEntry } | null = null;
  for (const [i, response] of company.responses.entries()) {
    const { plan } = response;
    const w = written[i]!;
    const name = basename(jobs[i]!.path);
    bytes += w.bytes;
    const entry: InboxEntry = {
      file: name,
      supplierId: response.supplierId,
      template: plan.template,
      version: plan.version,
      effectiveDate:
        plan.features.has("missing-fields") || plan.features.has("blank-declaration") ? null : plan.effectiveDate,
      features: [...plan.features, ...(plan.rollUp ? ["roll-up"] : [])].sort(),
      superseded: response.superseded,
      smelterRows: w.smelterRows,
      cids: w.cids,
      typedNames: w.typedNames,
    };
    inbox.push(entry);
    if (!first && plan.template === "CMRT" && !response.superseded)
      first = { name, data: readFileSync(jobs[i]!.path), entry };
  }
  if (first) {
    // The same workbook forwarded twice under another name: content-hash deduplication must catch it.
    const copy = first.name.replace(/\.xlsx$/, " - Copy.xlsx");
    write(join(inboxDir, copy), first.data);
    inbox.push({ ...first.entry, file: copy, note: `byte-identical copy of ${first.name}` });
    // An upload cut short: a zip that ends mid-stream.
    write(join(inboxDir, "upload-interrupted.xlsx"), first.data.subarray(0, Math.floor(first.data.length / 3)));
    inbox.push({
      file: "upload-interrupted.xlsx",
      supplierId: null,
      template: null,
      version: null,
      effectiveDate: null,
      features: [],
      superseded: false,
      smelterRows: 0,
      cids: [],
      typedNames: [],
      note: "truncated workbook (corrupt zip)",
    });
  }
  write(
    join(inboxDir, "scanned-declaration.pdf"),
    "%PDF-1.4\n% not a workbook: a supplier sent a scanned letter instead of a template\n%%EOF\n",
  );
  inbox.push({
    file: "scanned-declaration.pdf",
    supplierId: null,
    template: null,
    version: null,
    effectiveDate: null,
    features: [],
    superseded: false,
    smelterRows: 0,
    cids: [],
    typedNames: [],
    note: "not a workbook",
  });

  const outcomes = Object.fromEntries([...company.outcomes].sort(([a], [b]) => a.localeCompare(b)));
  const manifest = {
    company: company.name,
    year: company.year,
    seed: company.seed,
    suppliers: company.suppliers.length,
    products: company.products.length,
    outcomes,
    inbox,
  };
  write(join(outDir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  return { outDir, files: inbox.length + 4, bytes, inbox };
}
