import { addDays } from "../_dates.ts";
import type { CampaignWindow } from "../campaign.ts";
import type { NextAction, SupplierEngagement } from "../engagement-status.ts";
import type { Supplier } from "../inputs.ts";
import type { OutreachConfig } from "../outreach-config.ts";

export type DraftKind = "request" | "reminder" | "escalation" | "clarification";
export const DRAFT_KINDS: readonly DraftKind[] = ["request", "reminder", "escalation", "clarification"];

export interface Draft {
  kind: DraftKind;
  supplierId: string;
  supplierName: string;
  toName: string | null;
  toEmail: string | null;
  subject: string;
  deadline: string;
  /** "CMRT 6.5", "EMRT 2.1", … */
  templates: string[];
  findings: string[];
  body: string;
}

export interface DraftContext {
  /** The `company` block of assay.config.json (the sender named in each draft). */
  company: {
    name: string;
    contactName?: string | null;
    contactEmail?: string | null;
    contactPhone?: string | null;
    policyUrl?: string | null;
  };
  outreach: OutreachConfig;
  window: CampaignWindow;
  asOf: string;
}

const ACTION_KIND: Record<NextAction, DraftKind | null> = {
  "send-request": "request",
  "fix-contact": "request",
  "send-reminder": "reminder",
  "follow-up": "reminder",
  escalate: "escalation",
  "escalate-to-another-contact": "escalation",
  "corrective-action": "escalation",
  "request-clarification": "clarification",
  "review-declaration": null,
  // The yearly update is asked for by the next campaign's request (last year's declaration does not answer it).
  "request-update": null,
};

/** The draft a supplier's next action calls for, or null (nothing to send, or an internal step). */
export function draftKindFor(e: SupplierEngagement): DraftKind | null {
  return e.inScope && e.nextAction ? ACTION_KIND[e.nextAction] : null;
}

const TEMPLATE_TITLES: Record<string, string> = {
  CMRT: "Conflict Minerals Reporting Template, for tin, tantalum, tungsten and gold (3TG)",
  EMRT: "Extended Minerals Reporting Template, for cobalt, copper, graphite, lithium, mica and nickel",
  CRT: "Cobalt Reporting Template",
  AMRT: "Additional Minerals Reporting Template",
};

const COMMON_MISTAKES = [
  "Use the current template version named above, downloaded from the RMI website; do not re-use an old file.",
  "Declaration tab: fill in every required field — company name, declaration scope, contact and authorizer names and e-mails, and the effective date as a real date (not text).",
  "Answer questions 1 and 2 for every mineral, and the remaining questions for each mineral you declare as necessary to your products.",
  "Smelter List tab: pick each smelter or refiner from the Smelter Look-up (metal, then smelter name) so its Smelter Identification number (CID) fills in; do not paste values over the formulas or type names that are already on the list.",
  "If your declaration covers specific products, choose the Product scope and list those products on the Product List tab.",
  "Check the Checker tab shows no missing required fields, then send the Excel workbook (.xlsx) itself — not a PDF, a scan or a policy letter.",
];

function safeText(value: string | null | undefined): string {
  return (value ?? "").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ").trim();
}

