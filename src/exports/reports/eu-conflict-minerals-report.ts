import { markdownTable, percent } from "../markdown.ts";
import { CMRT_METALS } from "../../rmi/minerals.ts";
import { vintagesMarkdown } from "../vintages.ts";
import { draftNotice, md, smelterAnnex } from "./_sections.ts";
import { answerOf, companyAnswerOf, statusCounts, surveyCounts, type ReportInput } from "./report-input.ts";

/** An annual report draft under Article 7(3) of Regulation (EU) 2017/821 in Markdown. */
export function euConflictMineralsReport(input: ReportInput): string {
  const r = input.cmrt;
  const company = md(input.company.name);
  const survey = surveyCounts(r);
  const smelters = r?.smelters ?? [];
  const counts = statusCounts(smelters);
  const cahra = CMRT_METALS.filter((m) => ["Yes", "Unknown"].includes(answerOf(r, "cahra", m) ?? ""));
  const recycled = CMRT_METALS.filter((m) => answerOf(r, "recycled-scrap", m) === "Yes");
  return [
    `# Supply chain due diligence report ${md(input.period)} — ${company}`,
    "",
    draftNotice("Article 7 annual report", input.asOf),
    "",
    `Report under Article 7(3) of Regulation (EU) 2017/821 on supply chain due diligence policies and practices for tin, tantalum, tungsten, their ores, and gold originating from conflict-affected and high-risk areas (CAHRAs).`,
    "",
    "## 1. Management system (Article 4)",
    "",
    `- Supply chain policy for minerals from CAHRAs consistent with Annex II of the OECD Guidance: ${md(companyAnswerOf(r, "policy") ?? "not stated")}; published: ${md(companyAnswerOf(r, "policy-public") ?? "not stated")}${input.company.policyUrl ? ` (${md(input.company.policyUrl)})` : ""}.`,
    `- Chain-of-custody and traceability: supplier declarations on the RMI CMRT (${md(companyAnswerOf(r, "survey-suppliers") ?? "not stated")}), ${survey.responded} of ${survey.relevant} relevant suppliers (${percent(survey.relevant ? survey.responded / survey.relevant : null)}) responded.`,
    `- Review of supplier information and corrective action management: ${md(companyAnswerOf(r, "review-suppliers") ?? "not stated")} / ${md(companyAnswerOf(r, "corrective-action") ?? "not stated")}.`,
    `- Grievance mechanism: [describe the company's mechanism or the industry-wide one relied on].`,
    "",
    "## 2. Risk management (Article 5)",
    "",
    markdownTable(
      ["Metal", "Used", "From CAHRAs (Q4)", "100% recycled (Q5)", "Smelters", "Conformant"],
      CMRT_METALS.map((m) => {
        const s = smelters.filter((x) => x.metal === m);
        return [m, answerOf(r, "intentionally-added", m) ?? "—", answerOf(r, "cahra", m) ?? "—", answerOf(r, "recycled-scrap", m) ?? "—", String(s.length), String(s.filter((x) => x.rmiStatus === "conformant").length)];
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
    `${counts.conformant} of ${counts.total} identified smelters and refiners (${percent(counts.total ? counts.conformant / counts.total : null)}) have been audited as conformant by the Responsible Minerals Assurance Process or a cross-recognised programme (LBMA, RJC); ${counts.active} are in an assessment. [Name the auditor of the company's own audit, if any.]`,
    "",
    smelterAnnex("Annex — Smelters and refiners in the supply chain", smelters),
    "",
    vintagesMarkdown(input.vintages),
    "",
  ].join("\n");
}
