import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { LoadedConfig } from "../../config/config.ts";
import { AssayError } from "../../errors.ts";
import { loadBom } from "../../../loaders/bom.ts";
import { loadDecisions } from "../../../loaders/decisions.ts";
import { loadOutreachLog } from "../../../loaders/outreach-log.ts";
import { loadSmelterEvidence } from "../../../loaders/smelter-evidence.ts";
import { loadSupplierMaster } from "../../../loaders/supplier-master.ts";
import type { Database } from "../../db/database.ts";
import type { LoadResult } from "../../../loaders/inputs/load-csv-input.ts";
import type { Stage } from "../stage.ts";

/** Removes rows whose source file is no longer configured, so a dropped BOM stops counting. */
async function forgetOtherSources(
  db: Database,
  table: "suppliers" | "bom_lines" | "outreach_events" | "decisions" | "smelter_evidence",
  keep: string[],
): Promise<void> {
  const sources = await db.all<{ source: string }>(`SELECT DISTINCT source FROM ${table}`);
  for (const { source } of sources)
    if (!keep.includes(source)) await db.run(`DELETE FROM ${table} WHERE source = ?`, [source]);
}

/** A configured input file that is missing is a configuration error naming the key, before anything is replaced. */
function requireFile(config: LoadedConfig, key: string, path: string): string {
  const file = resolve(config.resolve(path));
  if (!existsSync(file) || !statSync(file).isFile()) {
    const where = config.path ?? "configuration";
    throw new AssayError(`${where}: inputs.${key}: ${existsSync(file) ? "not a file" : "no such file"}: ${file}`, {
      code: "config",
      exitCode: 2,
    });
  }
  return file;
}

/** Loads the supplier master, bills of materials, outreach log, analyst decisions and smelter evidence named in the configuration. */
export const inputsStage: Stage = {
  name: "inputs",
  async run({ db, config, log }) {
    const { supplierMaster, boms, outreachLog, decisions, smeltersOfInterest } = config.config.inputs;
    const results: LoadResult[] = [];
    const suppliers = supplierMaster ? [requireFile(config, "supplierMaster", supplierMaster)] : [];
    const bomFiles = boms.map((b, i) => requireFile(config, `boms[${i}]`, b));
    const outreach = outreachLog ? [requireFile(config, "outreachLog", outreachLog)] : [];
    await forgetOtherSources(db, "suppliers", suppliers);
    await forgetOtherSources(db, "bom_lines", bomFiles);
    const decisionFiles = decisions.map((d, i) => requireFile(config, `decisions[${i}]`, d));
    await forgetOtherSources(db, "outreach_events", outreach);
    await forgetOtherSources(db, "decisions", decisionFiles);
    const evidenceFiles = smeltersOfInterest.map((f, i) => requireFile(config, `smeltersOfInterest[${i}]`, f));
    await forgetOtherSources(db, "smelter_evidence", evidenceFiles);
    for (const f of suppliers) results.push(await loadSupplierMaster(db, f));
    for (const f of bomFiles) results.push(await loadBom(db, f));
    for (const f of outreach) results.push(await loadOutreachLog(db, f));
    for (const f of decisionFiles) results.push(await loadDecisions(db, f));
    for (const f of evidenceFiles) results.push(await loadSmelterEvidence(db, f));
    for (const r of results) {
      for (const e of [...r.errors, ...r.warnings])
        log(`  ${e.file}:${e.line}${e.column ? ` column ${e.column}` : ""}: ${e.message}`);
    }
    const stored = results.reduce((n, r) => n + r.rowsStored, 0);
    const errors = results.reduce((n, r) => n + r.errors.length, 0);
    return `${results.length} file(s), ${stored} row(s) stored${errors ? `, ${errors} row error(s)` : ""}`;
  },
};
