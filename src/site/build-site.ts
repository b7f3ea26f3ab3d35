import { spawn } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { AssayError } from "../errors.ts";
import { withLock } from "../file-lock.ts";
import { prepareOutput, stagingFolder, swapInto } from "./swap-output.ts";
import { fillNpmCache } from "./npm-cache.ts";
import { REPO_ROOT } from "../repo-root.ts";

export interface SiteBuildOptions {
  /** Framework root (pages/). */
  root: string;
  /** Database the page data loaders read. */
  dbPath: string;
  /** Remove personal data (supplier contact names, e-mails, phones) from every page. */
  redact?: boolean;
  /** Output folder (Framework's `output`, default dist). */
  output?: string;
  /** Configuration, as-of date and period of the build (page loaders for the regulatory drafts use them). */
  configPath?: string;
  asOf?: string;
  period?: string;
  log?: (line: string) => void;
  /** Test hook: the command run instead of `observable build` (argv), to exercise a failing site build. */
  command?: readonly string[];
}

/**
 * Framework caches data-loader output under .observablehq/cache and serves it again when the loader
 * source is unchanged — even when the database changed. Delete every cached loader output first so a
 * build never ships stale data; keep only the bundled npm/node modules, which derive from node_modules.
 */
export function clearLoaderCache(root: string): void {
  const cache = join(root, ".observablehq", "cache");
  if (!existsSync(cache)) return;
  for (const entry of readdirSync(cache)) {
    if (entry === "_npm" || entry === "_node") continue;
    rmSync(join(cache, entry), { recursive: true, force: true });
  }
}

export async function buildSite(options: SiteBuildOptions): Promise<void> {
  const root = resolve(options.root);
  const lock = join(root, ".observablehq", "build.lock");
  await withLock(lock, () => runBuild(root, options), {
    onWait: () => options.log?.(`waiting for another site build of ${root} to finish`),
  });
}

/**
 * Builds into a staging folder beside the output and swaps it in only when Framework finished without error: a failed
 * or killed build leaves the last good site as it was.
 */
async function runBuild(root: string, options: SiteBuildOptions): Promise<void> {
  const log = options.log ?? (() => {});
  const output = resolve(options.output ?? "dist");
  prepareOutput(output);
  const staging = stagingFolder(output);
  rmSync(staging, { recursive: true, force: true });
  try {
    await frameworkBuild(root, staging, options, log);
    swapInto(staging, output);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function frameworkBuild(
  root: string,
  staging: string,
  options: SiteBuildOptions,
  log: (line: string) => void,
): Promise<void> {
  clearLoaderCache(root);
  await fillNpmCache(root);
  const bin = join(REPO_ROOT, "node_modules", ".bin");
  const env = {
    ...process.env,
    ASSAY_DB: resolve(options.dbPath),
    ASSAY_REDACT: options.redact ? "1" : "",
    ASSAY_SITE_OUTPUT: staging,
    ASSAY_CONFIG: options.configPath ? resolve(options.configPath) : "",
    ASSAY_AS_OF: options.asOf ?? "",
    ASSAY_PERIOD: options.period ?? "",
    PATH: [bin, process.env.PATH ?? ""].join(delimiter),
  };
  const [program, ...args] = options.command ?? [join(bin, "observable"), "build"];
  const code = await new Promise<number>((done, fail) => {
    // Framework reads observablehq.config.ts from its working directory: the installation, wherever assay runs from.
    const child = spawn(program!, args, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) log(line);
    };
    child.stdout.on("data", forward);
    child.stderr.on("data", forward);
    child.on("error", fail);
    child.on("close", (c) => done(c ?? 1));
  });
  if (code !== 0)
    throw new AssayError(
      `site build failed (observable build exited ${code}); see the log above; the previous site was left as it was`,
      { exitCode: 1 },
    );
  if (!existsSync(join(staging, "index.html")))
    throw new AssayError(`site build failed: no index.html was written; the previous site was left as it was`, {
      exitCode: 1,
    });
}
