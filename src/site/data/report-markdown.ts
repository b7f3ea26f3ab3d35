import { escapeMarkdown } from "../../exports/markdown.ts";
import type { reportData } from "./report-data.ts";

type Report = Awaited<ReturnType<typeof reportData>>;

const fmt = (v: number | null, format: string) =>
  v === null ? "–" : format === "percent" ? `${Math.round(v * 100)}%` : v.toLocaleString("en-US");
// Supplier text goes into Markdown meant for sharing: it may not open tags, links or emphasis, nor break a table cell.
const cell = (v: unknown) => escapeMarkdown(v === null || v === undefined ? "" : String(v));

/** The executive report as Markdown (what `assay report` prints without --pdf). */
export function reportMarkdown(r: Report): string {
  const lines = [`# Responsible-minerals programme${r.company ? ` of ${cell(r.company)}` : ""}: executive report`, ""];
  if (r.current)
    lines.push(
      `Period ${cell(r.current.period)}, as of ${r.current.asOf}; compared with ${cell(r.previous?.period ?? "no earlier period")}.`,
      "",
    );
  lines.push(cell(r.headline), "");
  if (r.survey.length > 0) {
    lines.push(
      "## Supplier survey",
      "",
      "| Template | Relevant suppliers | Responded (usable declaration) | Share |",
      "|---|---:|---:|---:|",
    );
    for (const c of r.survey)
      lines.push(
        `| ${c.family} | ${c.relevant} | ${c.responded} | ${fmt(c.relevant ? c.responded / c.relevant : null, "percent")} |`,
      );
    lines.push("");
  }
  lines.push("## Programme status", "", "| KPI | Value | Previous |", "|---|---:|---:|");
  for (const k of r.kpis) lines.push(`| ${k.label} | ${fmt(k.value, k.format)} | ${fmt(k.previous, k.format)} |`);
  lines.push("", "## Top risks", "");
  if (r.risks.length === 0) lines.push("No smelter is rated High or Critical.");
  else {
    lines.push("| Smelter | Metal | Country | Band | Suppliers | Why |", "|---|---|---|---|---:|---|");
    for (const x of r.risks)
      lines.push(`| ${cell(x.name)} | ${x.metal} | ${cell(x.country)} | ${x.band} | ${x.suppliers} | ${cell(x.why)} |`);
  }
  lines.push("", "## Required actions", "");
  if (r.actions.length === 0) lines.push("No open actions.");
  else {
    lines.push("| Action | Suppliers | For example |", "|---|---:|---|");
    for (const a of r.actions) lines.push(`| ${a.action} | ${a.suppliers} | ${cell(a.examples)} |`);
  }
  return `${lines.join("\n")}\n`;
}
