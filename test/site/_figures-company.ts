import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readTemplate } from "../../loaders/template/read-template.ts";
import { writeTemplate } from "../../src/generate/template/write-template.ts";
import { repoRoot } from "../helpers/paths.ts";

/**
 * The company named in a declaration no supplier-master entry matches (by link, unique ID or name), and the smelter
 * only that declaration names ("Smelter not listed").
 */
export const UNLINKED = {
  company: "Harbourline Trading Pte. Ltd.",
  file: "CMRT_Harbourline_Trading_2025.xlsx",
  smelter: "Harbourline Quayside Tin Works",
};

/**
 * The sample company (36 suppliers, 10 out of scope and some of those on BOMs, one period, 23 sanctions hits on RMI
 * reference facilities of which one is reported) plus one CMRT from a company the supplier master does not list.
 * Returns the config file for `assay build --config`.
 */
export async function writeFiguresCompany(dir: string): Promise<{ config: string }> {
  cpSync(join(repoRoot, "data/sample"), dir, { recursive: true });
  const source = "CMRT_Kestrel_Tooling_Inc_2025.xlsx";
  const decl = readTemplate(readFileSync(join(dir, "inbox", source)), { file: source, asOf: "2025-12-31" });
  const bytes = await writeTemplate(
    {
      ...decl,
      company: {
        ...decl.company,
        name: UNLINKED.company,
        uniqueId: null,
        uniqueIdAuthority: null,
        contactEmail: "compliance@harbourline.example",
      },
      smelters: [
        ...decl.smelters,
        {
          ...decl.smelters[0]!,
          row: Math.max(...decl.smelters.map((r) => r.row)) + 1,
          metal: "Tin",
          lookupName: "Smelter not listed",
          name: UNLINKED.smelter,
          country: "MALAYSIA",
          cid: null,
          idSource: null,
          street: null,
          city: "Penang",
          state: null,
          contactName: null,
          contactEmail: null,
          comments: null,
        },
      ],
    },
    { template: "CMRT", version: "6.5" },
  );
  writeFileSync(join(dir, "inbox", UNLINKED.file), bytes);
  const sample = JSON.parse(readFileSync(join(repoRoot, "assay.config.json"), "utf8")) as Record<string, unknown>;
  const config = join(dir, "assay.config.json");
  writeFileSync(
    config,
    JSON.stringify({
      ...sample,
      inputs: {
        inbox: ["inbox"],
        supplierMaster: "suppliers.csv",
        boms: ["boms.csv"],
        outreachLog: "outreach.csv",
        reference: [],
        decisions: ["decisions.csv"],
      },
    }),
  );
  return { config };
}
