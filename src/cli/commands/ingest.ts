import { existsSync } from "node:fs";
import { Database } from "../../db/database.ts";
import { AssayError } from "../../errors.ts";
import { ingestPaths, unchangedText } from "../../../loaders/ingest/ingest.ts";
import { resolveSmelterRows } from "../../matching/index.ts";
import { hasSmelterReference, loadShippedReference } from "../../../loaders/reference/shipped.ts";
import { progressLine } from "../../../loaders/ingest/progress-bar.ts";
import { booleanOption, stringOption, type Command } from "../command.ts";
import { withWarehouseLock } from "../../pipeline/warehouse-lock.ts";
import { terminalText } from "../../text/terminal-text.ts";

export const ingestCommand: Command = {
  name: "ingest",
  summary: "read RMI templates (files or folders) into the database",
  usage: "assay ingest <file|dir>... [--as-of YYYY-MM-DD] [--jobs <n>] [--json] [--db <file>]",
  description: `Folders are walked recursively. Every file is ingested, skipped as unchanged (same bytes seen
before) or rejected with a reason. A newer declaration from the same supplier and scope supersedes the older one.`,
  options: {
    "as-of": { type: "string", value: "<date>", description: "date for effective-date checks (default: today)" },
    jobs: { type: "string", value: "<n>", description: "reader threads (default: one per core)" },
    json: { type: "boolean", description: "print the summary as JSON" },
  },
  async run(ctx) {
    if (ctx.positionals.length === 0)
      throw new AssayError("assay ingest: expected at least one file or folder (usage: assay ingest <file|dir>...)", {
        exitCode: 2,
      });
    const asOf = stringOption(ctx, "as-of");
    if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
      throw new AssayError(`assay ingest: invalid --as-of: ${asOf} (expected YYYY-MM-DD)`, { exitCode: 2 });
    const jobsText = stringOption(ctx, "jobs");
    const jobs = jobsText === undefined ? undefined : Number(jobsText);
    if (jobs !== undefined && !(Number.isInteger(jobs) && jobs > 0))
      throw new AssayError(`assay ingest: invalid --jobs: ${jobsText} (expected a positive integer)`, { exitCode: 2 });
    const missing = ctx.positionals.filter((p) => !existsSync(p));
    if (missing.length > 0)
      throw new AssayError(
        `assay ingest: no such file or folder: ${missing.map((p) => JSON.stringify(p)).join(", ")}`,
        { exitCode: 2 },
      );
    return withWarehouseLock(
      ctx.dbPath,
      async () => {
        const db = await Database.open(ctx.dbPath);
        try {
          const summary = await ingestPaths(db, ctx.positionals, {
            asOf,
            concurrency: jobs,
            command: "ingest",
            // Every stored smelter row is resolved to an RMI facility right away (issue: identification during ingest).
            afterStore: async (store) => {
              await loadShippedReferenceIfMissing(store);
              await resolveSmelterRows(store);
            },
            onProgress: ctx.io.isTTY ? (done, total, path) => ctx.io.err(progressLine(done, total, path)) : undefined,
          });
          if (ctx.io.isTTY) ctx.io.err("\n");
          if (booleanOption(ctx, "json")) {
            ctx.io.out(`${JSON.stringify(summary)}\n`);
          } else {
            const rows = Object.entries(summary.rowsStored)
              .map(([t, n]) => `${t} ${n}`)
              .join(", ");
            ctx.io.out(
              `${summary.filesSeen} file(s): ${summary.filesNew} new, ${unchangedText(summary)}, ${summary.filesRejected.length} rejected\n`,
            );
            if (rows) ctx.io.out(`rows stored: ${rows}\n`);
            for (const c of summary.filesCopied)
              ctx.io.out(`copy ${terminalText(c.path)}: same bytes as ${terminalText(c.sameAs)} (not read again)\n`);
            for (const r of summary.filesRejected)
              ctx.io.out(`rejected ${terminalText(r.path)}: ${terminalText(r.reason)}\n`);
          }
          return 0;
        } finally {
          db.close();
        }
      },
      (pid) => ctx.io.err(`waiting for the build or ingest in process ${pid} to finish with ${ctx.dbPath}\n`),
    );
  },
};

async function loadShippedReferenceIfMissing(db: Database): Promise<void> {
  if (!(await hasSmelterReference(db))) await loadShippedReference(db);
}
