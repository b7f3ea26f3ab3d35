// Runs `assay <args>` in a child process and reports wall time, peak RSS (GNU time when present) and stage times.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { repoRoot } from "./_company.ts";

export interface ChildRun {
  seconds: number;
  /** Peak resident set size of the largest process in the tree, MB (null when GNU time is missing). */
  peakMb: number | null;
  /** Seconds per build stage, from the "<stage> … (x.x s)" lines. */
  stages: Record<string, number>;
  stderr: string;
}

const GNU_TIME = "/usr/bin/time";

export function runAssay(args: string[], cwd = repoRoot): ChildRun {
  const timed = existsSync(GNU_TIME);
  const cmd = timed ? GNU_TIME : process.execPath;
  const argv = timed
    ? ["-v", process.execPath, `${repoRoot}/bin/assay.mjs`, ...args]
    : [`${repoRoot}/bin/assay.mjs`, ...args];
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { cwd, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`assay ${args.join(" ")} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const stages: Record<string, number> = {};
  for (const line of r.stderr.split("\n")) {
    const m = /^([a-z]+)\s+.*\((\d+(?:\.\d+)?) s\)$/.exec(line);
    if (m) stages[m[1]!] = Number(m[2]);
  }
  return { seconds, peakMb: rss ? Number(rss[1]) / 1024 : null, stages, stderr: r.stderr };
}
