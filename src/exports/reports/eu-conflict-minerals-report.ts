import { markdownTable, percent } from "../markdown.ts";
import { CMRT_METALS } from "../../rmi/minerals.ts";
import { vintagesMarkdown } from "../vintages.ts";
import { currentlyConformant, draftNotice, md, sanctionsSection, smelterAnnex, statusVintageNote } from "./_sections.ts";
import { answerOf, companyAnswerOf, statusCounts, surveyCounts, type ReportInput } from "./report-input.ts";

/** The note written instead of the report when the configuration does not make the company a Union importer above Annex I. */
function notApplicable(input: ReportInput): string {
  const company = md(input.company.name);
  const e = input.euImporter;
  const why = !e.unionImporter
    ? "the configuration does not state that it is a Union importer of tin, tantalum, tungsten, their ores or gold"
    : "its annual import volumes do not reach the thresholds of Annex I for any CN code, according to the configuration";
  return [
    `# EU Regulation 2017/821 — ${company} (${md(input.period)})`,
    "",
    draftNotice("applicability note", input.asOf),
    "",
    "## Not applicable",
    "",
    `Regulation (EU) 2017/821 (Article 7 annual report, Articles 4–6 obligations) applies to Union importers of the minerals and metals listed in Annex I whose annual import volume of a CN code reaches that code's Annex I threshold. No Article 7 report is drafted for ${company}: ${why}.`,
    "",
    "If the company imports 3TG minerals or metals into the Union above the Annex I thresholds, set `declaration.euImporter` in assay.config.json (`unionImporter: true`, `aboveAnnexIThresholds: true`, and the CN codes and volumes as `basis`) and export again. Downstream companies outside the Regulation may still publish their due diligence voluntarily; the Form SD / Conflict Minerals Report draft covers the same facts.",
    "",
  ].join("\n");
}

/** An annual report draft under Article 7(3) of Regulation (EU) 2017/821 in Markdown, or a not-applicable note. */
export function euConflictMineralsReport(input: ReportInput): string {
  if (!input.euImporter.unionImporter || !input.euImporter.aboveAnnexIThresholds) return notApplicable(input);
  const r = input.cmrt;
  const company = md(input.company.name);
  const survey = surveyCounts(r);
  const smelters = r?.smelters ?? [];
  const periodEnd = r?.periodEnd ?? input.asOf;
  const counts = statusCounts(smelters, periodEnd);
  const cahra = CMRT_METALS.filter((m) => ["Yes", "Unknown"].includes(answerOf(r, "cahra", m) ?? ""));
  const recycled = CMRT_METALS.filter((m) => answerOf(r, "recycled-scrap", m) === "Yes");
  return [
    `# Supply chain due diligence report ${md(input.period)} — ${company}`,
    "",
    draftNotice("Article 7 annual report", input.asOf),
    "",
    `Report under Article 7(3) of Regulation (EU) 2017/821 on supply chain due diligence policies and practices for tin, tantalum, tungsten, their ores, and gold originating from conflict-affected and high-risk areas (CAHRAs). ${company} is a Union importer whose annual import volumes reach the Annex I thresholds${input.euImporter.basis ? ` (${md(input.euImporter.basis)})` : ""}.`,
    "",
    "## 1. Management system (Article 4)",
    "",
    `- Supply chain policy for minerals from CAHRAs consistent with Annex II of the OECD Guidance: ${md(companyAnswerOf(r, "policy") ?? "not stated")}; published: ${md(companyAnswerOf(r, "policy-public") ?? "not stated")}${input.company.policyUrl ? ` (${md(input.company.policyUrl)})` : ""}.`,
    `- Chain-of-custody and traceability: supplier declarations on the RMI CMRT (${md(companyAnswerOf(r, "survey-suppliers") ?? "not stated")}); ${company} surveyed ${survey.relevant} relevant supplier(s), ${survey.responded} responded with a usable declaration (${percent(survey.relevant ? survey.responded / survey.relevant : null)}).`,
    `- Review of supplier information and corrective action management: ${md(companyAnswerOf(r, "review-suppliers") ?? "not stated")} / ${md(companyAnswerOf(r, "corrective-action") ?? "not stated")}.`,
    `- Grievance mechanism: [describe the company's mechanism or the industry-wide one relied on].`,
    "",
    "## 2. Risk management (Article 5)",
    "",
    markdownTable(
      ["Metal", "Used", "From CAHRAs", "100% recycled or scrap", "Smelters", "Conformant (audit current)"],
      CMRT_METALS.map((m) => {
        const s = smelters.filter((x) => x.metal === m);
        return [m, answerOf(r, "intentionally-added", m) ?? "—", answerOf(r, "cahra", m) ?? "—", answerOf(r, "recycled-scrap", m) ?? "—", String(s.length), String(s.filter((x) => currentlyConformant(x, periodEnd)).length)];
      }),
    ),
    "",
    cahra.length > 0
      ? `Red flags: suppliers report that ${cahra.join(", ").toLowerCase()} may be sourced from CAHRAs (EU indicative list). The risk management plan addresses the ${counts.other} facility(ies) without RMAP status and the suppliers that reported them, with measurable improvement targets and timelines.`
      : "No supplier reports sourcing from CAHRAs; the company continues to monitor the EU indicative CAHRA list and supplier declarations.",
    recycled.length > 0 ? `\nSupplier declarations state that all ${recycled.join(", ").toLowerCase()} originates from recycled or scrap sources; the due diligence behind this determination is described above (Article 7(3)).` : "",
    "",
    "## 3. Third-party audits (Article 6)",
    "",
    `${counts.conformant} of ${counts.total} identified smelters and refiners (${percent(counts.total ? counts.conformant / counts.total : null)}) were conformant with a current audit of the Responsible Minerals Assurance Process or a cross-recognised programme (LBMA, RJC) at ${md(periodEnd)}${counts.lapsed ? `; ${counts.lapsed} listed as conformant had a lapsed audit` : ""}; ${counts.active} are in an assessment. ${statusVintageNote(smelters, periodEnd)} [Name the auditor of the company's own audit, if any.]`,
    "",
    sanctionsSection("## 4. Sanctions screening", smelters),
    "",
    smelterAnnex("Annex — Smelters and refiners in the supply chain", smelters, periodEnd),
    "",
    vintagesMarkdown(input.vintages),
    "",
  ].join("\n");
}
