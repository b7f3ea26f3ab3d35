// Template reader throughput: the fast reader and the ingest pool against a full ExcelJS load, same run.
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { Database } from "../src/db/database.ts";
import { ingestPaths } from "../loaders/ingest/ingest.ts";
import { resolveSmelterRows } from "../src/matching/index.ts";
import { loadShippedReference } from "../loaders/reference/shipped.ts";
import { readTemplate } from "../loaders/template/read-template.ts";
import { writeTemplate } from "../src/generate/template/write-template.ts";
import { markdownTable, type Bench } from "./harness.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const realDir = path.join(process.env.ASSAY_SHARED ?? path.resolve(repoRoot, "../shared"), "templates", "real");

async function sampleWorkbooks(): Promise<{ source: string; files: Buffer[] }> {
  if (existsSync(realDir)) {
    const files = readdirSync(realDir)
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => readFileSync(path.join(realDir, f)));
    if (files.length > 0) return { source: `${files.length} real supplier CMRTs from ../shared`, files };
  }
  const smelters = Array.from({ length: 40 }, (_, i) => ({
    metal: "Tungsten",
    lookupName: "Smelter not listed",
    name: `Mill ${i}`,
    country: "CHINA",
  }));
  const files = await Promise.all(
    ["6.4", "6.5"].map(async (v) =>
      writeTemplate(
        { company: { name: "Bench Co", effectiveDate: "2025-01-01" }, smelters },
        { template: "CMRT", version: v, realSize: true },
      ),
    ),
  );
  return { source: "generated real-size CMRT 6.4/6.5 workbooks", files };
}

const fmt = (n: number, d = 1) => n.toFixed(d);

export const bench: Bench = async ({ quick }) => {
  const { source, files } = await sampleWorkbooks();
  const mb = files.reduce((s, f) => s + f.length, 0) / files.length / 1e6;

  const batch = quick ? 100 : 1000;
  const dir = mkdtempSync(path.join(tmpdir(), "assay-bench-"));
  // Distinct bytes per copy (a trailing tag after the zip directory) so the hash check cannot skip any.
  for (let i = 0; i < batch; i++)
    writeFileSync(
      path.join(dir, `supplier-${i}.xlsx`),
      Buffer.concat([files[i % files.length]!, Buffer.from(`#${i}`)]),
    );
  const db = await Database.open(":memory:");
  const cpu0 = process.cpuUsage();
  let t0 = performance.now();
  const summary = await ingestPaths(db, [dir], { asOf: "2025-01-01" });
  const ingestS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // CPU time of all threads (workers + DuckDB) per workbook: on a shared machine wall time includes waiting for cores.
  const ingestCpuMs = (cpu.user + cpu.system) / 1000 / batch;
  // What `assay ingest` adds after storing: resolving every stored smelter row against the shipped RMI reference.
  await loadShippedReference(db);
  const resolveCpu0 = process.cpuUsage();
  t0 = performance.now();
  await resolveSmelterRows(db);
  const resolveMs = (performance.now() - t0) / batch;
  const resolveCpu = process.cpuUsage(resolveCpu0);
  const resolveCpuMs = (resolveCpu.user + resolveCpu.system) / 1000 / batch;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  const peakMb = process.resourceUsage().maxRSS / 1024;

  const excelRuns = quick ? files.length : files.length * 2;
  const excelCpu0 = process.cpuUsage();
  t0 = performance.now();
  for (let i = 0; i < excelRuns; i++) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files[i % files.length] as unknown as ExcelJS.Buffer);
  }
  const excelMs = (performance.now() - t0) / excelRuns;
  const excelCpu = process.cpuUsage(excelCpu0);
  const excelCpuMs = (excelCpu.user + excelCpu.system) / 1000 / excelRuns;

  const fastRuns = quick ? files.length * 3 : files.length * 10;
  const fastCpu0 = process.cpuUsage();
  t0 = performance.now();
  for (let i = 0; i < fastRuns; i++) readTemplate(files[i % files.length]!, { file: "bench.xlsx", asOf: "2025-01-01" });
  const fastMs = (performance.now() - t0) / fastRuns;
  const fastCpu = process.cpuUsage(fastCpu0);
  const fastCpuMs = (fastCpu.user + fastCpu.system) / 1000 / fastRuns;

  return {
    title: "Template reader",
    lines: [
      `Input: ${source}, ${fmt(mb, 2)} MB on average; ${availableParallelism()} cores.`,
      "",
      ...markdownTable(
        ["reader", "ms per workbook", "workbooks/s", "vs ExcelJS", "CPU ms per workbook", "CPU vs ExcelJS"],
        [
          [
            "ExcelJS full load (baseline, no extraction)",
            fmt(excelMs),
            fmt(1000 / excelMs),
            "1.0×",
            fmt(excelCpuMs),
            "1.0×",
          ],
          [
            "readTemplate, one thread (full extraction + findings)",
            fmt(fastMs),
            fmt(1000 / fastMs),
            `${fmt(excelMs / fastMs)}×`,
            fmt(fastCpuMs),
            `${fmt(excelCpuMs / fastCpuMs)}×`,
          ],
          [
            `ingestPaths, ${batch} files, worker pool + DuckDB`,
            fmt((ingestS * 1000) / batch),
            fmt(batch / ingestS),
            `${fmt(excelMs / ((ingestS * 1000) / batch))}×`,
            fmt(ingestCpuMs),
            `${fmt(excelCpuMs / ingestCpuMs)}×`,
          ],
          [
            `+ smelter resolution (afterStore of assay ingest), per workbook`,
            fmt(resolveMs),
            "",
            "",
            fmt(resolveCpuMs),
            "",
          ],
          [
            "assay ingest = both",
            fmt((ingestS * 1000) / batch + resolveMs),
            fmt(1000 / ((ingestS * 1000) / batch + resolveMs)),
            `${fmt(excelMs / ((ingestS * 1000) / batch + resolveMs))}×`,
            fmt(ingestCpuMs + resolveCpuMs),
            `${fmt(excelCpuMs / (ingestCpuMs + resolveCpuMs))}×`,
          ],
        ],
      ),
      "",
      `Batch of ${batch}: ${summary.filesNew} new, ${summary.filesRejected.length} rejected; peak RSS during the batch ${fmt(peakMb, 0)} MB, measured before the ExcelJS runs (target < 1 GB; target ≥ 20 workbooks/s).`,
      `CPU ms count every thread of the process; ${availableParallelism()} idle cores would ingest about ${fmt((availableParallelism() * 1000) / ingestCpuMs, 0)} workbooks/s at that cost. Load average at the end: ${loadavg()[0]!.toFixed(1)}.`,
    ],
  };
};
