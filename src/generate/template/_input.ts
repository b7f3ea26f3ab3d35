import type { Answer, CompanyAnswer, CompanyInfo, MineRow, ProductRow, SmelterRow } from "../../rmi/declaration.ts";

type Loose<T> = { [K in keyof T]?: T[K] | null | undefined };

/** A Declaration-shaped object where every field may be missing (missing means an empty cell). */
export interface TemplateInput {
  company?: Loose<CompanyInfo>;
  /** EMRT 2.x: the minerals selected on the Declaration (D12:G13). Default: all six. */
  minerals?: readonly string[];
  answers?: ReadonlyArray<Loose<Answer>>;
  companyAnswers?: ReadonlyArray<Loose<CompanyAnswer>>;
  smelters?: ReadonlyArray<Loose<SmelterRow>>;
  products?: ReadonlyArray<Loose<ProductRow> & { requesterNumber?: string | null; requesterName?: string | null }>;
  mines?: ReadonlyArray<Loose<MineRow>>;
}

/** Real-world defects a reader must survive (DOMAIN.md §5.1); all off by default. */
export interface TemplateDefects {
  /** Effective date typed as text ("02-May-2024") in the date-formatted cell. */
  effectiveDateAsText?: boolean;
  /** Smelter List column A left empty: the CID only in column F. */
  cidOnlyInF?: boolean;
  /** Looked-up cells pasted as values: literal 0 where the look-up was empty (street, source, contact, mine). */
  pastedZeros?: boolean;
  /** Tabs, CR/LF and U+3000 ideographic spaces in company fields and smelter comments. */
  whitespaceNoise?: boolean;
  /** Number of template rows deleted at the end of the Smelter List (the sheet ends early). */
  deletedRows?: number;
  /** E-mails written as hyperlink cells ({text, hyperlink: "mailto:…"}). */
  hyperlinkEmails?: boolean;
  /** CIDs spelled "CID 000801" (with a space) in the input column A. */
  spacedCids?: boolean;
}

export interface WriteTemplateOptions {
  template: "CMRT" | "EMRT";
  version: string;
  /** Fill the Smelter List to its last row with helper formulas, as a saved real template is (~1 MB). */
  realSize?: boolean;
  defects?: TemplateDefects;
  /** Pinned workbook timestamps (ISO); default 2025-01-01. Keeps output byte-identical. */
  timestamp?: string;
  /** docProps author; default "Assay". */
  creator?: string;
}

/** "Q1", "1", "q1)" → 1; null when no number. */
export function questionNumber(question: string | null | undefined): number | null {
  const m = /(\d+)/.exec(question ?? "");
  return m ? Number(m[1]) : null;
}

/** "A", "QA", "A." → "A"; null when no letter. */
export function questionLetter(question: string | null | undefined): string | null {
  const m = /([A-Ja-j])\W*$/.exec((question ?? "").trim());
  return m ? m[1]!.toUpperCase() : null;
}
