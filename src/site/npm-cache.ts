import { build } from "esbuild";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { REPO_ROOT } from "../repo-root.ts";

/**
 * Packages Framework fetches from its CDN (`npm:` specifiers), including the implicit ones behind
 * `html` (htl) and `Inputs` (htl, isoformat). The build has no internet, so each is bundled from
 * node_modules into Framework's npm cache, where Framework finds it before trying the network.
 */
export const CDN_PACKAGES = ["htl", "isoformat"] as const;

const require = createRequire(import.meta.url);

function packageDir(name: string, from: string): string {
  // Resolve through the package that depends on it (Framework's own copies win).
  const req = createRequire(join(from, "package.json"));
  let dir = dirname(req.resolve(name));
  while (
    !existsSync(join(dir, "package.json")) ||
    JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name !== name
  ) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find package.json of ${name}`);
    dir = parent;
  }
  return dir;
}

/** Writes `<root>/.observablehq/cache/_npm/<name>@<version>/_esm.js` for each package, unless present. */
export async function fillNpmCache(root: string, names: readonly string[] = CDN_PACKAGES): Promise<string[]> {
  const frameworkDir = dirname(require.resolve("@observablehq/framework/package.json"));
  const written: string[] = [];
  const npmDir = join(root, ".observablehq", "cache", "_npm");
  for (const name of names) {
    // A failed CDN fetch leaves an empty version folder that Framework would prefer to ours: remove it.
    if (existsSync(npmDir)) {
      for (const entry of readdirSync(npmDir)) {
        if (entry.startsWith(`${name}@`) && !existsSync(join(npmDir, entry, "_esm.js")))
          rmSync(join(npmDir, entry), { recursive: true, force: true });
      }
    }
    const dir = packageDir(name, existsSync(join(frameworkDir, "node_modules", name)) ? frameworkDir : REPO_ROOT);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string };
    const out = join(root, ".observablehq", "cache", "_npm", `${name}@${pkg.version}`, "_esm.js");
    if (existsSync(out)) continue;
    mkdirSync(dirname(out), { recursive: true });
    await build({
      entryPoints: [require.resolve(name, { paths: [dir] })],
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      outfile: out,
      logLevel: "silent",
      legalComments: "inline",
    });
    written.push(out);
  }
  return written;
}
