import { z } from "zod";

// Inputs of the pure scoring layer. gather.ts builds them from DuckDB; tests write them inline.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");

/** What the reference lists say about one country, for one mineral. */
export const CountryRisk = z.object({
  iso2: z.string().length(2),
  name: z.string(),
  covered: z.boolean(),
  /** "country" when the whole country is on the EU CAHRA list, "regions" when only some regions are. */
  cahra: z.enum(["country", "regions"]).nullable(),
  childLabour: z.boolean(),
  forcedLabour: z.boolean(),
  /** Mean WGI percentile rank (0 worst – 100 best), or null when the country has no WGI row. */
  governancePercentile: z.number().min(0).max(100).nullable(),
});
export type CountryRisk = z.infer<typeof CountryRisk>;

export const RmiStatus = z.enum(["conformant", "active", "not-participating", "removed", "not-operating", "unknown"]);
export type RmiStatus = z.infer<typeof RmiStatus>;

export const SanctionsDecision = z.enum(["hit", "review", "clear"]);
export type SanctionsDecision = z.infer<typeof SanctionsDecision>;

export const SmelterFacts = z.object({
  /** Stable identity across runs: the CID when matched, else `unmatched:<metal>:<normalised name>`. */
  key: z.string().min(1),
  cid: z.string().nullable(),
  name: z.string(),
  /** Lower-case mineral: tantalum, tin, gold, tungsten, cobalt, mica, copper, … */
  metal: z.string(),
  /** False when no supplier row could be matched to the RMI reference list. */
  matched: z.boolean(),
  status: RmiStatus,
  lastAuditDate: isoDate.nullable(),
  auditCycleMonths: z.number().int().positive().nullable(),
  reauditInProgress: z.boolean(),
  lbma: z.boolean(),
  rjc: z.boolean(),
  /** Screening decision, or null when no sanctions list was screened. */
  sanctions: SanctionsDecision.nullable(),
  sanctionsEvidence: z.string().nullable(),
  location: CountryRisk.nullable(),
  mineCountries: z.array(CountryRisk),
  recycled: z.boolean(),
  adverseFlags: z.array(z.string()),
});
export type SmelterFacts = z.infer<typeof SmelterFacts>;

export const FindingCounts = z.object({ error: z.number().int().min(0), warning: z.number().int().min(0) });
export type FindingCounts = z.infer<typeof FindingCounts>;

/** The supplier's latest declaration, reduced to what scoring reads, keyed by question meaning. */
export const DeclarationFacts = z.object({
  declarationId: z.string(),
  template: z.string(),
  effectiveDate: isoDate.nullable(),
  /** Minerals the declaration puts in scope (Q1/Q2 not No). */
  mineralsInScope: z.array(z.string()),
  /** Minerals with a definite Q1 answer (Yes or No); empty with no smelters = a declaration without data. */
  mineralsAnswered: z.array(z.string()).optional(),
  findings: FindingCounts,
  /** Company questions by meaning (src/rmi/questions.ts, e.g. "corrective-action") → the stored answer text. */
  programme: z.record(z.string(), z.string().nullable()),
  /** Meanings a strong programme must answer Yes to: policy, due-diligence measures, review, corrective action (questions.ts `programme`). */
  programmeTest: z.array(z.string()),
  /**
   * Per in-scope mineral, the origin answers by meaning: covered countries (CMRT Q3), CAHRA (CMRT Q4, EMRT Q3, CRT Q2),
   * 100% recycled or scrap (CMRT Q5, EMRT Q4, CRT Q3); null when left blank, absent when the template does not ask it.
   */
  origin: z
    .record(
      z.string(),
      z.object({
        covered: z.string().nullable().optional(),
        cahra: z.string().nullable().optional(),
        recycled: z.string().nullable().optional(),
      }),
    )
    .optional(),
  /** Per mineral, the Smelter List rows and how many of them say recycled/scrap = Yes. */
  smelterRows: z.record(z.string(), z.object({ rows: z.number().int(), recycled: z.number().int() })).optional(),
  /** The "response-share" answer per in-scope mineral. */
  surveyCoverage: z.record(z.string(), z.string().nullable()),
  /** Minerals whose "all smelters identified" or "all information reported" answer is No. */
  incompleteSmelterList: z.array(z.string()),
  smelterKeys: z.array(z.string()),
});
export type DeclarationFacts = z.infer<typeof DeclarationFacts>;

export const SupplierFacts = z.object({
  supplierId: z.string(),
  name: z.string(),
  /** Null when the supplier has not answered (non-response). */
  declaration: DeclarationFacts.nullable(),
});
export type SupplierFacts = z.infer<typeof SupplierFacts>;

export const ProductFacts = z.object({
  product: z.string(),
  /** In-scope suppliers on the product's bill of materials. */
  supplierIds: z.array(z.string()),
});
export type ProductFacts = z.infer<typeof ProductFacts>;
