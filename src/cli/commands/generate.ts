import { z } from "zod";
import { AssayError } from "../../errors.ts";
import { generateCompany, writeCompany } from "../../generate/index.ts";
import { booleanOption, stringOption, type Command } from "../command.ts";

const Args = z.object({
  suppliers: z.coerce.number().int().min(1).max(100_000),
  products: z.coerce.number().int().min(1).max(200_000),
  out: z.string().min(1),
  seed: z.string().min(1),
  year: z.coerce.number().int().min(2015).max(2100),
  jobs: z.coerce.number().int().min(1).max(64).optional(),
});

export const generateCommand: Command = {
  name: "generate",
  summary: "write a deterministic synthetic company (supplier master, BOMs, outreach log, inbox of workbooks)",
  usage: "assay generate --suppliers N --products M --out <dir> [--seed S] [--year YYYY] [--real-size] [--jobs N]",
  description: `Writes <dir>/suppliers.csv, boms.csv, outreach.csv, manifest.json and <dir>/inbox/ with CMRT 6.x and
EMRT 2.x responses in RMI's layouts, with the defects real inboxes have. The same options always give the same bytes.
Examples:
  assay generate --suppliers 36 --products 12 --out data/sample
  assay generate --suppliers 5000 --products 20000 --out bench/out/company --real-size`,
  options: {
    suppliers: { type: "string", value: "<n>", description: "number of suppliers (1–100000)" },
    products: { type: "string", value: "<n>", description: "number of products (1–200000)" },
    out: { type: "string", value: "<dir>", description: "output folder (its inbox/ is replaced)" },
    seed: { type: "string", value: "<text>", description: "random seed", default: "assay" },
    year: { type: "string", value: "<yyyy>", description: "reporting year all dates derive from", default: "2025" },
    "real-size": { type: "boolean", description: "fill each Smelter List to its 2,500 template rows (~0.5 MB files)" },
    jobs: {
      type: "string",
      value: "<n>",
      description: "worker threads writing workbooks (default: one per core; output is the same)",
    },
  },
  async run(ctx) {
    const parsed = Args.safeParse({
      suppliers: stringOption(ctx, "suppliers"),
      products: stringOption(ctx, "products"),
      out: stringOption(ctx, "out"),
      seed: stringOption(ctx, "seed"),
      year: stringOption(ctx, "year"),
      jobs: stringOption(ctx, "jobs"),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const key = String(issue.path[0]);
      const value = stringOption(ctx, key);
      throw new AssayError(
        `assay generate: --${key} ${value === undefined ? "is required" : `is invalid: ${JSON.stringify(value)}`} (${issue.message}; usage: ${generateCommand.usage})`,
        { code: "usage", exitCode: 2 },
      );
    }
    const a = parsed.data;
    const company = generateCompany({ suppliers: a.suppliers, products: a.products, seed: a.seed, year: a.year });
    const result = await writeCompany(company, a.out, {
      realSize: booleanOption(ctx, "real-size"),
      concurrency: a.jobs,
      onProgress: ctx.io.isTTY ? (done, total) => ctx.io.err(`\rworkbooks ${done}/${total}`) : undefined,
    });
    if (ctx.io.isTTY) ctx.io.err("\n");
    ctx.io.out(
      `wrote ${a.out}: ${company.suppliers.length} suppliers, ${company.products.length} products, ${company.bom.length} BOM lines, ` +
        `${company.outreach.length} outreach events, ${result.inbox.length} inbox files (${(result.bytes / 1e6).toFixed(1)} MB)\n`,
    );
    return 0;
  },
};
