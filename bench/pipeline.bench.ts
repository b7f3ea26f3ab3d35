// Enterprise scale: full build, no-change rebuild, site build, ingest pool and the growth curve, same run.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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
  const build = (config: string, db: string, extra: string[] = []) =>
    runAssay(["build", "--config", config, "--db", db, "--as-of", AS_OF, ...extra]);

  const note = (what: string, r: ChildRun) =>
    log(`${what}: ${s(r.seconds)}, peak ${mb(r)}, stages ${JSON.stringify(r.stages)}`);
  // The largest company is built through a config whose inbox also lists an (empty) arrival folder, so a nightly run
  // with one new workbook can be measured on the same warehouse without touching the cached company.
  const arrivals = path.join(work, "arrivals");
  mkdirSync(arrivals);
  const nightlyConfig = (config: string) => {
    const c = JSON.parse(readFileSync(config, "utf8")) as { inputs: Record<string, unknown> & { inbox: string[] } };
    const dir = path.dirname(config);
    const abs = (p: unknown) => (typeof p === "string" ? path.resolve(dir, p) : p);
    const inputs = Object.fromEntries(
      Object.entries(c.inputs).map(([k, v]) => [k, Array.isArray(v) ? v.map(abs) : abs(v)]),
    );
    const file = path.join(work, "nightly.config.json");
    writeFileSync(
      file,
      JSON.stringify({ ...c, inputs: { ...inputs, inbox: [...(inputs.inbox as string[]), arrivals] } }, null, 2),
    );
    return file;
  };
  const curve: Array<{ n: number; files: number; run: ChildRun }> = [];
  // Largest first, so its figures (the ones the targets are about) arrive first in the log.
  for (const n of [...sizes].reverse()) {
    const sub = subsetCompany(company, n, n * 4);
    const run = build(n === top ? nightlyConfig(sub.config) : sub.config, path.join(work, `s${n}.duckdb`), [
      "--no-site",
    ]);
    note(`full build (no site), ${n} suppliers`, run);
    curve.unshift({ n, files: readdirSync(path.join(sub.dir, "inbox")).length, run });
  }
  const db = path.join(work, `s${top}.duckdb`);
  const full = curve[curve.length - 1]!;
  const config = path.join(work, "nightly.config.json");
  const again = build(config, db, ["--no-site"]);
  note("no-change rebuild (no site)", again);
  const dist = path.join(outRoot, `dist-s${top}`);
  rmSync(dist, { recursive: true, force: true });
  let site: ChildRun | null = null;
  let noChange: ChildRun | null = null;
  if (!quick) {
    site = build(config, db, ["--out", dist]);
    note("site build", site);
    noChange = build(config, db, ["--out", dist]);
    note("no-change rebuild with site", noChange);
  }
  // A nightly run on which one new supplier workbook arrived: read it, match it, re-screen, re-score, rebuild the site.
  const newcomer = cachedCompany({ seed: "bench-arrival", suppliers: 1, products: 4, realSize: !quick }, log);
  const arrivalManifest = JSON.parse(readFileSync(path.join(newcomer, "manifest.json"), "utf8")) as {
    inbox: Array<{ file: string; supplierId: string | null; superseded: boolean }>;
  };
  const arrival = arrivalManifest.inbox.find((e) => e.supplierId !== null && !e.superseded)!.file;
  copyFileSync(path.join(newcomer, "inbox", arrival), path.join(arrivals, `arrival-${arrival}`));
  const oneNew = build(config, db, quick ? ["--no-site"] : ["--out", dist]);
  note(`nightly rebuild, one new workbook${quick ? " (no site)" : ""}`, oneNew);
  const small = curve[0]!;
  const ingestDir = path.join(subsetCompany(company, small.n, small.n * 4).dir, "inbox");
  log("ingest: pool vs one thread");
  const pool = runAssay(["ingest", ingestDir, "--as-of", AS_OF, "--db", path.join(work, "pool.duckdb")]);
  note("ingest, worker pool", pool);
  const single = runAssay([
    "ingest",
    ingestDir,
    "--as-of",
    AS_OF,
    "--jobs",
    "1",
    "--db",
    path.join(work, "single.duckdb"),
  ]);
  note("ingest, one thread", single);
  rmSync(work, { recursive: true, force: true });

  const exponent = growthExponent(curve.map((c) => [c.n, c.run.seconds] as const));
  const ingestExponent = growthExponent(curve.map((c) => [c.n, c.run.stages.ingest ?? c.run.seconds] as const));
  const pipelineSeconds = (r: ChildRun) =>
    Object.entries(r.stages)
      .filter(([k]) => k !== "site")
      .reduce((a, [, v]) => a + v, 0);
  const rows: Array<Array<string | number>> = [
    [`full build, ${top} suppliers, ${full.files} files (no site)`, s(full.run.seconds), mb(full.run), "baseline"],
    [
      "no-change rebuild (no site)",
      s(again.seconds),
      mb(again),
      `${ratio(again.seconds, full.run.seconds)} of full build`,
    ],
    [
      `ingest stage (${(full.files / (full.run.stages.ingest ?? 1)).toFixed(1)} files/s)`,
      s(full.run.stages.ingest ?? 0),
      "",
      `${ratio(full.run.stages.ingest ?? 0, full.run.seconds)} of full build`,
    ],
    [
      "scoring stage",
      s(full.run.stages.score ?? 0),
      "",
      `${ratio(full.run.stages.score ?? 0, small.run.stages.score ?? 1)} of ${small.n} suppliers' scoring`,
    ],
  ];
  if (site && noChange) {
    const siteSeconds = site.seconds - pipelineSeconds(site);
    rows.push([
      `site build (observable build, ${top} suppliers)`,
      s(siteSeconds),
      mb(site),
      `${ratio(siteSeconds, full.run.seconds)} of full build`,
    ]);
    rows.push([
      "full build including the site (target ≤ 300 s)",
      s(full.run.seconds + siteSeconds),
      mb(full.run),
      `${ratio(full.run.seconds + siteSeconds, full.run.seconds)} of full build`,
    ]);
    rows.push([
      "no-change rebuild with site",
      s(noChange.seconds),
      mb(noChange),
      `${ratio(noChange.seconds, full.run.seconds + siteSeconds)} of full build + site`,
    ]);
  }
  rows.push([
    `nightly rebuild, one new workbook${quick ? " (no site)" : " (site rebuilt)"}`,
    s(oneNew.seconds),
    mb(oneNew),
    `${ratio(oneNew.seconds, full.run.seconds + (site ? site.seconds - pipelineSeconds(site) : 0))} of full build${quick ? "" : " + site"}`,
  ]);
  rows.push([
    `ingest ${small.files} files, worker pool`,
    s(pool.seconds),
    mb(pool),
    `${ratio(single.seconds, pool.seconds)} faster than one thread`,
  ]);
  rows.push([`ingest ${small.files} files, one thread`, s(single.seconds), mb(single), "baseline"]);
  const curveRows = curve.map((c) => [
    c.n,
    c.files,
    s(c.run.seconds),
    s(c.run.stages.ingest ?? 0),
    s(c.run.stages.score ?? 0),
    mb(c.run),
    ratio(c.run.seconds, curve[0]!.run.seconds),
  ]);
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
