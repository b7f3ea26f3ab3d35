import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/repo-root.ts";

// package.json against what the code actually uses. Runtime code (what `assay` and the site build run) may only use
// `dependencies`; tests, benchmarks and scripts may use either; every declared package must be used somewhere.

const RUNTIME = ["src", "loaders", "bin", "pages", "observablehq.config.ts"];
const DEVELOPMENT = ["test", "bench", "scripts", "vitest.config.ts"];

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

function files(path: string): string[] {
  const full = join(REPO_ROOT, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full).flatMap((name) =>
    name === "node_modules" || name.startsWith(".") ? [] : files(join(path, name)),
  );
}

// Module specifiers: import/export-from statements, bare imports, dynamic import(), require(), require.resolve(),
// and paths into a package's node_modules folder.
const SPECIFIERS = [
  /^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gm,
  /^\s*import\s*["']([^"']+)["']/gm,
  /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  /\brequire(?:\.resolve)?\s*\(\s*["']([^"']+)["']/g,
  /node_modules\/((?:@[\w.-]+\/)?[\w.-]+)\//g,
];
const PACKAGE = /^(?:npm:)?((?:@[\w.-]+\/)?[\w.-]+)(?:\/[\w./@-]*)?$/;

function packageName(specifier: string): string | null {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("node:")) return null;
  const name = PACKAGE.exec(specifier)?.[1];
  return name && !builtinModules.includes(name) ? name : null;
}

function packagesUsedIn(paths: readonly string[]): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const file of paths.flatMap(files).filter((f) => /\.(ts|js|mjs|md)$/.test(f))) {
    const text = readFileSync(file, "utf8");
    for (const m of SPECIFIERS.flatMap((re) => [...text.matchAll(re)])) {
      const name = packageName(m[1]!);
      if (name) used.set(name, [...(used.get(name) ?? []), relative(REPO_ROOT, file)]);
    }
  }
  return used;
}

/** Packages whose command-line programs the npm scripts or the code run by name (tsc, vitest, biome, observable…). */
function toolsRun(declared: readonly string[]): Set<string> {
  const commands = [...Object.values(pkg.scripts), ...RUNTIME.flatMap(files).map((f) => readFileSync(f, "utf8"))].join(
    "\n",
  );
  const out = new Set<string>();
  for (const name of declared) {
    const manifest = join(REPO_ROOT, "node_modules", name, "package.json");
    if (!existsSync(manifest)) continue;
    const bin = (JSON.parse(readFileSync(manifest, "utf8")) as { bin?: string | Record<string, string> }).bin;
    const names = typeof bin === "string" ? [name.split("/").pop()!] : Object.keys(bin ?? {});
    if (
      names.some((b) =>
        new RegExp(`(^|[\\s"'\`(&;])${b.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?=[\\s"'\`)]|$)`, "m").test(commands),
      )
    )
      out.add(name);
  }
  return out;
}

describe("package.json dependencies", () => {
  const runtime = packagesUsedIn(RUNTIME);
  const development = packagesUsedIn(DEVELOPMENT);
  const dependencies = Object.keys(pkg.dependencies);
  const devDependencies = Object.keys(pkg.devDependencies);

  it("finds the imports it checks", () => {
    for (const name of ["zod", "@duckdb/node-api", "d3", "world-atlas", "playwright-core"])
      expect(runtime.has(name), name).toBe(true);
    expect(development.has("vitest")).toBe(true);
  });

  it("declares every package runtime code imports under dependencies", () => {
    const undeclared = [...runtime.keys()]
      .filter((n) => !dependencies.includes(n))
      .map((n) => `${n} (${runtime.get(n)![0]})`);
    expect(undeclared).toEqual([]);
  });

  it("declares every package tests, benchmarks and scripts import", () => {
    const undeclared = [...development.keys()].filter((n) => !dependencies.includes(n) && !devDependencies.includes(n));
    expect(undeclared.map((n) => `${n} (${development.get(n)![0]})`)).toEqual([]);
  });

  it("uses every declared package: imported, run as a tool, or the type package of a builtin the compiler loads", () => {
    const tsconfig = JSON.parse(readFileSync(join(REPO_ROOT, "tsconfig.json"), "utf8")) as {
      compilerOptions: { types?: string[] };
    };
    const typeRoots = new Set((tsconfig.compilerOptions.types ?? []).map((t) => `@types/${t}`));
    const tools = toolsRun([...dependencies, ...devDependencies]);
    const unused = [...dependencies, ...devDependencies].filter(
      (n) => !runtime.has(n) && !development.has(n) && !tools.has(n) && !typeRoots.has(n),
    );
    expect(unused).toEqual([]);
    expect(
      tools.has("typescript") && tools.has("vitest") && tools.has("@biomejs/biome"),
      "the test script's tools are found",
    ).toBe(true);
  });

  it("keeps packages only tests and tools use out of dependencies", () => {
    const tools = toolsRun(dependencies);
    const devOnly = dependencies.filter((n) => !runtime.has(n) && !tools.has(n));
    expect(devOnly).toEqual([]);
  });
});
