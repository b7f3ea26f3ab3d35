/**
 * What each RMI template question means, per template family and version (DOMAIN.md §10, checked against the
 * official blanks' English labels in test/rmi/questions.test.ts). The reader stores a `meaning` with every answer;
 * scoring, the roll-up, the drafts and the site key on the meaning, never on a question number or letter.
 */

/** Per-mineral questions (1–8). */
export const QUESTION_MEANINGS = [
  "intentionally-added",
  "remains-in-product",
  "covered-countries",
  "cahra",
  "recycled-scrap",
  "response-share",
  "all-smelters-identified",
  "all-info-reported",
  /** CMRT 2.x Q6: all smelters validated as compliant to the CFS programme. */
  "all-smelters-validated",
] as const;
export type QuestionMeaning = (typeof QUESTION_MEANINGS)[number];

/** Company-level questions (A–J). */
export const COMPANY_MEANINGS = [
  "policy",
  "policy-public",
  "require-validated-smelters",
  "due-diligence-measures",
  "survey-suppliers",
  "review-suppliers",
  "corrective-action",
  "sec-eu-filer",
  /** CMRT ≤ 5.x C: "Do you require your direct suppliers to be DRC conflict-free?" */
  "require-drc-conflict-free",
  /** CMRT 2.x–3.x G: "Do you request smelter names from your suppliers?" */
  "request-smelter-names",
  /** CRT B: policy covers the OECD Annex II risks and the worst forms of child labour. */
  "policy-covers-annex-ii",
  /** CRT D: suppliers must exercise OECD due diligence. */
  "require-supplier-due-diligence",
  /** CRT F: suppliers' due diligence must cover the Annex II risks and child labour. */
  "require-supplier-annex-ii",
] as const;
export type CompanyMeaning = (typeof COMPANY_MEANINGS)[number];

export type Meaning = QuestionMeaning | CompanyMeaning;

/** The questions of one template generation: number/letter → meaning. */
export interface QuestionTable {
  family: "CMRT" | "EMRT" | "CRT" | "AMRT";
  /** Versions this table holds for (documentation; `questionTable` picks by major.minor). */
  versions: string;
  questions: Readonly<Record<string, QuestionMeaning>>;
  company: Readonly<Record<string, CompanyMeaning>>;
  /** Company meanings a strong programme answers Yes to (policy, due-diligence measures, review, corrective action). */
  programme: readonly CompanyMeaning[];
}

/**
 * The strong-programme test (SC1, Allegion) was written on CMRT 5.x letters A, E, G, H, which mean policy,
 * due-diligence measures, review of suppliers' information and corrective-action management (DOMAIN §10). CMRT 6.x
 * asks the same as A, D, F, G; its H (SEC/EU filer) is no programme question.
 */
const PROGRAMME: readonly CompanyMeaning[] = [
  "policy",
  "due-diligence-measures",
  "review-suppliers",
  "corrective-action",
];

const numbered = (...m: QuestionMeaning[]) => Object.fromEntries(m.map((x, i) => [String(i + 1), x]));
const lettered = (...m: CompanyMeaning[]) => Object.fromEntries(m.map((x, i) => [String.fromCharCode(65 + i), x]));

export const CMRT_6_QUESTIONS: QuestionTable = {
  family: "CMRT",
  versions: "6.0–6.x",
  questions: numbered(
    "intentionally-added",
    "remains-in-product",
    "covered-countries",
    "cahra",
    "recycled-scrap",
    "response-share",
    "all-smelters-identified",
    "all-info-reported",
  ),
  company: lettered(
    "policy",
    "policy-public",
    "require-validated-smelters",
    "due-diligence-measures",
    "survey-suppliers",
    "review-suppliers",
    "corrective-action",
    "sec-eu-filer",
  ),
  programme: PROGRAMME,
};

/** CMRT 4.x–5.x (IPC-1755 era): no CAHRA question; company C = DRC conflict-free, I = SEC filer. */
export const CMRT_5_QUESTIONS: QuestionTable = {
  family: "CMRT",
  versions: "4.0–5.x",
  questions: numbered(
    "intentionally-added",
    "remains-in-product",
    "covered-countries",
    "recycled-scrap",
    "response-share",
    "all-smelters-identified",
    "all-info-reported",
  ),
  company: lettered(
    "policy",
    "policy-public",
    "require-drc-conflict-free",
    "require-validated-smelters",
    "due-diligence-measures",
    "survey-suppliers",
    "review-suppliers",
    "corrective-action",
    "sec-eu-filer",
  ),
  programme: PROGRAMME,
};

/** CMRT 3.x: as 4.x–5.x plus G "request smelter names"; J = subject to the SEC rule. Q5 asks "received data from all relevant suppliers". */
export const CMRT_3_QUESTIONS: QuestionTable = {
  ...CMRT_5_QUESTIONS,
  versions: "3.0–3.x",
  company: lettered(
    "policy",
    "policy-public",
    "require-drc-conflict-free",
    "require-validated-smelters",
    "due-diligence-measures",
    "survey-suppliers",
    "request-smelter-names",
    "review-suppliers",
    "corrective-action",
    "sec-eu-filer",
  ),
};

/** CMRT 2.x: Q1 "necessary", Q2 DRC or adjoining country, no remains question; Q6 all smelters CFS-validated. */
export const CMRT_2_QUESTIONS: QuestionTable = {
  ...CMRT_3_QUESTIONS,
  versions: "2.x",
  questions: numbered(
    "intentionally-added",
    "covered-countries",
    "recycled-scrap",
    "response-share",
    "all-smelters-identified",
    "all-smelters-validated",
  ),
};

