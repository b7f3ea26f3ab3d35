import { markdownTable, percent } from "../markdown.ts";
import { CMRT_METALS } from "../../rmi/minerals.ts";
import { vintagesMarkdown } from "../vintages.ts";
import { draftNotice, md, smelterAnnex } from "./_sections.ts";
import { answerOf, companyAnswerOf, statusCounts, surveyCounts, type ReportInput } from "./report-input.ts";

const COVERED = "the Democratic Republic of the Congo, Angola, Burundi, the Central African Republic, the Republic of the Congo, Rwanda, South Sudan, Tanzania, Uganda and Zambia";

/** A Form SD / Conflict Minerals Report (Exhibit 1.01) draft in Markdown, filled with the programme's numbers. */
export function secConflictMineralsReport(input: ReportInput): string {
  const r = input.cmrt;
  const company = md(input.company.name);
  const survey = surveyCounts(r);
  const smelters = r?.smelters ?? [];
  const counts = statusCounts(smelters);
  const used = CMRT_METALS.filter((m) => answerOf(r, "intentionally-added", m) === "Yes");
  const q3 = used.map((m) => answerOf(r, "covered-countries", m));
  const mayOriginate = q3.some((a) => a === "Yes" || a === "Unknown");
  const incomplete = used.filter((m) => answerOf(r, "all-smelters-identified", m) !== "Yes");
  const coveredSmelters = smelters.filter((s) => ["CD", "AO", "BI", "CF", "CG", "RW", "SS", "TZ", "UG", "ZM"].includes(s.countryIso2 ?? ""));
  const policy = input.company.policyUrl ? ` (policy: ${md(input.company.policyUrl)})` : "";
  const metalsRow = CMRT_METALS.map((m) => [m, answerOf(r, "intentionally-added", m) ?? "—", answerOf(r, "covered-countries", m) ?? "—", answerOf(r, "cahra", m) ?? "—", answerOf(r, "response-share", m) ?? "—", String(smelters.filter((s) => s.metal === m).length)]);

  return [
    `# Conflict Minerals Report of ${company} for the year ${md(input.period)}`,
    "",
    draftNotice("Form SD / Conflict Minerals Report", input.asOf),
    "",
    "## 1. Introduction",
    "",
    `This report is filed under Rule 13p-1 of the Securities Exchange Act of 1934 and Form SD for the calendar year ${md(input.period)}. "Conflict minerals" are cassiterite, columbite-tantalite (coltan), gold and wolframite and their derivatives tin, tantalum, tungsten and gold (3TG). "Covered Countries" are ${COVERED}.`,
    "",
    used.length > 0
      ? `${company} determined that ${used.join(", ").toLowerCase()} ${used.length === 1 ? "is" : "are"} necessary to the functionality or production of products it manufactured or contracted to manufacture.`
      : `No supplier in scope has declared 3TG as necessary to the functionality or production of ${company}'s products.`,
    "",
    "## 2. Reasonable country of origin inquiry (RCOI)",
    "",
    `${company} surveyed ${survey.relevant} relevant supplier(s) with the RMI Conflict Minerals Reporting Template (CMRT); ${survey.responded} responded (${percent(survey.relevant ? survey.responded / survey.relevant : null)}). Responses were checked for completeness and consistency and the smelters named were compared with the RMI Smelter Reference List and RMAP status.`,
    "",
    markdownTable(["Metal", "Used (Q1)", "Covered countries (Q3)", "CAHRA (Q4)", "Suppliers responding (Q6)", "Smelters"], metalsRow),
    "",
    mayOriginate
      ? `Based on the RCOI, ${company} has reason to believe that a portion of its necessary conflict minerals may have originated in the Covered Countries and may not be from recycled or scrap sources, and therefore exercised due diligence on their source and chain of custody.`
      : `Based on the RCOI, ${company} has no reason to believe that its necessary conflict minerals may have originated in the Covered Countries.`,
    "",
    "## 3. Due diligence",
    "",
    "The due diligence measures were designed to conform, in all material respects, with the five-step framework of the OECD Due Diligence Guidance for Responsible Supply Chains of Minerals from Conflict-Affected and High-Risk Areas (third edition) and its gold and 3T supplements.",
    "",
    "### Step 1 — Establish strong company management systems",
    "",
    `- Responsible minerals sourcing policy: ${md(companyAnswerOf(r, "policy") ?? "not stated")}; publicly available: ${md(companyAnswerOf(r, "policy-public") ?? "not stated")}${policy}.`,
    `- Suppliers are required to source from smelters validated by an independent third-party audit programme: ${md(companyAnswerOf(r, "require-validated-smelters") ?? "not stated")}.`,
    `- Supplier survey with the CMRT: ${md(companyAnswerOf(r, "survey-suppliers") ?? "not stated")}; review against expectations: ${md(companyAnswerOf(r, "review-suppliers") ?? "not stated")}; corrective action management: ${md(companyAnswerOf(r, "corrective-action") ?? "not stated")}.`,
    "",
    "### Step 2 — Identify and assess risk in the supply chain",
    "",
    `- ${survey.responded} of ${survey.relevant} relevant suppliers responded; ${counts.total} unique smelter(s) and refiner(s) were identified after deduplication by CID.`,
    `- ${counts.conformant} are RMAP conformant, ${counts.active} active in an RMAP assessment, and ${counts.other} are neither (not participating, removed or not matched to the RMI list).`,
    `- ${coveredSmelters.length} reported facility(ies) are located in a Covered Country.`,
    incomplete.length > 0 ? `- Smelter identification is incomplete for ${incomplete.join(", ").toLowerCase()} (question 7).` : "- Suppliers in scope report that all smelters have been identified.",
    "",
    "### Step 3 — Design and implement a strategy to respond to identified risks",
    "",
    `- The ${counts.other} facility(ies) without RMAP status and the suppliers that reported them are escalated for follow-up; non-responding suppliers (${survey.relevant - survey.responded}) receive reminders under the outreach plan.`,
    "- Risk mitigation follows the OECD approach: continue trade during measurable mitigation, suspend or disengage where mitigation fails.",
    "",
    "### Step 4 — Carry out independent third-party audit of smelter/refiner due diligence",
    "",
    `${company} does not have a direct relationship with smelters and refiners and relies on the Responsible Minerals Assurance Process (RMAP) and cross-recognised LBMA and RJC programmes; ${percent(counts.total ? counts.conformant / counts.total : null)} of the identified facilities are conformant.`,
    "",
    "### Step 5 — Report annually on supply chain due diligence",
    "",
    `This report is filed with Form SD and made publicly available${input.company.policyUrl ? ` with the policy at ${md(input.company.policyUrl)}` : ""}.`,
    "",
    smelterAnnex("Annex A — Smelters and refiners reported by suppliers", smelters),
    "",
    vintagesMarkdown(input.vintages),
    "",
  ].join("\n");
}
