// Bench helpers: a cached synthetic company (keyed by seed and size) and supplier subsets of it for the growth curve.
import { spawnSync } from "node:child_process";
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { toCsv } from "../src/generate/write-company.ts";
import { parseCsv } from "../loaders/inputs/parse-csv.ts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const outRoot = path.join(repoRoot, "bench", "out");

export interface CompanySpec {
  seed: string;
  suppliers: number;
  products: number;
  realSize: boolean;
}

/** Generates the company once into bench/out/ (git-ignored); manifest.json is written last, so it marks completion. */
export function cachedCompany(spec: CompanySpec, log: (line: string) => void): string {
  const dir = path.join(
    outRoot,
    `company-${spec.seed}-s${spec.suppliers}-p${spec.products}${spec.realSize ? "" : "-small"}`,
  );
  if (existsSync(path.join(dir, "manifest.json"))) return dir;
  log(`generating ${dir} (cached for later runs)`);
  const args = [
    "bin/assay.mjs",
    "generate",
    "--suppliers",
    String(spec.suppliers),
    "--products",
    String(spec.products),
    "--seed",
    spec.seed,
    "--out",
    dir,
  ];
  const r = spawnSync(process.execPath, spec.realSize ? [...args, "--real-size"] : args, {
    cwd: repoRoot,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`assay generate failed: ${r.stderr}`);
  return dir;
}

function csvRows(file: string): { header: string[]; rows: string[][]; text: string[] } {
  const lines = readFileSync(file, "utf8").split("\n");
  const { header, records } = parseCsv(lines.join("\n"));
  return { header, rows: records.map((r) => r.fields), text: lines.slice(1).filter((l) => l !== "") };
}

/**
 * The first `n` suppliers of a company with their workbooks (hard links), BOM lines and outreach, and the first
 * `products` products: a smaller company drawn from the same population, for a growth curve.
 */
export function subsetCompany(dir: string, n: number, products: number): { dir: string; config: string } {
  const out = path.join(dir, "subsets", `s${n}`);
  const config = path.join(out, "assay.config.json");
  if (existsSync(config)) return { dir: out, config };
  rmSync(out, { recursive: true, force: true });
  mkdirSync(path.join(out, "inbox"), { recursive: true });
  const keep = new Set<string>();
  const suppliers = csvRows(path.join(dir, "suppliers.csv"));
  suppliers.rows.slice(0, n).forEach((r) => keep.add(r[0]!));
  const productIds = new Set(
    [...new Set(csvRows(path.join(dir, "boms.csv")).rows.map((r) => r[0]!))].slice(0, products),
  );
  const filter = (file: string, test: (fields: string[]) => boolean) => {
    const { rows, text } = csvRows(path.join(dir, file));
    const header = readFileSync(path.join(dir, file), "utf8").split("\n")[0]!;
    // parseCsv and the line split agree here: the generator never writes newlines inside fields.
    writeFileSync(path.join(out, file), [header, ...text.filter((_, i) => test(rows[i]!))].join("\n") + "\n");
  };
  filter("suppliers.csv", (f) => keep.has(f[0]!));
  // BOM lines of the first products; a line naming a supplier outside the subset moves to one inside it
  // (SUP-k → SUP-((k-1) mod n + 1)), so lines grow linearly with the subset, like a real company's.
  const boms = csvRows(path.join(dir, "boms.csv"));
  const width = suppliers.rows[0]![0]!.length - 4;
  const inside = (id: string) =>
    keep.has(id) ? id : `SUP-${String(((Number(id.slice(4)) - 1) % n) + 1).padStart(width, "0")}`;
  const lines = boms.rows.filter((f) => productIds.has(f[0]!)).map((f) => [...f.slice(0, 4), inside(f[4]!)]);
  const unique = [...new Map(lines.map((f) => [`${f[0]}|${f[2]}`, f])).values()];
  writeFileSync(path.join(out, "boms.csv"), toCsv(boms.header, unique));
  filter("outreach.csv", (f) => keep.has(f[0]!));
  const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as {
    inbox: Array<{ file: string; supplierId: string | null }>;
  };
  for (const e of manifest.inbox) {
    if (e.supplierId === null ? n === suppliers.rows.length : keep.has(e.supplierId))
      linkSync(path.join(dir, "inbox", e.file), path.join(out, "inbox", e.file));
  }
  writeFileSync(
    config,
    JSON.stringify(
      {
        period: "2025",
        inputs: { inbox: ["inbox"], supplierMaster: "suppliers.csv", boms: ["boms.csv"], outreachLog: "outreach.csv" },
      },
      null,
      2,
    ),
  );
  return { dir: out, config };
}