export const EMRT_QUESTIONS: QuestionTable = {
  family: "EMRT",
  versions: "1.x–2.x",
  questions: numbered(
    "intentionally-added",
    "remains-in-product",
    "cahra",
    "recycled-scrap",
    "response-share",
    "all-smelters-identified",
    "all-info-reported",
  ),
  company: lettered(
    "policy",
    "policy-public",
    "require-validated-smelters",
    "due-diligence-measures",
    "survey-suppliers",
    "review-suppliers",
    "corrective-action",
  ),
  programme: PROGRAMME,
};

/** CRT 2.2x: no remains question; company A–I follow OECD Annex II wording (A = a publicly available policy). */
export const CRT_QUESTIONS: QuestionTable = {
  family: "CRT",
  versions: "2.2x",
  questions: numbered(
    "intentionally-added",
    "cahra",
    "recycled-scrap",
    "response-share",
    "all-smelters-identified",
    "all-info-reported",
  ),
  company: lettered(
    "policy-public",
    "policy-covers-annex-ii",
    "due-diligence-measures",
    "require-supplier-due-diligence",
    "require-validated-smelters",
    "require-supplier-annex-ii",
    "survey-suppliers",
    "review-suppliers",
    "corrective-action",
  ),
  programme: ["policy-public", "due-diligence-measures", "review-suppliers", "corrective-action"],
};

export const AMRT_QUESTIONS: QuestionTable = {
  family: "AMRT",
  versions: "1.x",
  questions: numbered("intentionally-added", "response-share"),
  company: {},
  programme: [],
};

const major = (version: string | null | undefined) => {
  const n = Number.parseFloat(version ?? "");
  return Number.isFinite(n) ? n : null;
};

/** The question table of a template family and version; an unknown or missing CMRT version reads as 6.x. */
export function questionTable(template: string | null | undefined, version?: string | null): QuestionTable {
  switch ((template ?? "").trim().toUpperCase()) {
    case "EMRT":
      return EMRT_QUESTIONS;
    case "CRT":
      return CRT_QUESTIONS;
    case "AMRT":
      return AMRT_QUESTIONS;
    default: {
      const v = major(version);
      if (v === null || v >= 6) return CMRT_6_QUESTIONS;
      if (v >= 4) return CMRT_5_QUESTIONS;
      if (v >= 3) return CMRT_3_QUESTIONS;
      return CMRT_2_QUESTIONS;
    }
  }
}

/** "Q6", "q 6", "6)", "6" → "6"; "A." → "A". */
export function questionKey(q: string): string {
  return q.trim().replace(/^q\s*/i, "").replace(/[.)]$/, "").trim().toUpperCase();
}

/** The meaning of a per-mineral question ("Q5", "5") in its own template and version; null when it has none. */
export function questionMeaning(
  template: string | null | undefined,
  version: string | null | undefined,
  question: string,
): QuestionMeaning | null {
  return questionTable(template, version).questions[questionKey(question)] ?? null;
}

/** The meaning of a company question letter in its own template and version; null when it has none. */
export function companyMeaning(
  template: string | null | undefined,
  version: string | null | undefined,
  letter: string,
): CompanyMeaning | null {
  return questionTable(template, version).company[questionKey(letter)] ?? null;
}

/** The question number carrying `meaning` in a table ("6"), or null when the template does not ask it. */
export function questionNumberOf(table: QuestionTable, meaning: QuestionMeaning): string | null {
  return Object.entries(table.questions).find(([, m]) => m === meaning)?.[0] ?? null;
}

/** The company-question letter carrying `meaning` in a table ("H"), or null when the template does not ask it. */
export function companyLetterOf(table: QuestionTable, meaning: CompanyMeaning): string | null {
  return Object.entries(table.company).find(([, m]) => m === meaning)?.[0] ?? null;
}

/** Short English wording of each meaning, for reasons, drafts and the site. */
export const MEANING_LABEL: Readonly<Record<Meaning, string>> = {
  "intentionally-added": "intentionally added or used",
  "remains-in-product": "remains in the product",
  "covered-countries": "sourced from the covered countries (SEC)",
  cahra: "sourced from conflict-affected and high-risk areas",
  "recycled-scrap": "100% from recycled or scrap sources",
  "response-share": "share of relevant suppliers that responded",
  "all-smelters-identified": "all smelters identified",
  "all-info-reported": "all smelter information received reported",
  "all-smelters-validated": "all smelters validated",
  policy: "responsible minerals sourcing policy",
  "policy-public": "policy publicly available",
  "require-validated-smelters": "suppliers required to source from validated smelters",
  "due-diligence-measures": "due-diligence measures implemented",
  "survey-suppliers": "relevant suppliers surveyed",
  "review-suppliers": "supplier information reviewed against expectations",
  "corrective-action": "corrective-action management",
  "sec-eu-filer": "required to file an annual conflict minerals disclosure",
  "require-drc-conflict-free": "suppliers required to be DRC conflict-free",
  "request-smelter-names": "smelter names requested from suppliers",
  "policy-covers-annex-ii": "policy covers OECD Annex II risks",
  "require-supplier-due-diligence": "suppliers required to exercise OECD due diligence",
  "require-supplier-annex-ii": "suppliers' due diligence covers OECD Annex II risks",
};
