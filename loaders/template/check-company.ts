import type { Answer, CompanyAnswer, CompanyInfo, Finding } from "../../src/rmi/declaration.ts";
import type { TemplateLayout } from "../../src/rmi/layouts.ts";
import { declinesMineral } from "../../src/rmi/scope-answers.ts";
import type { CompanyRead, Located } from "./read-sections.ts";

const DECL = "Declaration";
const EMAIL = /^[^\s@,;:<>()]+@[^\s@,;:<>()]+\.[A-Za-z]{2,}$/;

const REQUIRED: readonly (keyof CompanyInfo)[] = [
  "name",
  "scope",
  "contactName",
  "contactEmail",
  "contactPhone",
  "authorizer",
  "authorizerEmail",
  "effectiveDate",
];
const LABEL: Partial<Record<keyof CompanyInfo, string>> = {
  name: "company name",
  scope: "declaration scope",
  scopeDescription: "description of scope",
  contactName: "contact name",
  contactEmail: "contact e-mail",
  contactPhone: "contact phone",
  authorizer: "authorizer",
  authorizerEmail: "authorizer e-mail",
  effectiveDate: "effective date",
};

const finding = (severity: Finding["severity"], code: string, cell: string | null, message: string): Finding => ({
  severity,
  code,
  sheet: DECL,
  cell,
  message,
});

function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** RMI Checker rows 4–12 (required company fields, "@" in e-mails) plus e-mail syntax and date freshness. */
export function checkCompany(read: CompanyRead, layout: TemplateLayout, asOf: string): Finding[] {
  const out: Finding[] = [];
  const { company } = read;
  const cell = (f: keyof CompanyInfo) => layout.company[f];
  for (const field of REQUIRED) {
    if (company[field] !== null) continue;
    if (field === "scope" && read.rawScope !== null) {
      out.push(
        finding(
          "error",
          "invalid-answer",
          cell(field),
          `declaration scope is not one of the template's options: ${read.rawScope} (expected A. Company, B. Product (or List of Products), C. User defined)`,
        ),
      );
    } else if (field === "effectiveDate" && read.invalidDate !== null) {
      out.push(
        finding(
          "error",
          "effective-date-invalid",
          cell(field),
          `effective date is not a date: ${read.invalidDate} (expected DD-MMM-YYYY)`,
        ),
      );
    } else {
      out.push(finding("error", "required-field-missing", cell(field), `required field is empty: ${LABEL[field]}`));
    }
  }
  if (company.scope === "User defined" && company.scopeDescription === null) {
    out.push(
      finding(
        "error",
        "required-field-missing",
        cell("scopeDescription"),
        "required field is empty: description of scope (scope C. User defined)",
      ),
    );
  }
  for (const field of ["contactEmail", "authorizerEmail"] as const) {
    const v = company[field];
    if (v === null) continue;
    if (!v.includes("@"))
      out.push(
        finding(
          "error",
          "email-missing-at",
          cell(field),
          `${LABEL[field]} has no "@": ${v} (expected an e-mail address)`,
        ),
      );
    else if (!EMAIL.test(v))
      out.push(
        finding(
          "warning",
          "email-invalid",
          cell(field),
          `${LABEL[field]} is not a valid e-mail address: ${v} (expected name@domain.tld)`,
        ),
      );
  }
  if (company.authorizer && /^(same|same as above|n\/?a|-)$/i.test(company.authorizer)) {
    out.push(
      finding(
        "warning",
        "authorizer-placeholder",
        cell("authorizer"),
        `authorizer must name a person: ${company.authorizer}`,
      ),
    );
  }
  const date = company.effectiveDate;
  if (date !== null) {
    if (date > asOf)
      out.push(
        finding(
          "warning",
          "effective-date-future",
          cell("effectiveDate"),
          `effective date is in the future: ${date} (as of ${asOf})`,
        ),
      );
    else if (date < addMonths(asOf, -12))
      out.push(
        finding(
          "warning",
          "effective-date-stale",
          cell("effectiveDate"),
          `effective date is more than 12 months old: ${date} (as of ${asOf})`,
        ),
      );
  }
  return out;
}

