import { ingestPaths, unchangedText } from "../../../loaders/ingest/ingest.ts";
import type { Stage } from "../stage.ts";

/** Ingests new or changed supplier workbooks from the configured inbox folders (unchanged bytes are skipped). */
export const ingestStage: Stage = {
  name: "ingest",
  async run({ db, config, asOf, log, progress }) {
    const inbox = config.config.inputs.inbox.map((p) => config.resolve(p));
    if (inbox.length === 0) return "no inbox configured";
    const s = await ingestPaths(db, inbox, { asOf, onProgress: progress, command: "build" });
    for (const r of s.filesRejected) log(`  rejected ${r.path}: ${r.reason}`);
    for (const c of s.filesCopied) log(`  copy ${c.path}: same bytes as ${c.sameAs} (not read again)`);
    const rows = Object.values(s.rowsStored).reduce((a, b) => a + b, 0);
    return `${s.filesSeen} file(s): ${s.filesNew} new, ${unchangedText(s)}, ${s.filesRejected.length} rejected; ${rows} row(s) stored`;
  },
};
