// Enterprise scale: full build, no-change rebuild, site build, ingest pool and the growth curve, same run.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cachedCompany, outRoot, subsetCompany } from "./_company.ts";
import { runAssay, type ChildRun } from "./_child.ts";
import { markdownTable, type Bench } from "./harness.ts";

const AS_OF = "2026-03-31";
const s = (x: number) => `${x.toFixed(1)} s`;
const mb = (r: ChildRun) => (r.peakMb === null ? "n/a" : `${Math.round(r.peakMb)} MB`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** Least-squares slope of log(y) on log(x): 1 is linear growth. */
export function growthExponent(points: ReadonlyArray<readonly [number, number]>): number {
  const xs = points.map(([x]) => Math.log(x));
  const ys = points.map(([, y]) => Math.log(y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0);
  const den = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return num / den;
}

export const bench: Bench = async ({ quick }) => {
  const log = (line: string) => process.stderr.write(`[pipeline] ${line}\n`);
  const top = quick ? 40 : 5000;
  const sizes = quick ? [20, 40] : [500, 1000, 2500, 5000];
  const company = cachedCompany({ seed: "bench", suppliers: top, products: top * 4, realSize: !quick }, log);
  const work = mkdtempSync(path.join(tmpdir(), "assay-bench-pipeline-"));
  const build = (config: string, db: string, extra: string[] = []) => runAssay(["build", "--config", config, "--db", db, "--as-of", AS_OF, ...extra]);

  const note = (what: string, r: ChildRun) => log(`${what}: ${s(r.seconds)}, peak ${mb(r)}, stages ${JSON.stringify(r.stages)}`);
  const curve: Array<{ n: number; files: number; run: ChildRun }> = [];
  // Largest first, so its figures (the ones the targets are about) arrive first in the log.
  for (const n of [...sizes].reverse()) {
    const sub = subsetCompany(company, n, n * 4);
    const run = build(sub.config, path.join(work, `s${n}.duckdb`), ["--no-site"]);
    note(`full build (no site), ${n} suppliers`, run);
    curve.unshift({ n, files: readdirSync(path.join(sub.dir, "inbox")).length, run });
  }
  const biggest = subsetCompany(company, top, top * 4);
  const db = path.join(work, `s${top}.duckdb`);
  const full = curve[curve.length - 1]!;
  const again = build(biggest.config, db, ["--no-site"]);
  note("no-change rebuild (no site)", again);
  const dist = path.join(outRoot, `dist-s${top}`);
  rmSync(dist, { recursive: true, force: true });
  let site: ChildRun | null = null;
  let noChange: ChildRun | null = null;
  if (!quick) {
    site = build(biggest.config, db, ["--out", dist]);
    note("site build", site);
    noChange = build(biggest.config, db, ["--out", dist]);
    note("no-change rebuild with site", noChange);
  }
  const small = curve[0]!;
  const ingestDir = path.join(subsetCompany(company, small.n, small.n * 4).dir, "inbox");
  log("ingest: pool vs one thread");
  const pool = runAssay(["ingest", ingestDir, "--as-of", AS_OF, "--db", path.join(work, "pool.duckdb")]);
  note("ingest, worker pool", pool);
  const single = runAssay(["ingest", ingestDir, "--as-of", AS_OF, "--jobs", "1", "--db", path.join(work, "single.duckdb")]);
  note("ingest, one thread", single);
  rmSync(work, { recursive: true, force: true });

  const exponent = growthExponent(curve.map((c) => [c.n, c.run.seconds] as const));
  const ingestExponent = growthExponent(curve.map((c) => [c.n, c.run.stages.ingest ?? c.run.seconds] as const));
  const pipelineSeconds = (r: ChildRun) => Object.entries(r.stages).filter(([k]) => k !== "site").reduce((a, [, v]) => a + v, 0);
  const rows: Array<Array<string | number>> = [
    [`full build, ${top} suppliers, ${full.files} files (no site)`, s(full.run.seconds), mb(full.run), "baseline"],
    ["no-change rebuild (no site)", s(again.seconds), mb(again), `${ratio(again.seconds, full.run.seconds)} of full build`],
    [`ingest stage (${(full.files / (full.run.stages.ingest ?? 1)).toFixed(1)} files/s)`, s(full.run.stages.ingest ?? 0), "", `${ratio(full.run.stages.ingest ?? 0, full.run.seconds)} of full build`],
    ["scoring stage", s(full.run.stages.score ?? 0), "", `${ratio(full.run.stages.score ?? 0, small.run.stages.score ?? 1)} of ${small.n} suppliers' scoring`],
  ];
  if (site && noChange) {
    const siteSeconds = site.seconds - pipelineSeconds(site);
    rows.push([`site build (observable build, ${top} suppliers)`, s(siteSeconds), mb(site), `${ratio(siteSeconds, full.run.seconds)} of full build`]);
    rows.push(["no-change rebuild with site", s(noChange.seconds), mb(noChange), `${ratio(noChange.seconds, full.run.seconds + siteSeconds)} of full build + site`]);
  }
  rows.push([`ingest ${small.files} files, worker pool`, s(pool.seconds), mb(pool), `${ratio(single.seconds, pool.seconds)} faster than one thread`]);
  rows.push([`ingest ${small.files} files, one thread`, s(single.seconds), mb(single), "baseline"]);
  const curveRows = curve.map((c) => [c.n, c.files, s(c.run.seconds), s(c.run.stages.ingest ?? 0), s(c.run.stages.score ?? 0), mb(c.run), ratio(c.run.seconds, curve[0]!.run.seconds)]);
  return {
    title: `Enterprise pipeline (${top} suppliers, ${top * 4} products${quick ? ", quick: small workbooks, no site build" : ", real-size workbooks"})`,
    lines: [
      ...markdownTable(["measure", "time", "peak RSS", "vs baseline"], rows),
      "",
      `Growth curve (full build without site, fresh database each; suppliers drawn from the same ${top}-supplier company):`,
      "",
      ...markdownTable(["suppliers", "files", "build", "ingest", "score", "peak RSS", "vs smallest"], curveRows),
      "",
      `Fitted growth exponent (log time vs log suppliers): build ${exponent.toFixed(2)}, ingest ${ingestExponent.toFixed(2)} (1.00 = linear).`,
    ],
  };
};
