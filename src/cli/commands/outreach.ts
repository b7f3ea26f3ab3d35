import { resolve } from "node:path";
import { engagementSettings, openWarehouse } from "../command-settings.ts";
import { computeEngagement } from "../../engagement/compute-engagement.ts";
import { gatherEngagementInputs } from "../../engagement/gather.ts";
import { writeOutreach, type DraftSelection } from "../../engagement/write-outreach.ts";
import { AssayError } from "../../errors.ts";
import { stringOption, type Command } from "../command.ts";

const SELECTIONS: DraftSelection[] = ["next", "all", "request", "reminder", "escalation", "clarification"];

export const outreachCommand: Command = {
  name: "outreach",
  summary: "write request, reminder, escalation and clarification e-mail drafts and a mail-merge CSV",
  usage:
    "assay outreach --out <dir> [--kind next|all|request|reminder|escalation|clarification] [--as-of YYYY-MM-DD] [--period P]",
  description: `For every in-scope supplier without a usable declaration, writes an .eml draft (RFC 5322, UTF-8; open it
in a mail client, check, send) and one row of outreach-<period>.csv for mail merge. Each message says why the
data is needed, which RMI template and version to use, the deadline, how to complete it correctly, who to
contact and where the guidance is. A supplier whose declaration has error findings gets a clarification
request listing each finding with its sheet and cell. By default each supplier gets the draft its next action
calls for (see assay status); --kind all writes request, reminder and escalation drafts for every open supplier.
Sender and contact come from the config's "company" block; templates, intervals and links from "outreach".`,
  options: {
    out: { type: "string", value: "<dir>", description: "folder for the .eml files and the CSV (created if needed)" },
    kind: { type: "string", value: "<kind>", description: `which drafts: ${SELECTIONS.join(", ")}`, default: "next" },
    "as-of": {
      type: "string",
      value: "<YYYY-MM-DD>",
      description:
        "date of the drafts and base of their deadlines (default: config asOf, else the end of a past period, else today)",
    },
    period: {
      type: "string",
      value: "<P>",
      description: "reporting period = campaign (default: config period, else the as-of year)",
    },
  },
  async run(ctx) {
    const out = stringOption(ctx, "out");
    if (!out)
      throw new AssayError("assay outreach: missing --out <dir> (the folder for the drafts)", {
        code: "usage",
        exitCode: 2,
      });
    const kind = stringOption(ctx, "kind") ?? "next";
    if (!SELECTIONS.includes(kind as DraftSelection)) {
      throw new AssayError(
        `assay outreach: invalid --kind: ${JSON.stringify(kind)} (expected one of ${SELECTIONS.join(", ")})`,
        { code: "usage", exitCode: 2 },
      );
    }
    const settings = engagementSettings(ctx, "outreach");
    const db = await openWarehouse(ctx, "outreach");
    try {
      const inputs = await gatherEngagementInputs(db, { asOf: settings.asOf });
      const result = computeEngagement(inputs, settings);
      const dir = resolve(out);
      const summary = writeOutreach(
        result,
        inputs.suppliers,
        { company: settings.company, outreach: settings.outreach },
        dir,
        kind as DraftSelection,
      );
      const counts = new Map<string, number>();
      for (const d of summary.drafts) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
      const parts = [...counts].map(([k, n]) => `${n} ${k}`).join(", ") || "no drafts";
      ctx.io.out(`${dir}: ${parts}; mail merge ${summary.csvFile}\n`);
      for (const d of summary.drafts) if (d.warning) ctx.io.err(`warning: ${d.supplierId} ${d.file}: ${d.warning}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};
