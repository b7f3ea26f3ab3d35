import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import { Database } from "../../src/db/database.ts";
import { runPipeline, type StageResult } from "../../src/pipeline/run-pipeline.ts";
import { buildStages } from "../../src/pipeline/stages.ts";
import { repoRoot } from "../helpers/paths.ts";

// The bundled sample company, copied so the test can change its inputs.
function companyCopy(): { dir: string; configPath: string } {
  const dir = mkdtempSync(join(tmpdir(), "assay-incremental-"));
  cpSync(join(repoRoot, "data/sample"), join(dir, "company"), { recursive: true });
  const configPath = join(dir, "assay.config.json");
  writeFileSync(
    configPath,
    JSON.stringify({
      period: "2025",
      inputs: {
        inbox: ["company/inbox"],
        supplierMaster: "company/suppliers.csv",
        boms: ["company/boms.csv"],
        outreachLog: "company/outreach.csv",
      },
    }),
  );
  return { dir, configPath };
}

async function build(
  db: Database,
  configPath: string,
  options: { asOf?: string; full?: boolean } = {},
): Promise<Record<string, string>> {
  const results: StageResult[] = await runPipeline(buildStages, {
    db,
    config: loadConfig(configPath),
    asOf: options.asOf ?? "2026-03-31",
    period: "2025",
    full: options.full,
    log: () => {},
    progress: () => {},
  });
  return Object.fromEntries(results.map((r) => [r.name, r.summary]));
}

const count = (db: Database, table: string) => db.scalar<number>(`SELECT count(*) FROM ${table}`);

describe("incremental assay build", () => {
  let db: Database;
  let company: { dir: string; configPath: string };
  let first: Record<string, string>;

  beforeAll(async () => {
    company = companyCopy();
    db = await Database.open(":memory:");
    first = await build(db, company.configPath);
  }, 180_000);

  it("runs every stage the first time and records what each derived stage read", async () => {
    for (const stage of ["inputs", "screen", "engagement", "score"]) expect(first[stage], stage).not.toMatch(/skipped/);
    expect(await count(db, "scoring_runs"), "one scoring run").toBe(1);
    const stages = (await db.all<{ stage: string }>("SELECT stage FROM build_fingerprints ORDER BY stage")).map(
      (r) => r.stage,
    );
    expect(stages).toEqual(
      expect.arrayContaining(["engagement", "inputs", "score", "screen", "screen:mine-countries"]),
    );
  });

  it("skips inputs, screening, engagement and scoring when nothing changed", async () => {
    const again = await build(db, company.configPath);
    expect(again.inputs).toMatch(/^skipped, inputs unchanged/);
    expect(again.ingest).toMatch(/0 new/);
    expect(again.screen).toMatch(
      /^sanctions screening skipped \(reference, lists and as-of unchanged\); mine countries unchanged/,
    );
    expect(again.engagement).toMatch(/^skipped, inputs unchanged \(last run: \d+\/\d+ suppliers in scope/);
    expect(again.score).toMatch(/^skipped, inputs unchanged \(last run: run 1:/);
    expect(await count(db, "scoring_runs"), "no new scoring run").toBe(1);
    expect(await count(db, "engagement_runs"), "no new engagement run").toBe(1);
  }, 120_000);

  it("re-runs engagement and scoring (not screening) when the outreach log changes", async () => {
    const supplier = readFileSync(join(company.dir, "company/suppliers.csv"), "utf8").split("\n")[1]!.split(",")[0]!;
    appendFileSync(
      join(company.dir, "company/outreach.csv"),
      `${supplier},2025-12-01,email,compliance@example.com,reminder,year-end reminder\n`,
    );
    const changed = await build(db, company.configPath);
    expect(changed.inputs).not.toMatch(/skipped/);
    expect(changed.screen).toMatch(/^sanctions screening skipped/);
    expect(changed.engagement).not.toMatch(/skipped/);
    expect(changed.score).toMatch(/^run 2:/);
    expect(await count(db, "scoring_runs")).toBe(2);
  }, 120_000);

  it("re-runs the mine-country rating, engagement and scoring when a new workbook arrives", async () => {
    const inbox = join(company.dir, "company/inbox");
    const workbook = readdirSync(inbox).find((f) => f.startsWith("CMRT_"))!;
    // Same workbook, different bytes: a supplier re-sent it with a trailing byte.
    writeFileSync(join(inbox, "resent.xlsx"), Buffer.concat([readFileSync(join(inbox, workbook)), Buffer.from(" ")]));
    const changed = await build(db, company.configPath);
    expect(changed.ingest).toMatch(/1 new/);
    expect(changed.inputs).toMatch(/^skipped/);
    expect(changed.screen).toMatch(/^sanctions screening skipped/);
    expect(changed.score).toMatch(/^run 3:/);
  }, 120_000);

  it("re-runs screening, engagement and scoring for another as-of date, and everything with full", async () => {
    const later = await build(db, company.configPath, { asOf: "2026-04-30" });
    expect(later.screen).toMatch(/^\d+ reference smelter\(s\) screened/);
    expect(later.engagement).not.toMatch(/skipped/);
    expect(later.score).toMatch(/^run 4:/);
    const full = await build(db, company.configPath, { asOf: "2026-04-30", full: true });
    expect(full.inputs).not.toMatch(/skipped/);
    expect(full.screen).toMatch(/^\d+ reference smelter\(s\) screened: .*; \d+ mine-country rating/);
    expect(full.score).toMatch(/^run 5:/);
    const quiet = await build(db, company.configPath, { asOf: "2026-04-30" });
    expect(quiet.score).toMatch(/^skipped, inputs unchanged \(last run: run 5:/);
  }, 180_000);
});
