import { z } from "zod";
import { isIsoDate } from "./_dates.ts";

// The explicit inputs of the pure engagement layer. gather.ts reads them from DuckDB; tests write them inline.

export const IsoDate = z.string().refine(isIsoDate, "a date YYYY-MM-DD");

export const Supplier = z.object({
  supplierId: z.string().min(1),
  name: z.string(),
  country: z.string().nullable().default(null),
  commodity: z.string().nullable().default(null),
  /** Annual spend in the master's currency; null when unknown. */
  annualSpend: z.number().nullable().default(null),
  contactName: z.string().nullable().default(null),
  contactEmail: z.string().nullable().default(null),
  /** DUNS, LEI, tax number or the ID the supplier puts in its declaration's Unique ID cell. */
  uniqueId: z.string().nullable().default(null),
  /** The company name the supplier uses in its declarations, when it differs from the master's name. */
  declarationName: z.string().nullable().default(null),
});
export type Supplier = z.infer<typeof Supplier>;
export type SupplierInput = z.input<typeof Supplier>;

export const OutreachEventKind = z.enum([
  "requested",
  "reminder",
  "escalated",
  "bounced",
  "responded-no-data",
  "response-received",
]);
export type OutreachEventKind = z.infer<typeof OutreachEventKind>;

export const OutreachEvent = z.object({
  supplierId: z.string().min(1),
  date: IsoDate,
  channel: z.string().nullable().default(null),
  /** The person or address the event concerns; requests to different contacts count towards delinquency. */
  contact: z.string().nullable().default(null),
  event: OutreachEventKind,
  note: z.string().nullable().default(null),
  /** Explicit campaign (reporting period) label; when null the event belongs to the campaign whose window holds its date. */
  campaign: z.string().nullable().default(null),
});
export type OutreachEvent = z.infer<typeof OutreachEvent>;
export type OutreachEventInput = z.input<typeof OutreachEvent>;

export const DeclarationFinding = z.object({
  severity: z.enum(["error", "warning", "info"]),
  code: z.string(),
  sheet: z.string().nullable().default(null),
  cell: z.string().nullable().default(null),
  message: z.string(),
});
export type DeclarationFinding = z.infer<typeof DeclarationFinding>;

/** One ingested declaration as engagement sees it. */
export const DeclarationRef = z.object({
  declarationId: z.string().min(1),
  file: z.string().nullable().default(null),
  /** Supplier id assigned at ingest (e.g. from the inbox folder), when known. */
  supplierId: z.string().nullable().default(null),
  companyName: z.string().nullable().default(null),
  uniqueId: z.string().nullable().default(null),
  template: z.string().nullable().default(null),
  version: z.string().nullable().default(null),
  effectiveDate: IsoDate.nullable().default(null),
  /** When the file arrived (ingest date or file date); stands in for the response date. */
  receivedDate: IsoDate.nullable().default(null),
  isCurrent: z.boolean().default(true),
  findings: z.array(DeclarationFinding).default([]),
});
export type DeclarationRef = z.infer<typeof DeclarationRef>;
export type DeclarationRefInput = z.input<typeof DeclarationRef>;

export const BomLine = z.object({
  productId: z.string().min(1),
  productName: z.string().nullable().default(null),
  supplierId: z.string().min(1),
});
export type BomLine = z.infer<typeof BomLine>;
