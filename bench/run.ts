// Runs every benchmark (or those named on the command line) and prints a Markdown report.
// Usage: npm run bench [-- --quick] [-- name ...]
import { readdirSync } from "node:fs";
import { basename } from "node:path";
import type { Bench } from "./harness.ts";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const only = args.filter((a) => !a.startsWith("--"));
const dir = new URL(".", import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.includes(basename(f, ".bench.ts")))
  .sort();

console.log(
  `# Assay benchmarks\n\nnode ${process.version}, ${process.platform}/${process.arch}${quick ? ", quick mode" : ""}\n`,
);
for (const file of files) {
  const mod = (await import(new URL(file, dir).href)) as { bench: Bench };
  const section = await mod.bench({ quick });
  console.log(`## ${section.title}\n\n${section.lines.join("\n")}\n`);
}