/** Builds one draft for a supplier: why, which templates and versions, the deadline, how to complete them, a contact and guidance. */
export function buildDraft(e: SupplierEngagement, supplier: Supplier, kind: DraftKind, ctx: DraftContext): Draft {
  const { company, outreach, window, asOf } = ctx;
  const wait = {
    request: outreach.intervals.request,
    reminder: outreach.intervals.reminder,
    escalation: outreach.intervals.escalation,
    clarification: outreach.intervals.clarification,
  }[kind];
  const computed = addDays(asOf, wait);
  const deadline =
    window.deadline !== null && window.deadline >= asOf && kind === "request" ? window.deadline : computed;
  const families = e.templates.length > 0 ? e.templates : ["CMRT"];
  const templates = families.map(
    (t) => `${t} ${outreach.templateVersions[t as keyof typeof outreach.templateVersions] ?? "(latest)"}`,
  );
  const findings = (e.declaration?.findings ?? [])
    .filter((f) => f.severity !== "info")
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1))
    .map(
      (f) =>
        `${f.sheet ? `${safeText(f.sheet)}!${safeText(f.cell) || "?"}` : "workbook"} (${f.severity}): ${safeText(f.message)}`,
    );
  const supplierName = safeText(e.supplierName);
  const contactName = safeText(ctx.company.contactName ?? outreach.fromName ?? null);
  const ours = safeText(company.name);
  const subjects: Record<DraftKind, string> = {
    request: `${ours}: responsible minerals declaration request ${window.period}: ${templates.join(" and ")} due ${deadline}`,
    reminder: `Reminder: ${ours} responsible minerals declaration ${window.period}: ${templates.join(" and ")} due ${deadline}`,
    escalation: `Escalation: outstanding responsible minerals declaration for ${ours} (${window.period})`,
    clarification: `${ours}: corrections needed in your ${e.declaration?.template ?? "declaration"} (${window.period})`,
  };
  const toName = safeText(supplier.contactName) || null;
  const greeting = toName ? `Dear ${toName},` : `Dear colleague at ${supplierName},`;
  const opening: Record<DraftKind, string[]> = {
    request: [
      `${ours} asks each of its suppliers of parts and materials that may contain minerals for a declaration of the smelters and refiners in its supply chain for the ${window.period} reporting period.`,
    ],
    reminder: [
      e.status === "responded-without-data"
        ? `Thank you for your reply. We still need the completed template itself: a letter or policy statement cannot replace the smelter information it collects.`
        : `We have not yet received your responsible minerals declaration for the ${window.period} reporting period${e.firstRequestDate ? `, which we first requested on ${e.firstRequestDate}` : ""}.`,
    ],
    escalation: [
      `We are escalating our request for your responsible minerals declaration for the ${window.period} reporting period. We have written ${e.requests} time${e.requests === 1 ? "" : "s"}${e.firstRequestDate ? ` since ${e.firstRequestDate}` : ""} without receiving a usable answer.`,
      "Please forward this message to the person responsible for compliance or sales management, and reply with the completed template by the deadline below. Continued non-response will be recorded in our supplier evaluation.",
    ],
    clarification: [
      `Thank you for your ${e.declaration?.template ?? ""} ${e.declaration?.version ?? ""}`
        .replace(/\s+/g, " ")
        .trim() +
        `. Our review found the problems listed below. Please correct them in the same workbook and send it back.`,
      "",
      "Findings (sheet!cell):",
      ...(findings.length > 0 ? findings.slice(0, 200).map((f) => `  - ${f}`) : ["  - (none recorded)"]),
      ...(findings.length > 200 ? [`  … and ${findings.length - 200} more`] : []),
    ],
  };
  const contactLines = [
    contactName || ours,
    ...(company.contactEmail || outreach.fromEmail ? [safeText(company.contactEmail ?? outreach.fromEmail)] : []),
    ...(company.contactPhone ? [safeText(company.contactPhone)] : []),
    ours,
  ];
  const body = [
    greeting,
    "",
    ...opening[kind],
    "",
    "Why we need it",
    `  Regulations and customers require us to exercise due diligence on the tin, tantalum, tungsten, gold and other minerals in our products, following the OECD Due Diligence Guidance (for example US Securities Exchange Act Rule 13p-1 and EU Regulation 2017/821). Your answer tells us which smelters and refiners process the minerals in what you supply to us.`,
    ...(company.policyUrl ? [`  Our responsible minerals policy: ${safeText(company.policyUrl)}`] : []),
    "",
    "What to send",
    ...templates.map((t, i) => `  - ${t}: RMI ${TEMPLATE_TITLES[families[i]!] ?? "reporting template"}`),
    "  Please use exactly this version; answers in older versions miss questions and smelters we need.",
    "",
    `Deadline: ${deadline}`,
    "",
    "How to complete it correctly",
    ...COMMON_MISTAKES.map((m, i) => `  ${i + 1}. ${m}`),
    "",
    "Guidance",
    ...outreach.guidance.map((g) => `  - ${g.title}: ${g.url}`),
    "",
    "Questions? Please contact:",
    ...contactLines.map((l) => `  ${l}`),
    "",
    "Thank you for your cooperation.",
  ].join("\n");
  return {
    kind,
    supplierId: e.supplierId,
    supplierName: e.supplierName,
    toName,
    toEmail: supplier.contactEmail,
    subject: subjects[kind],
    deadline,
    templates,
    findings,
    body,
  };
}
