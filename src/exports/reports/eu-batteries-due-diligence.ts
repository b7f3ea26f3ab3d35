import { markdownTable, percent } from "../markdown.ts";
import { vintagesMarkdown } from "../vintages.ts";
import {
  currentlyConformant,
  draftNotice,
  md,
  sanctionsSection,
  smelterAnnex,
  statusVintageNote,
} from "./_sections.ts";
import { answerOf, statusCounts, type ReportInput } from "./report-input.ts";

/** Raw materials of Annex X of Regulation (EU) 2023/1542; EMRT calls natural graphite "Graphite". */
const BATTERY_MINERALS = [
  ["Cobalt", "Cobalt"],
  ["Lithium", "Lithium"],
  ["Nickel", "Nickel"],
  ["Graphite", "Natural graphite"],
] as const;

/** The supply-chain due-diligence section for batteries (Regulation (EU) 2023/1542, Articles 47–53) in Markdown. */
export function euBatteriesDueDiligence(input: ReportInput): string {
  const r = input.emrt;
  const smelters = (r?.smelters ?? []).filter((s) => BATTERY_MINERALS.some(([m]) => m === s.metal));
  const periodEnd = r?.periodEnd ?? input.asOf;
  const counts = statusCounts(smelters, periodEnd);
  const rows = BATTERY_MINERALS.map(([m, label]) => {
    const summary = r?.minerals.find((x) => x.mineral === m);
    const s = smelters.filter((x) => x.metal === m);
    return [
      label,
      answerOf(r, "intentionally-added", m) ?? "not surveyed",
      summary ? `${summary.responded} of ${summary.relevant}` : "0 of 0",
      answerOf(r, "cahra", m) ?? "—",
      String(s.length),
      String(s.filter((x) => currentlyConformant(x, periodEnd)).length),
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
    `${md(input.company.name)} surveyed ${r?.survey.relevant ?? 0} relevant supplier(s) with the EMRT; ${r?.survey.responded ?? 0} responded with a usable declaration for every battery raw material they are relevant for.`,
    "",
    markdownTable(
      [
        "Raw material",
        "Used",
        "Relevant suppliers responding",
        "From CAHRAs",
        "Processors",
        "Conformant (audit current)",
      ],
      rows,
    ),
    "",
    `${counts.total} smelter(s), refiner(s) or processor(s) were identified for these raw materials; ${counts.conformant} (${percent(counts.total ? counts.conformant / counts.total : null)}) were conformant with a current RMI assessment at ${md(periodEnd)}${counts.lapsed ? `, ${counts.lapsed} listed as conformant had a lapsed assessment` : ""} and ${counts.other} have no RMI status. ${statusVintageNote(smelters, periodEnd)} Natural graphite has no processors on the RMI reference list, so graphite supply chains need direct supplier engagement.`,
    "",
    "## 3. Risk management and third-party verification",
    "",
    "- Risks are managed under the risk management plan; [describe measures, notified body and verification schedule].",
    "",
    sanctionsSection("## 4. Sanctions screening", smelters),
    "",
    smelterAnnex("Annex — Processors of battery raw materials", smelters, periodEnd),
    "",
    vintagesMarkdown(input.vintages),
    "",
  ].join("\n");
}