const answered = (a: Located<Answer>[], meaning: string, mineral: string) =>
  a.find((x) => x.value.meaning === meaning && x.value.mineral === mineral)?.value.answer ?? null;

// The gates: "intentionally added" (No, Not applicable, Not declaring) and, where the template asks it, "remains in product" (No).
/** Minerals for which "intentionally added" is answered and does not decline the mineral, and no other gate is "No". */
export function mineralsInScope(answers: Located<Answer>[]): string[] {
  const minerals = [...new Set(answers.map((a) => a.value.mineral))];
  return minerals.filter(
    (m) =>
      answered(answers, "intentionally-added", m) !== null &&
      !declinesMineral(answered(answers, "intentionally-added", m)) &&
      answered(answers, "remains-in-product", m) !== "No",
  );
}

/** RMI Checker rows 14–63: answers required by the Q1/Q2 gates, values from the dropdowns, the policy URL. */
export function checkAnswers(
  answers: Located<Answer>[],
  companyAnswers: Located<CompanyAnswer>[],
  layout: TemplateLayout,
): Finding[] {
  const out: Finding[] = [];
  for (const { value: a, cell } of answers) {
    const q = layout.questions.find((x) => x.id === a.question)!;
    const q1 = answered(answers, "intentionally-added", a.mineral);
    const q2 = answered(answers, "remains-in-product", a.mineral);
    const required =
      a.meaning === "intentionally-added" ||
      (a.meaning === "remains-in-product" ? !declinesMineral(q1) : !declinesMineral(q1) && q2 !== "No");
    if (a.answer === null) {
      if (required)
        out.push(finding("error", "answer-missing", cell, `question ${a.question} is unanswered for ${a.mineral}`));
      continue;
    }
    if (q.values.length > 0 && !q.values.includes(a.answer)) {
      out.push(
        finding(
          "error",
          "invalid-answer",
          cell,
          `question ${a.question} (${a.mineral}) answer is not a template option: ${a.answer} (expected ${q.values.join(", ")})`,
        ),
      );
    }
    if (a.meaning === "all-smelters-identified" && a.answer === "No") {
      out.push(
        finding(
          "warning",
          "smelters-not-all-identified",
          cell,
          `question ${a.question}: not all ${a.mineral} smelters in the supply chain are identified`,
        ),
      );
    }
    if (a.meaning === "all-info-reported" && a.answer === "No") {
      out.push(
        finding(
          "warning",
          "smelter-info-not-all-reported",
          cell,
          `question ${a.question}: not all ${a.mineral} smelter information received is reported`,
        ),
      );
    }
  }
  const inScope = mineralsInScope(answers);
  for (const { value: a, cell } of companyAnswers) {
    const q = layout.companyQuestions.find((x) => x.id === a.question)!;
    const required = a.mineral === null ? inScope.length > 0 : inScope.includes(a.mineral);
    if (a.answer === null) {
      if (required)
        out.push(
          finding(
            "error",
            "company-answer-missing",
            cell,
            `company question ${a.question}${a.mineral ? ` (${a.mineral})` : ""} is unanswered`,
          ),
        );
      continue;
    }
    if (!q.values.includes(a.answer)) {
      out.push(
        finding(
          "error",
          "invalid-answer",
          cell,
          `company question ${a.question} answer is not a template option: ${a.answer} (expected ${q.values.join(", ")})`,
        ),
      );
    }
    if (q.urlCell && a.answer === "Yes" && (a.comment ?? "").length <= 1) {
      out.push(
        finding(
          "error",
          "policy-url-missing",
          q.urlCell,
          `company question ${a.question} is Yes but no policy URL is given`,
        ),
      );
    }
  }
  return out;
}
