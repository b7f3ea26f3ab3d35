import { AssayError } from "../errors.ts";
import type { CompanyMeaning } from "../rmi/questions.ts";
import { ownTable } from "./_answers.ts";
import type { DeclarationConfig, RollupCompany, RollupFamily } from "./rollup-input.ts";

export interface CompanyAnswerOut {
  /** The letter in the company's own template (CMRT 6.x A–H, EMRT 2.x A–G). */
  question: string;
  /** What it asks (src/rmi/questions.ts). */
  meaning: CompanyMeaning | null;
  mineral: string | null;
  answer: string | null;
  comment: string | null;
}

const YES_NO = ["Yes", "No"];
// Stored option texts of the company questions (DOMAIN.md §3.4, §4.2); "Yes" is accepted as the first option.
const OPTIONS: Record<RollupFamily, Record<string, string[]>> = {
  CMRT: {
    A: YES_NO,
    B: YES_NO,
    C: YES_NO,
    D: YES_NO,
    F: YES_NO,
    G: YES_NO,
    E: ["Yes, in conformance with IPC1755 (e.g., CMRT)", "Yes, using other format (describe)", "No"],
    H: ["Yes, with the SEC", "Yes, with the EU", "Yes, with the SEC and the EU", "No"],
  },
  EMRT: {
    A: YES_NO,
    B: YES_NO,
    D: YES_NO,
    F: YES_NO,
    G: YES_NO,
    C: ["Yes", "Yes, when more processors are validated", "No"],
    E: ["Yes, in conformance with IPC1755 (e.g. EMRT)", "Yes, Using Other Format (Describe)", "No"],
  },
};

function option(family: RollupFamily, letter: string, value: string, key: string): string {
  const allowed = OPTIONS[family][letter] ?? YES_NO;
  const v = value.trim().toLowerCase();
  const exact = allowed.find((a) => a.toLowerCase() === v);
  if (exact) return exact;
  // "Yes" stands for the one Yes option of E; H has several and must be spelled out.
  const yes = allowed.filter((a) => a.toLowerCase().startsWith("yes"));
  if (v === "yes" && letter === "E") return yes[0]!;
  throw new AssayError(
    `assay.config.json › ${key}: not an answer of ${family} question ${letter}: ${JSON.stringify(value)} (expected one of ${allowed.map((a) => JSON.stringify(a)).join(", ")})`,
    { code: "config", exitCode: 2 },
  );
}

/** The company-level answers (A–H CMRT; A–G with C per mineral EMRT) from the configuration. */
export function companyAnswers(
  family: RollupFamily,
  config: DeclarationConfig,
  company: RollupCompany,
  minerals: readonly string[],
): { answers: CompanyAnswerOut[]; warnings: string[] } {
  const letters = Object.keys(OPTIONS[family]).sort();
  const answers: CompanyAnswerOut[] = [];
  const warnings: string[] = [];
  const upper = Object.fromEntries(Object.entries(config.answers).map(([k, v]) => [k.toUpperCase(), v]));
  const comments = Object.fromEntries(Object.entries(config.comments).map(([k, v]) => [k.toUpperCase(), v]));
  for (const extra of Object.keys(upper)) {
    if (!letters.includes(extra))
      warnings.push(`declaration.answers.${extra}: ${family} has no company question ${extra}; ignored`);
  }
  for (const letter of letters) {
    const comment = comments[letter] ?? (letter === "B" ? (company.policyUrl ?? null) : null);
    if (family === "EMRT" && letter === "C") {
      for (const mineral of minerals) {
        const raw = config.mineralPolicy[mineral] ?? upper.C;
        answers.push({
          question: "C",
          meaning: ownTable(family).company.C ?? null,
          mineral,
          answer: raw ? option(family, "C", raw, `declaration.mineralPolicy.${mineral}`) : null,
          comment,
        });
      }
      if (minerals.length > 0 && !upper.C && Object.keys(config.mineralPolicy).length === 0)
        warnings.push("declaration.answers.C is not configured; left blank");
      continue;
    }
    const raw = upper[letter];
    if (!raw) warnings.push(`declaration.answers.${letter} is not configured; left blank`);
    answers.push({
      question: letter,
      meaning: ownTable(family).company[letter] ?? null,
      mineral: null,
      answer: raw ? option(family, letter, raw, `declaration.answers.${letter}`) : null,
      comment,
    });
  }
  return { answers, warnings };
}
