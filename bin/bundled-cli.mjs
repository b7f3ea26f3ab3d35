// The CLI as one cached JavaScript bundle (esbuild, split per command), for commands where start-up time is the
// product: `assay match --batch` answers thousands of queries a second including start-up. The bundle is rebuilt
// when any source file it was built from changes (size or time), and every module keeps its own import.meta.url,
// so paths relative to a source file hold. Any failure returns null and the caller runs the sources through tsx.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CACHE = join(ROOT, "node_modules/.cache/assay/cli");
const MANIFEST = join(CACHE, "manifest.json");
// Packages with native parts or their own file layout stay outside the bundle.
const EXTERNAL = [
  "@duckdb/node-api",
  "exceljs",
  "esbuild",
  "tsx",
  "@observablehq/*",
  "apache-arrow",
  "puppeteer",
  "playwright*",
  "vitest",
];

function fresh(manifest) {
  if (manifest.node !== process.version) return false;
  for (const [path, size, mtimeMs] of manifest.inputs) {
    const s = statSync(join(ROOT, path), { throwIfNoEntry: false });
    if (!s || s.size !== size || s.mtimeMs !== mtimeMs) return false;
  }
  return true;
}

const ownImportMetaUrl = {
  name: "own-import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      if (args.path.includes(`${"/"}node_modules${"/"}`)) return undefined;
      const text = readFileSync(args.path, "utf8");
      if (!text.includes("import.meta.url")) return undefined;
      return {
        contents: text.replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href)),
        loader: args.path.endsWith(".ts") ? "ts" : "js",
      };
    });
  },
};

async function build() {
  const { build: esbuild } = await import("esbuild");
  const out = join(CACHE, `b${Date.now().toString(36)}${process.pid}`);
  const result = await esbuild({
    entryPoints: { main: join(ROOT, "src/cli/main.ts") },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outdir: out,
    metafile: true,
    logLevel: "silent",
    external: EXTERNAL,
    plugins: [ownImportMetaUrl],
    // Bundled CommonJS packages may call require(): give the ESM chunks one.
    banner: {
      js: 'import { createRequire as __assayRequire } from "node:module"; const require = __assayRequire(import.meta.url);',
    },
  });
  const inputs = Object.keys(result.metafile.inputs)
    .map((p) => resolve(process.cwd(), p))
    .filter((p) => !p.includes(`${"/"}node_modules${"/"}`) || p.startsWith(join(ROOT, "node_modules")))
    .map((p) => {
      const s = statSync(p);
      return [p.slice(ROOT.length + 1), s.size, s.mtimeMs];
    });
  const manifest = { node: process.version, dir: out.slice(CACHE.length + 1), inputs };
  const tmp = `${MANIFEST}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(manifest));
  renameSync(tmp, MANIFEST);
  // Older builds go once no process can still be loading chunks from them.
  for (const d of readdirSync(CACHE)) {
    const p = join(CACHE, d);
    if (d !== manifest.dir && /^b/.test(d) && Date.now() - statSync(p).mtimeMs > 10 * 60_000)
      rmSync(p, { recursive: true, force: true });
  }
  return manifest;
}

/** The bundled CLI's main(), or null when it cannot be used (the caller falls back to tsx). */
export async function bundledMain() {
  try {
    let manifest = null;
    try {
      manifest = JSON.parse(readFileSync(MANIFEST, "utf8"));
      if (!fresh(manifest)) manifest = null;
    } catch {
      manifest = null;
    }
    if (!manifest) {
      mkdirSync(CACHE, { recursive: true });
      manifest = await build();
    }
    return (await import(pathToFileURL(join(CACHE, manifest.dir, "main.js")).href)).main;
  } catch {
    return null;
  }
}
