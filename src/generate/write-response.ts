import { writeFileSync } from "node:fs";
import { writeTemplate } from "./template/write-template.ts";
import { loadLookup } from "./template/_lookup.ts";
import { buildDeclaration, type DeclarationPlan } from "./declaration-builder.ts";
import { Rng } from "./rng.ts";

/** One inbox workbook to write: the response's plan, its index (which seeds its draws) and its final file path. */
export interface ResponseJob {
  index: number;
  path: string;
  plan: DeclarationPlan;
  seed: string;
  year: number;
  realSize: boolean;
}

export interface WrittenResponse {
  index: number;
  bytes: number;
  smelterRows: number;
  cids: string[];
  typedNames: string[];
}

/** Builds and writes one response workbook; its bytes depend only on the job, so any thread may write it. */
export async function writeResponse(job: ResponseJob): Promise<WrittenResponse> {
  const { plan } = job;
  const rng = new Rng(`${job.seed}:${job.year}:file:${job.index}`);
  const built = buildDeclaration(rng, plan, loadLookup(plan.template, plan.version));
  const data = await writeTemplate(built.input, {
    template: plan.template,
    version: plan.version,
    realSize: job.realSize,
    defects: built.defects,
    timestamp: `${job.year + 1}-01-01T00:00:00Z`,
    creator: plan.company.contactName,
  });
  writeFileSync(job.path, data);
  return {
    index: job.index,
    bytes: data.length,
    smelterRows: built.input.smelters?.length ?? 0,
    cids: [...new Set(built.cids)].sort(),
    typedNames: built.typedNames,
  };
}
