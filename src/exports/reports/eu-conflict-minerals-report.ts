import type { AnnexIAssessment, AnnexILine } from "../annex-i.ts";
import { markdownTable, percent } from "../markdown.ts";
import { CMRT_METALS } from "../../rmi/minerals.ts";
import { vintagesMarkdown } from "../vintages.ts";
import {
  currentlyConformant,
  draftNotice,
  md,
  sanctionsSection,
  smelterAnnex,
  statusVintageNote,
} from "./_sections.ts";
import { answerOf, companyAnswerOf, statusCounts, surveyCounts, type ReportInput } from "./report-input.ts";

const kg = (n: number): string => `${n.toLocaleString("en-GB")} kg`;

/** The configured imports against Annex I as a table, with a sentence on how the outcome was reached. */
function annexITable(a: AnnexIAssessment): string {
  const status = (l: AnnexILine): string =>
    l.status === "unknown"
      ? `unknown — check${l.unlisted ? " (CN code not in Assay's Annex I table)" : " (threshold not in Assay's Annex I table)"}`
      : `${l.status === "above" ? "reaches the threshold" : "below the threshold"}${l.exEntry ? " (ex entry: only goods fitting the description count)" : ""}`;
  return markdownTable(
    ["CN code", "Description", "Annual import", "Annex I threshold", "Result"],
    a.lines.map((l) => [
      md(l.cnCode),
      md(l.description),
      kg(l.kg),
      l.thresholdKg === null
        ? "unknown"
        : `${kg(l.thresholdKg)}${l.thresholdSource === "configuration" ? " (from the configuration)" : ""}`,
      status(l),
    ]),
  );
}

/** Why the Regulation does or does not apply, from the configured volumes when given, else the company's statement. */
function applicability(input: ReportInput): { applies: boolean; heading: string; why: string; table: string } {
  const e = input.euImporter;
  const a = input.annexI;
  if (!e.unionImporter)
    return {
      applies: false,
      heading: "Not applicable",
      why: "the configuration does not state that it is a Union importer of tin, tantalum, tungsten, their ores or gold",
      table: "",
    };
  if (!a) {
    return e.aboveAnnexIThresholds
      ? {
          applies: true,
          heading: "",
          why: "its annual import volumes reach the Annex I thresholds according to the company's statement in the configuration (no import volumes per CN code were given, so Assay did not compare them with Annex I)",
          table: "",
        }
      : {
          applies: false,
          heading: "Not applicable",
          why: "its annual import volumes do not reach the thresholds of Annex I for any CN code, according to the company's statement in the configuration (no volumes per CN code were given)",
          table: "",
        };
  }
  const disagree =
    e.aboveAnnexIThresholds !== (a.outcome === "applies") && a.outcome !== "unknown"
      ? ` The configuration's \`aboveAnnexIThresholds: ${e.aboveAnnexIThresholds}\` disagrees with the volumes; the volumes are used.`
      : "";
  const table = annexITable(a);
  if (a.outcome === "applies") {
    const codes = a.lines
      .filter((l) => l.status === "above")
      .map((l) => `CN ${md(l.cnCode)} (${kg(l.kg)})`)
      .join(", ");
    return {
      applies: true,
      heading: "",
      why: `its configured annual imports reach the Annex I threshold for ${codes}.${disagree}`,
      table,
    };
  }
  if (a.outcome === "exempt") {
    const codes = a.lines.map((l) => `CN ${md(l.cnCode)} ${kg(l.kg)} (threshold ${kg(l.thresholdKg ?? 0)})`).join("; ");
    return {
      applies: false,
      heading: "Not applicable",
      why: `its configured annual imports are below the Annex I threshold for every CN code: ${codes}.${disagree}`,
      table,
    };
  }
  const unknown = a.lines
    .filter((l) => l.status === "unknown")
    .map((l) => `CN ${md(l.cnCode)}`)
    .join(", ");
  return {
    applies: false,
    heading: "Applicability not determined",
    why: `no configured import reaches a known threshold, and the threshold for ${unknown} is unknown — check Annex I of the Regulation (as amended by Delegated Regulation (EU) 2020/1588) and set \`thresholdKg\` for the code in the configuration`,
    table,
  };
}

/** The note written instead of the report when the Regulation does not apply (or applicability is not determined). */
function notApplicable(input: ReportInput, a: { heading: string; why: string; table: string }): string {
  const company = md(input.company.name);
  return [
    `# EU Regulation 2017/821 — ${company} (${md(input.period)})`,
    "",
    draftNotice("applicability note", input.asOf),
    "",
    `## ${a.heading}`,
    "",
    `Regulation (EU) 2017/821 (Article 7 annual report, Articles 4–6 obligations) applies to Union importers of the minerals and metals listed in Annex I whose annual import volume of a CN code reaches that code's Annex I threshold. No Article 7 report is drafted for ${company}: ${a.why}`.replace(
      /([^.])$/,
      "$1.",
    ),
    "",
    ...(a.table ? [a.table, ""] : []),
    'If the company imports 3TG minerals or metals into the Union, set `declaration.euImporter` in assay.config.json (`unionImporter: true` and the annual volume per CN code in `imports`, e.g. `{ "cnCode": "8001 10 00", "kg": 240000 }`) and export again. Downstream companies outside the Regulation may still publish their due diligence voluntarily; the Form SD / Conflict Minerals Report draft covers the same facts.',
    "",
  ].join("\n");
}

/** An annual report draft under Article 7(3) of Regulation (EU) 2017/821 in Markdown, or a not-applicable note. */
export function euConflictMineralsReport(input: ReportInput): string {
  const scope = applicability(input);
  if (!scope.applies) return notApplicable(input, scope);
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
    `Report under Article 7(3) of Regulation (EU) 2017/821 on supply chain due diligence policies and practices for tin, tantalum, tungsten, their ores, and gold originating from conflict-affected and high-risk areas (CAHRAs). ${company} is a Union importer within the Regulation: ${scope.why.replace(/\.$/, "")}${input.euImporter.basis ? ` (${md(input.euImporter.basis)})` : ""}.`,
    "",
    ...(scope.table ? [scope.table, ""] : []),
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
        return [
          m,
          answerOf(r, "intentionally-added", m) ?? "—",
          answerOf(r, "cahra", m) ?? "—",
          answerOf(r, "recycled-scrap", m) ?? "—",
          String(s.length),
          String(s.filter((x) => currentlyConformant(x, periodEnd)).length),
        ];
      }),
    ),
    "",
    cahra.length > 0
      ? `Red flags: suppliers report that ${cahra.join(", ").toLowerCase()} may be sourced from CAHRAs (EU indicative list). The risk management plan addresses the ${counts.other} facility(ies) without RMAP status and the suppliers that reported them, with measurable improvement targets and timelines.`
      : "No supplier reports sourcing from CAHRAs; the company continues to monitor the EU indicative CAHRA list and supplier declarations.",
    recycled.length > 0
      ? `\nSupplier declarations state that all ${recycled.join(", ").toLowerCase()} originates from recycled or scrap sources; the due diligence behind this determination is described above (Article 7(3)).`
      : "",
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
