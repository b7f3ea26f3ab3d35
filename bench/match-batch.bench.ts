import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { repoRoot } from "./_company.ts";
import { markdownTable, type Bench } from "./harness.ts";
import { buildEvalSet } from "./matching-eval-set.ts";
import { matchingFixture } from "./matching.bench.ts";

const cpuText = (ms: number | null) => (ms === null ? "–" : `${(ms / 1000).toFixed(2)} s`);
const csvField = (v: string | null | undefined) => (v && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : (v ?? ""));

const GNU_TIME = "/usr/bin/time";

/** One run: wall time, and CPU time (user + system, from GNU time when present: a loaded machine inflates wall time only). */
/** Node's arguments for `assay match --batch` on a CSV (no database file: the shipped reference). */
const matchArgv = (csv: string, db: string) => [
  join(repoRoot, "bin/assay.mjs"),
  "match",
  "--batch",
  csv,
  "--json",
  "--db",
  db,
];
/** Node alone, starting and exiting: what every process pays before assay runs a line. */
const NODE_ALONE = ["-e", "0"];

function run(
  argv: string[],
  env: Record<string, string | undefined>,
  dir: string,
): { ms: number; cpuMs: number | null; out: string } {
  const timed = existsSync(GNU_TIME);
  const cpuFile = join(dir, "cpu.txt");
  const t0 = performance.now();
  const r = spawnSync(
    timed ? GNU_TIME : process.execPath,
    timed ? ["-f", "%U %S", "-o", cpuFile, process.execPath, ...argv] : argv,
    {
      cwd: repoRoot,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      env: Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined)),
    },
  );
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`assay match --batch exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const cpu = timed ? readFileSync(cpuFile, "utf8").trim().split("\n").pop()!.split(" ").map(Number) : null;
  return { ms, cpuMs: cpu ? (cpu[0]! + cpu[1]!) * 1000 : null, out: r.stdout };
}

function median(
  argv: string[],
  env: Record<string, string | undefined>,
  runs: number,
  dir: string,
): { ms: number; cpuMs: number | null; out: string } {
  const first = run(argv, env, dir); // warm-up: builds the bundle / snapshot caches once
  const all = Array.from({ length: runs }, () => run(argv, env, dir));
  const mid = <T>(xs: T[]) => xs[Math.floor(xs.length / 2)]!;
  const cpu = all
    .map((r) => r.cpuMs)
    .filter((x): x is number => x !== null)
    .sort((a, b) => a - b);
  return { ms: mid(all.map((r) => r.ms).sort((a, b) => a - b)), cpuMs: cpu.length ? mid(cpu) : null, out: first.out };
}

// `assay match --batch` end to end, a new process per run (start-up included), on 800 seeded supplier-style
// queries against the shipped reference (no database file). Before: sources through tsx, the reference loaded
// into an in-memory DuckDB and the index built on every run. After: the cached CLI bundle and index snapshot.
export const bench: Bench = async ({ quick }) => {
  const { facilities, aliases } = await matchingFixture();
  const cases = buildEvalSet(facilities, aliases, 7, 800).slice(0, 800);
  const dir = mkdtempSync(join(tmpdir(), "assay-match-batch-"));
  try {
    const csv = join(dir, "queries.csv");
    writeFileSync(
      csv,
      `name,metal,country\n${cases.map((c) => [c.name, c.metal, c.country].map(csvField).join(",")).join("\n")}\n`,
    );
    const runs = quick ? 1 : 5;
    const match = matchArgv(csv, join(dir, "absent.duckdb"));
    const before = median(match, { ASSAY_TSX: "1", ASSAY_MATCH_SNAPSHOT: "0" }, runs, dir);
    const after = median(match, {}, runs, dir);
    if (before.out !== after.out) throw new Error("the cached path answers differently from the uncached one");
    const node = median(NODE_ALONE, {}, runs, dir);
    // Some machines set NODE_EXTRA_CA_CERTS (a proxy's certificates): Node parses them at every start, before any
    // of assay runs. Measured both ways, so the figure can be compared across machines.
    const extraCerts = process.env.NODE_EXTRA_CA_CERTS;
    const bare = extraCerts ? median(match, { NODE_EXTRA_CA_CERTS: undefined }, runs, dir) : null;
    const bareNode = extraCerts ? median(NODE_ALONE, { NODE_EXTRA_CA_CERTS: undefined }, runs, dir) : null;
    const qps = (ms: number) => Math.round((cases.length / ms) * 1000);
    const row = (label: string, r: { ms: number; cpuMs: number | null }) => [
      label,
      `${(r.ms / 1000).toFixed(2)} s`,
      qps(r.ms).toLocaleString("en"),
      cpuText(r.cpuMs),
      r.cpuMs ? qps(r.cpuMs).toLocaleString("en") : "–",
      `${(before.ms / r.ms).toFixed(1)}×`,
    ];
    return {
      title: "assay match --batch (queries per second, start-up included)",
      lines: [
        `${cases.length} queries, one process per run, median of ${runs} after a warm-up; identical output on both paths.`,
        "",
        ...markdownTable(
          ["path", "wall time", "queries/s (wall)", "CPU time", "queries per CPU-second", "ratio (wall)"],
          [
            [
              "tsx + DuckDB load + index build per run (before)",
              `${(before.ms / 1000).toFixed(2)} s`,
              qps(before.ms).toLocaleString("en"),
              cpuText(before.cpuMs),
              before.cpuMs ? qps(before.cpuMs).toLocaleString("en") : "–",
              "1.0×",
            ],
            row("cached CLI bundle + index snapshot (after)", after),
            ...(bare ? [row("after, without NODE_EXTRA_CA_CERTS", bare)] : []),
          ],
        ),
        "",
        "",
        `Node alone (start and exit, no assay code): ${(node.ms / 1000).toFixed(3)} s${bareNode ? `; ${(bareNode.ms / 1000).toFixed(3)} s without NODE_EXTRA_CA_CERTS (set here: ${extraCerts})` : ""}.`,
        "CPU time exceeds wall time by V8's background compiler and GC threads; on a shared machine, queries per CPU-second is the comparable figure.",
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
