import { markdownTable, percent } from "../markdown.ts";
import { CMRT_METALS } from "../../rmi/minerals.ts";
import { vintagesMarkdown } from "../vintages.ts";
import { draftNotice, md, sanctionsSection, smelterAnnex, statusVintageNote } from "./_sections.ts";
import { answerOf, companyAnswerOf, statusCounts, surveyCounts, type ReportInput } from "./report-input.ts";

const COVERED =
  "the Democratic Republic of the Congo, Angola, Burundi, the Central African Republic, the Republic of the Congo, Rwanda, South Sudan, Tanzania, Uganda and Zambia";
const COVERED_ISO = ["CD", "AO", "BI", "CF", "CG", "RW", "SS", "TZ", "UG", "ZM"];

/** How the company answered "Is your company required to file an annual conflict minerals disclosure?" (H). */
function filingBasis(answer: string | null, company: string, period: string): { sec: boolean; sentence: string } {
  const a = (answer ?? "").toLowerCase();
  if (a.includes("sec")) {
    return {
      sec: true,
      sentence: `${company} files this specialized disclosure report on Form SD under Rule 13p-1 of the Securities Exchange Act of 1934 for the reporting period January 1 to December 31, ${period}.`,
    };
  }
  if (a.startsWith("no") || a.startsWith("yes")) {
    return {
      sec: false,
      sentence: `${company} answered that it is not required to file a conflict minerals disclosure with the SEC (company question H: "${md(answer)}"). This report follows the structure of Form SD and its Exhibit 1.01 voluntarily, for customers and the public; it is not filed under Rule 13p-1.`,
    };
  }
  return {
    sec: false,
    sentence: `[Company question H is not answered in the configuration (declaration.answers.H): state whether ${company} files this report under Rule 13p-1 of the Securities Exchange Act of 1934 or publishes it voluntarily.]`,
  };
}

/**
 * A Form SD draft (Item 1.01 and 1.02, Item 2.01) with its Exhibit 1.01 Conflict Minerals Report in Markdown: the
 * products, the RCOI and its result, the OECD due diligence, the determination, the facilities and countries of origin
 * and the efforts to find the mine of origin, filled with the programme's numbers. Supplier text is escaped.
 */
