import { z } from "zod";

// The contract printed by `assay check --json` (issue #3). Other tools rely on these field names.

export const TemplateFamily = z.enum(["CMRT", "EMRT", "CRT", "AMRT"]);
export type TemplateFamily = z.infer<typeof TemplateFamily>;

export const DeclarationScope = z.enum(["Company", "Product", "User defined"]);
export type DeclarationScope = z.infer<typeof DeclarationScope>;

const text = z.string().nullable();

export const CompanyInfo = z.object({
  name: text,
  scope: DeclarationScope.nullable(),
  scopeDescription: text,
  uniqueId: text,
  uniqueIdAuthority: text,
  address: text,
  contactName: text,
  contactEmail: text,
  contactPhone: text,
  authorizer: text,
  authorizerTitle: text,
  authorizerEmail: text,
  authorizerPhone: text,
  /** ISO date YYYY-MM-DD. */
  effectiveDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
});
export type CompanyInfo = z.infer<typeof CompanyInfo>;

export const Answer = z.object({
  question: z.string(),
  /** What the question asks in this template and version (src/rmi/questions.ts), e.g. "response-share"; null when unmapped. */
  meaning: z.string().nullable(),
  mineral: z.string(),
  answer: text,
  comment: text,
});
export type Answer = z.infer<typeof Answer>;

export const CompanyAnswer = z.object({
  question: z.string(),
  /** What the company question asks in this template and version, e.g. "corrective-action"; null when unmapped. */
  meaning: z.string().nullable(),
  mineral: z.string().nullable(),
  answer: text,
  comment: text,
});
export type CompanyAnswer = z.infer<typeof CompanyAnswer>;

export const SmelterRow = z.object({
  row: z.number().int(),
  metal: text,
  lookupName: text,
  name: text,
  country: text,
  /** Normalised CID (CID + 6 digits), a legacy ID as written, or null. */
  cid: text,
  idSource: text,
  street: text,
  city: text,
  state: text,
  contactName: text,
  contactEmail: text,
  nextSteps: text,
  mineNames: text,
  mineCountries: text,
  recycledScrap: text,
  comments: text,
});
export type SmelterRow = z.infer<typeof SmelterRow>;

export const ProductRow = z.object({
  row: z.number().int(),
  number: text,
  name: text,
  comments: text,
});
export type ProductRow = z.infer<typeof ProductRow>;

export const MineRow = z.object({
  row: z.number().int(),
  metal: text,
  smelterName: text,
  name: text,
  mineId: text,
  idSource: text,
  country: text,
  comments: text,
});
export type MineRow = z.infer<typeof MineRow>;

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

export const Finding = z.object({
  severity: Severity,
  code: z.string(),
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
  message: z.string(),
});
export type Finding = z.infer<typeof Finding>;

export const Declaration = z.object({
  file: z.string(),
  template: TemplateFamily,
  version: z.string(),
  company: CompanyInfo,
  minerals: z.array(z.string()),
  answers: z.array(Answer),
  companyAnswers: z.array(CompanyAnswer),
  smelters: z.array(SmelterRow),
  products: z.array(ProductRow),
  mines: z.array(MineRow),
  findings: z.array(Finding),
});
export type Declaration = z.infer<typeof Declaration>;
