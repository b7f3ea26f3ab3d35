import type { Database } from "../../db/database.ts";
import { reportDrafts, type ReportDraft } from "../../exports/report-drafts.ts";
import { DeclarationConfig } from "../../exports/rollup-input.ts";
import { siteSettings } from "../page-data.ts";

/** One regulatory draft as a site page: front matter, a note on its status, then the escaped Markdown. */
export async function draftPage(db: Database, id: ReportDraft["id"]): Promise<string> {
  const { config, asOf, period } = siteSettings();
  const { drafts } = await reportDrafts(db, {
    company: config.config.company,
    declaration: DeclarationConfig.parse(config.config.declaration ?? {}),
    asOf,
    period,
  });
  const draft = drafts.find((d) => d.id === id)!;
  return [
    "---",
    `title: ${JSON.stringify(draft.title)}`,
    "toc: true",
    "---",
    "",
    '<link rel="stylesheet" href="../assets/site.css">',
    "",
    "```js",
    'import "../components/a11y.js";',
    "```",
    "",
    `<p class="muted">Also written as <code>${draft.file}</code> by <code>assay export reports --out &lt;dir&gt;</code>.</p>`,
    "",
    draft.markdown,
    "",
  ].join("\n");
}
