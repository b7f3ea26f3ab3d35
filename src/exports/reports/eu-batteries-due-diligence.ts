import { markdownTable, percent } from "../markdown.ts";
import { vintagesMarkdown } from "../vintages.ts";
import { draftNotice, md, smelterAnnex } from "./_sections.ts";
import { answerOf, statusCounts, type ReportInput } from "./report-input.ts";

/** Raw materials of Annex X of Regulation (EU) 2023/1542; EMRT calls natural graphite "Graphite". */
const BATTERY_MINERALS = [["Cobalt", "Cobalt"], ["Lithium", "Lithium"], ["Nickel", "Nickel"], ["Graphite", "Natural graphite"]] as const;

/** The supply-chain due-diligence section for batteries (Regulation (EU) 2023/1542, Articles 47–53) in Markdown. */
export function euBatteriesDueDiligence(input: ReportInput): string {
  const r = input.emrt;
  const smelters = (r?.smelters ?? []).filter((s) => BATTERY_MINERALS.some(([m]) => m === s.metal));
  const counts = statusCounts(smelters);
  const rows = BATTERY_MINERALS.map(([m, label]) => {
    const summary = r?.minerals.find((x) => x.mineral === m);
    const s = smelters.filter((x) => x.metal === m);
    return [
      label,
      answerOf(r, "intentionally-added", m) ?? "not surveyed",
      summary ? `${summary.responded} of ${summary.relevant}` : "0 of 0",
      answerOf(r, "cahra", m) ?? "—",
      String(s.length),
      String(s.filter((x) => x.rmiStatus === "conformant").length),
    ];
  });
  return [
    `# Battery raw materials due diligence — ${md(input.company.name)} (${md(input.period)})`,
    "",
    draftNotice("due-diligence section", input.asOf),
    "",
    "Regulation (EU) 2023/1542 requires economic operators placing batteries on the EU market with a net turnover above EUR 40 million to apply a supply-chain due-diligence policy to cobalt, lithium, nickel and natural graphite (and their chemical compounds), verified by a notified body. The obligations apply from 18 August 2027 (postponed from 2025).",
    "",
    "## 1. Supply chain due diligence policy and management system",
    "",
    `- Policy: [reference the policy covering the OECD Annex II risks and the environmental and social risk categories of Annex X]${input.company.policyUrl ? ` — ${md(input.company.policyUrl)}` : ""}.`,
    "- Information gathered with the RMI Extended Minerals Reporting Template (EMRT).",
    "",
    "## 2. Identification and assessment of risks",
    "",
    markdownTable(["Raw material", "Used (Q1)", "Suppliers responding", "From CAHRAs (Q3)", "Processors", "Conformant"], rows),
    "",
    `${counts.total} smelter(s), refiner(s) or processor(s) were identified for these raw materials; ${counts.conformant} (${percent(counts.total ? counts.conformant / counts.total : null)}) are conformant with an RMI assessment and ${counts.other} have no RMI status. Natural graphite has no processors on the RMI reference list, so graphite supply chains need direct supplier engagement.`,
    "",
    "## 3. Risk management and third-party verification",
    "",
    "- Risks are managed under the risk management plan; [describe measures, notified body and verification schedule].",
    "",
    smelterAnnex("Annex — Processors of battery raw materials", smelters),
    "",
    vintagesMarkdown(input.vintages),
    "",
  ].join("\n");
}