export function secConflictMineralsReport(input: ReportInput): string {
  const r = input.cmrt;
  const company = md(input.company.name);
  const period = md(input.period);
  const periodEnd = r?.periodEnd ?? input.asOf;
  const survey = surveyCounts(r);
  const smelters = r?.smelters ?? [];
  const counts = statusCounts(smelters, periodEnd);
  // Identified = named by a CID (the site's "smelters identified", src/site/data/figures.ts); the rest are named only.
  const identifiedCount = smelters.filter((s) => s.cid !== null).length;
  const used = CMRT_METALS.filter((m) => answerOf(r, "intentionally-added", m) === "Yes");
  const covered = used.map((m) => answerOf(r, "covered-countries", m));
  const mayOriginate = covered.some((a) => a === "Yes" || a === "Unknown");
  const incomplete = used.filter((m) => answerOf(r, "all-smelters-identified", m) !== "Yes");
  const coveredSmelters = smelters.filter((s) => COVERED_ISO.includes(s.countryIso2 ?? ""));
  const filing = filingBasis(companyAnswerOf(r, "sec-eu-filer"), company, period);
  const url = input.company.policyUrl ? md(input.company.policyUrl) : "[URL]";
  const products = r?.products.length
    ? r.products.map((p) => `${md(p.number)}${p.name ? ` (${md(p.name)})` : ""}`).join(", ")
    : null;
  const scope = r?.scopeDescription ? md(r.scopeDescription) : null;
  const silent = survey.relevant - survey.responded;
  const allCurrent =
    smelters.length > 0 && counts.conformant === smelters.length && incomplete.length === 0 && silent === 0;
  const mineCountries = [...new Set(smelters.flatMap((s) => s.mineCountries))].sort();
  const locations = [...new Set(smelters.map((s) => s.country).filter((c): c is string => c !== null))].sort();
  const metalsRow = CMRT_METALS.map((m) => [
    m,
    answerOf(r, "intentionally-added", m) ?? "—",
    answerOf(r, "covered-countries", m) ?? "—",
    answerOf(r, "cahra", m) ?? "—",
    answerOf(r, "response-share", m) ?? "—",
    String(smelters.filter((s) => s.metal === m).length),
  ]);

  return [
    `# Form SD — Specialized Disclosure Report of ${company} for ${period}`,
    "",
    draftNotice("Form SD / Conflict Minerals Report", input.asOf),
    "",
    filing.sentence,
    "",
    "## Section 1 — Conflict Minerals Disclosure",
    "",
    "### Item 1.01 Conflict Minerals Disclosure and Report",
    "",
    used.length > 0
      ? `${company} determined that ${used.join(", ").toLowerCase()} ${used.length === 1 ? "is" : "are"} necessary to the functionality or production of products it manufactured or contracted to manufacture during ${period}. It conducted a reasonable country of origin inquiry (RCOI): it surveyed ${survey.relevant} relevant supplier(s); ${survey.responded} responded with a usable declaration (${percent(survey.relevant ? survey.responded / survey.relevant : null)}).`
      : `No relevant supplier has declared 3TG as necessary to the functionality or production of ${company}'s products for ${period}; ${survey.responded} of ${survey.relevant} relevant supplier(s) responded with a usable declaration.`,
    "",
    mayOriginate
      ? `Based on the RCOI, ${company} has reason to believe that a portion of its necessary conflict minerals may have originated in the Covered Countries and may not be from recycled or scrap sources. It therefore exercised due diligence on their source and chain of custody and ${filing.sec ? "files" : "publishes"} a Conflict Minerals Report as Exhibit 1.01, available at ${url}.`
      : `Based on the RCOI, ${company} has no reason to believe that its necessary conflict minerals may have originated in the Covered Countries, or reasonably believes they came from recycled or scrap sources. [Describe the RCOI and its results briefly; publish this disclosure at ${url}.]`,
    "",
    "### Item 1.02 Exhibit",
    "",
    `The Conflict Minerals Report required by Item 1.01 is ${filing.sec ? "filed" : "attached"} as Exhibit 1.01. No independent private sector audit of the report was obtained (SEC staff statement of April 7, 2017). [Confirm.]`,
    "",
    "## Section 2 — Exhibits",
    "",
    "### Item 2.01 Exhibits",
    "",
    "Exhibit 1.01 — Conflict Minerals Report, as required by Items 1.01 and 1.02 of this form.",
    "",
    "## Exhibit 1.01 — Conflict Minerals Report",
    "",
    `"Conflict minerals" are cassiterite, columbite-tantalite (coltan), gold and wolframite and their derivatives tin, tantalum, tungsten and gold (3TG). "Covered Countries" are ${COVERED}.`,
    "",
    "### 1. Company and products covered",
    "",
    `- Products: ${products ?? scope ?? "[describe the products, or product categories, manufactured or contracted to be manufactured that contain necessary 3TG]"}.`,
    `- Declaration scope: ${md(r?.scope ?? "Company")}${scope && products ? ` — ${scope}` : ""}.`,
    `- Necessary conflict minerals: ${used.length > 0 ? used.join(", ").toLowerCase() : "none declared by suppliers"}.`,
    "",
    "### 2. Reasonable country of origin inquiry (RCOI)",
    "",
    `${company} surveyed ${survey.relevant} relevant supplier(s) — the suppliers in scope of its minerals programme that were asked for the RMI Conflict Minerals Reporting Template (CMRT); ${survey.responded} responded with a usable declaration (${percent(survey.relevant ? survey.responded / survey.relevant : null)}) and ${silent} have not. Responses were checked for completeness and consistency, and the smelters named were identified against the RMI Smelter Look-up and RMAP status lists.`,
    "",
    markdownTable(
      ["Metal", "Used", "From Covered Countries", "From CAHRAs", "Suppliers responding", "Smelters"],
      metalsRow,
    ),
    "",
    "### 3. Due diligence framework and measures",
    "",
    "The due diligence measures were designed to conform, in all material respects, with the five-step framework of the OECD Due Diligence Guidance for Responsible Supply Chains of Minerals from Conflict-Affected and High-Risk Areas (third edition) and its supplements on tin, tantalum and tungsten and on gold.",
    "",
    "#### Step 1 — Establish strong company management systems",
    "",
    `- Responsible minerals sourcing policy: ${md(companyAnswerOf(r, "policy") ?? "not stated")}; publicly available: ${md(companyAnswerOf(r, "policy-public") ?? "not stated")} (${url}).`,
    `- Suppliers are required to source from smelters validated by an independent third-party audit programme: ${md(companyAnswerOf(r, "require-validated-smelters") ?? "not stated")}.`,
    `- Due diligence measures implemented: ${md(companyAnswerOf(r, "due-diligence-measures") ?? "not stated")}.`,
    "",
    "#### Step 2 — Identify and assess risk in the supply chain",
    "",
    `- Supplier survey with the CMRT: ${md(companyAnswerOf(r, "survey-suppliers") ?? "not stated")}; ${survey.responded} of ${survey.relevant} relevant suppliers responded; ${counts.total} unique smelter(s) and refiner(s) were reported, of which ${identifiedCount} were identified by an RMI smelter ID (CID) after matching each reported row to one RMI facility.`,
    `- ${counts.conformant} are RMAP conformant with an audit current at ${md(periodEnd)}${counts.lapsed ? `, ${counts.lapsed} are listed as conformant but their audit had lapsed by then` : ""}, ${counts.active} are active in an RMAP assessment, and ${counts.other} are neither (not participating, removed or not on the RMI list).`,
    `- ${coveredSmelters.length} reported facility(ies) are located in a Covered Country.`,
    incomplete.length > 0
      ? `- Smelter identification is incomplete for ${incomplete.join(", ").toLowerCase()}.`
      : "- Suppliers in scope report that all smelters have been identified.",
    "",
    "#### Step 3 — Design and implement a strategy to respond to identified risks",
    "",
    `- Review of supplier information against expectations: ${md(companyAnswerOf(r, "review-suppliers") ?? "not stated")}; corrective action management: ${md(companyAnswerOf(r, "corrective-action") ?? "not stated")}.`,
    `- The ${counts.total - counts.conformant} facility(ies) without a current RMAP audit and the suppliers that reported them are escalated; the ${silent} relevant supplier(s) without a usable declaration receive reminders and escalation under the outreach plan.`,
    "- Risk mitigation follows the OECD approach: continue trade during measurable mitigation, suspend or disengage where mitigation fails.",
    "",
    "#### Step 4 — Carry out independent third-party audit of smelter/refiner due diligence",
    "",
    `${company} does not have a direct relationship with smelters and refiners and relies on the Responsible Minerals Assurance Process (RMAP) and the cross-recognised LBMA and RJC programmes; ${percent(counts.total ? counts.conformant / counts.total : null)} of the identified facilities were conformant with a current audit at the period end. ${statusVintageNote(smelters, periodEnd)}`,
    "",
    "#### Step 5 — Report annually on supply chain due diligence",
    "",
    `This report is ${filing.sec ? "filed with Form SD and" : ""} made publicly available at ${url}.`,
    "",
    "### 4. Due diligence determination",
    "",
    allCurrent
      ? `Every smelter and refiner identified for the necessary conflict minerals was RMAP conformant with a current audit at ${md(periodEnd)}, all relevant suppliers responded and all report that their smelter lists are complete. [Confirm the determination for the products covered.]`
      : `Because ${[silent > 0 ? `${silent} relevant supplier(s) have not provided a usable declaration` : null, incomplete.length > 0 ? `smelter identification is incomplete for ${incomplete.join(", ").toLowerCase()}` : null, counts.total - counts.conformant > 0 ? `${counts.total - counts.conformant} of ${counts.total} identified facilities had no current RMAP audit at the period end` : null, smelters.length === 0 ? "no smelter has been identified" : null].filter(Boolean).join("; ")}, ${company} was unable to determine the country of origin of all necessary conflict minerals, or whether they financed or benefited armed groups in the Covered Countries.`,
    "",
    "### 5. Facilities that processed the necessary conflict minerals and their countries of origin",
    "",
    `${counts.total} facility(ies) are listed in Annex A with their RMAP status. Facility locations: ${locations.length ? locations.map(md).join(", ") : "none known"}. Countries of origin of the ores, as reported by suppliers and RMAP: ${mineCountries.length ? mineCountries.map(md).join(", ") : "not reported by suppliers"}. [Add the RMI's aggregated country-of-origin information for conformant facilities where the company is an RMI member.]`,
    "",
    "### 6. Efforts to determine the mine or location of origin with the greatest possible specificity",
    "",
    `${company} asked its suppliers, through the CMRT, to name the smelters and refiners and, where known, the mines and countries of origin; ${smelters.filter((s) => s.mineCountries.length > 0).length} of ${counts.total} facilities came with a reported country of origin. For conformant facilities it relies on the RMAP audit of the facility's own due diligence on its sources. [Describe further efforts, e.g. RMI membership and country-of-origin data.]`,
    "",
    sanctionsSection("### 7. Sanctions screening of the facilities", smelters),
    "",
    "### 8. Steps to mitigate risk and improve due diligence",
    "",
    "- Continue to require suppliers to source from RMAP-conformant facilities and to report complete smelter lists.",
    `- Follow up with the ${silent} relevant supplier(s) that have not responded and with suppliers reporting facilities without a current audit.`,
    "- [Add the company's own improvement targets for the next reporting period.]",
    "",
    smelterAnnex("Annex A — Smelters and refiners reported by suppliers", smelters, periodEnd),
    "",
    vintagesMarkdown(input.vintages),
    "",
  ].join("\n");
}
