import { spawn } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { AssayError } from "../errors.ts";
import { fillNpmCache } from "./npm-cache.ts";

export interface SiteBuildOptions {
  /** Framework root (pages/). */
  root: string;
  /** Database the page data loaders read. */
  dbPath: string;
  /** Remove personal data (supplier contact names, e-mails, phones) from every page. */
  redact?: boolean;
  /** Output folder (Framework's `output`, default dist). */
  output?: string;
  log?: (line: string) => void;
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
  const log = options.log ?? (() => {});
  clearLoaderCache(root);
  await fillNpmCache(root);
  const bin = resolve("node_modules", ".bin");
  const env = {
    ...process.env,
    ASSAY_DB: resolve(options.dbPath),
    ASSAY_REDACT: options.redact ? "1" : "",
    ASSAY_SITE_OUTPUT: resolve(options.output ?? "dist"),
    PATH: [bin, process.env.PATH ?? ""].join(delimiter),
  };
  const args = ["build"];
  const code = await new Promise<number>((done, fail) => {
    const child = spawn(join(bin, "observable"), args, { env, stdio: ["ignore", "pipe", "pipe"] });
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) log(line);
    };
    child.stdout.on("data", forward);
    child.stderr.on("data", forward);
    child.on("error", fail);
    child.on("close", (c) => done(c ?? 1));
  });
  if (code !== 0) throw new AssayError(`site build failed (observable build exited ${code}); see the log above`, { exitCode: 1 });
}
