import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");
const text = z.string().nullable();

export const RollupFamily = z.enum(["CMRT", "EMRT"]);
export type RollupFamily = z.infer<typeof RollupFamily>;

/** One Smelter List row of a supplier declaration, after matching. */
export const RollupSmelterRow = z.object({
  metal: text,
  cid: text,
  name: text,
  /** Smelter Look-up column (C) as written, when it differs from the name. */
  lookupName: text.default(null),
  country: text,
  /** Mine countries as written (Smelter List column O). */
  mineCountries: text.default(null),
  recycledScrap: text.default(null),
});
export type RollupSmelterRow = z.infer<typeof RollupSmelterRow>;

/** One Mine List row of a supplier declaration (EMRT 2.x, AMRT). */
export const RollupMineRow = z.object({
  metal: text,
  /** The smelter or processor sourcing from the mine, as the supplier wrote it. */
  smelterName: text,
  name: text,
  mineId: text.default(null),
  idSource: text.default(null),
  country: text,
});
export type RollupMineRow = z.infer<typeof RollupMineRow>;

export const RollupAnswer = z.object({
  question: z.string(),
  /** The reader's meaning (src/rmi/questions.ts); null for rows stored before meanings were, then derived from template and version. */
  meaning: text.default(null),
  mineral: z.string(),
  answer: text,
  comment: text.default(null),
});
export type RollupAnswer = z.infer<typeof RollupAnswer>;

/** A supplier's current declaration (the newest per supplier and template family). */
export const RollupDeclaration = z.object({
  declarationId: z.string(),
  /** CMRT, EMRT, CRT or AMRT, as read. */
  template: z.string(),
  version: z.string().default(""),
  effectiveDate: isoDate.nullable().default(null),
  answers: z.array(RollupAnswer),
  smelters: z.array(RollupSmelterRow),
  mines: z.array(RollupMineRow).default([]),
  /** A usable answer: no error findings (the engagement stage's rule). Only usable declarations count as responses. */
  usable: z.boolean().default(true),
});
export type RollupDeclaration = z.infer<typeof RollupDeclaration>;

export const RollupSupplier = z.object({
  supplierId: z.string(),
  name: z.string(),
  /** In scope in the engagement stage (counts in the response-rate denominator when asked for the family). */
  inScope: z.boolean().default(true),
  /** Templates the engagement stage requests from the supplier (CMRT, EMRT, …); null = every family. */
  templates: z.array(z.string()).nullable().default(null),
  /**
   * The engagement stage's verdict: the supplier sent a usable answer in this campaign (false for one dated before the
   * campaign, or with errors); null when the stage has not run.
   */
  answered: z.boolean().nullable().default(null),
  /** Minerals this supplier is relevant for; null = every mineral of the template. */
  minerals: z.array(z.string()).nullable().default(null),
  declarations: z.array(RollupDeclaration).default([]),
});
export type RollupSupplier = z.infer<typeof RollupSupplier>;

/** What the RMI reference says about a CID. */
export const RollupReference = z.object({
  cid: z.string(),
  metal: z.string(),
  standardName: z.string(),
  country: text,
  countryIso2: text,
  /** conformant, active, not-participating, removed, not-operating, unknown. */
  rmiStatus: z.string().default("unknown"),
  /** Conformant list: last audit (YYYY-MM-DD), audit cycle in months, "Reaudit In Progress". */
  lastAuditDate: isoDate.nullable().default(null),
  auditCycleMonths: z.number().int().positive().nullable().default(null),
  reauditInProgress: z.boolean().nullable().default(null),
  /** Vintage (YYYY-MM-DD) of the facility-status list the status comes from. */
  statusVintage: isoDate.nullable().default(null),
  /** Sanctions list entries the facility was screened a hit against (any order; ranked for output). */
  sanctions: z.array(z.object({ list: z.string(), id: z.string(), name: z.string(), program: z.string() })).default([]),
});
export type RollupReference = z.infer<typeof RollupReference>;

export const RollupCountry = z.object({
  iso2: z.string().length(2),
  /** Names that identify the country in supplier text (upper-case RMI spelling, ISO short name, …). */
  names: z.array(z.string()),
  covered: z.boolean(),
  cahra: z.boolean(),
});
export type RollupCountry = z.infer<typeof RollupCountry>;

export const RollupProduct = z.object({
  number: z.string(),
  name: text.default(null),
  supplierIds: z.array(z.string()),
});
export type RollupProduct = z.infer<typeof RollupProduct>;

const SanctionsHit = z.object({ list: z.string(), id: z.string(), name: z.string(), program: z.string() });

export const RollupInput = z.object({
  suppliers: z.array(RollupSupplier),
  /** Sanctions hits of smelters no CID identifies, by scoring's key `unmatched:<metal>:<normalised name>`. */
  reportedSanctions: z.array(z.object({ key: z.string(), hits: z.array(SanctionsHit) })).default([]),
  reference: z.array(RollupReference).default([]),
  countries: z.array(RollupCountry).default([]),
  products: z.array(RollupProduct).default([]),
});
export type RollupInput = z.infer<typeof RollupInput>;

const letter = z.string().regex(/^[A-Ha-h]$/, "a company-question letter A–H");

/**
 * EU Regulation 2017/821 applies to Union importers of 3TG ores, concentrates and metals whose annual import volume of
 * a CN code reaches the Annex I threshold. The company states both (its customs data are not in Assay).
 */
/** One CN code's annual import volume (kg) into the Union; `thresholdKg` for a code Assay's Annex I table lacks a value for. */
export const AnnexIImportConfig = z
  .object({
    cnCode: z
      .string()
      .regex(/^\s*(ex\s*)?\d{4}([\s.]?\d{2}){0,2}\s*$/i, 'a CN code such as "2609 00 00" or "26090000"'),
    kg: z.number().nonnegative(),
    description: z.string().optional(),
    thresholdKg: z.number().positive().optional(),
  })
  .strict();

export const EuImporter = z
  .object({
    /** The company imports 3TG minerals or metals into the Union (it is the declarant or on whose behalf one declares). */
    unionImporter: z.boolean().default(false),
    /** Its annual volume of at least one Annex I CN code reaches the threshold. */
    aboveAnnexIThresholds: z.boolean().default(false),
    /** Optional: the CN codes and volumes behind the statement, quoted in the report. */
    basis: z.string().optional(),
    /**
     * Optional: annual import volumes per CN code. When given, Assay compares them with Annex I itself
     * (src/exports/annex-i.ts) and `aboveAnnexIThresholds` is only reported if it disagrees.
     */
    imports: z.array(AnnexIImportConfig).optional(),
  })
  .strict();
export type EuImporter = z.infer<typeof EuImporter>;

/**
 * The `declaration` block of assay.config.json: the company's own answers to the company-level
 * questions (A–H CMRT, A–G EMRT) and the declaration's scope. Q1–Q8 are derived, not configured.
 */
export const DeclarationConfig = z
  .object({
    scope: z.enum(["Company", "Product", "User defined"]).default("Company"),
    scopeDescription: z.string().optional(),
    /** Effective date of the roll-up (YYYY-MM-DD); defaults to the as-of date. */
    effectiveDate: isoDate.optional(),
    /** Company questions by letter → answer ("Yes", "No", or the template's exact option text). */
    answers: z.record(letter, z.string().min(1)).default({}),
    /** Comments by letter (B: the policy URL; defaults to company.policyUrl). */
    comments: z.record(letter, z.string()).default({}),
    /** EMRT question C per mineral: mineral → "Yes" / "Yes, when more processors are validated" / "No". */
    mineralPolicy: z.record(z.string(), z.string()).default({}),
    /** EU 2017/821 applicability; absent = not stated (the Article 7 draft is then a not-applicable note). */
    euImporter: EuImporter.optional(),
  })
  .strict();
export type DeclarationConfig = z.infer<typeof DeclarationConfig>;

/** The company block written on the Declaration sheet (mirrors AssayConfig.company). */
export const RollupCompany = z.object({
  name: z.string(),
  uniqueId: z.string().optional(),
  uniqueIdAuthority: z.string().optional(),
  address: z.string().optional(),
  contactName: z.string().optional(),
  contactEmail: z.string().optional(),
  contactPhone: z.string().optional(),
  authorizer: z.string().optional(),
  authorizerTitle: z.string().optional(),
  authorizerEmail: z.string().optional(),
  authorizerPhone: z.string().optional(),
  policyUrl: z.string().optional(),
});
export type RollupCompany = z.infer<typeof RollupCompany>;
