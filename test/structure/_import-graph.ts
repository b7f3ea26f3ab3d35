import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

/** One import: `from` imports `to` (both repository-relative paths) on `line`. */
export interface ImportEdge {
  from: string;
  to: string;
  line: number;
}

/** A layer of the architecture: its name and the modules (see moduleOf) it holds. */
export interface Layer {
  name: string;
  modules: readonly string[];
}

const SOURCE = /\.(ts|mts|mjs|js)$/;
// Worker entries and other modules loaded by URL rather than imported.
const MODULE_URL = /new URL\(\s*["'](\.{1,2}\/[^"']+\.(?:ts|mts|mjs|js))["']\s*,\s*import\.meta\.url\s*\)/g;

function sourceFiles(root: string, dir: string): string[] {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return SOURCE.test(dir) ? [dir] : [];
  return readdirSync(full)
    .filter((name) => name !== "node_modules" && !name.startsWith("."))
    .flatMap((name) => sourceFiles(root, join(dir, name)));
}

function lineOf(text: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Every relative import (static, type-only, re-export, dynamic import() and `new URL("./x.ts", import.meta.url)`) of
 * the source files under `dirs`, resolved to repository-relative paths. Throws on an import that names no file, so a
 * renamed module cannot silently drop out of the graph.
 */
export function scanImports(root: string, dirs: readonly string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of dirs.flatMap((d) => sourceFiles(root, d))) {
    const text = readFileSync(join(root, file), "utf8");
    const info = ts.preProcessFile(text, true, true);
    const specifiers = info.importedFiles.map((r) => ({ spec: r.fileName, pos: r.pos }));
    for (const m of text.matchAll(MODULE_URL)) specifiers.push({ spec: m[1]!, pos: m.index });
    for (const { spec, pos } of specifiers) {
      if (!spec.startsWith("./") && !spec.startsWith("../")) continue;
      const target = resolve(root, dirname(file), spec);
      const found = [target, `${target}.ts`, join(target, "index.ts")].find(
        (p) => existsSync(p) && statSync(p).isFile(),
      );
      if (!found) throw new Error(`${file}:${lineOf(text, pos)}: import ${JSON.stringify(spec)} names no file`);
      edges.push({ from: file, to: relative(root, found).split("\\").join("/"), line: lineOf(text, pos) });
    }
  }
  return edges;
}

/**
 * The module a file belongs to: its folder under src/ or loaders/ (src/scoring/x.ts → "src/scoring",
 * loaders/xlsx/zip-archive.ts → "loaders/xlsx"), a single file directly under src/ by its name (src/errors.ts →
 * "src/errors"), files directly under loaders/ → "loaders", anything else → its folder.
 */
export function moduleOf(file: string): string {
  const parts = file.split("/");
  if (parts[0] === "src") return parts.length > 2 ? `src/${parts[1]}` : `src/${parts[1]!.replace(SOURCE, "")}`;
  if (parts[0] === "loaders") return parts.length > 2 ? `loaders/${parts[1]}` : "loaders";
  return parts.slice(0, -1).join("/");
}

export interface LayerViolation {
  edge: ImportEdge;
  fromLayer: string;
  toLayer: string;
}

/** Imports from a module to a module of a higher layer, and modules that no layer lists. */
export function layerViolations(
  edges: readonly ImportEdge[],
  layers: readonly Layer[],
): { upward: LayerViolation[]; unplaced: string[] } {
  const rank = new Map<string, number>();
  layers.forEach((l, i) => {
    for (const m of l.modules) rank.set(m, i);
  });
  const upward: LayerViolation[] = [];
  const unplaced = new Set<string>();
  for (const edge of edges) {
    const from = moduleOf(edge.from);
    const to = moduleOf(edge.to);
    const a = rank.get(from);
    const b = rank.get(to);
    if (a === undefined) unplaced.add(from);
    if (b === undefined) unplaced.add(to);
    if (a !== undefined && b !== undefined && b > a)
      upward.push({ edge, fromLayer: layers[a]!.name, toLayer: layers[b]!.name });
  }
  return { upward, unplaced: [...unplaced].sort() };
}

/**
 * The cycles of a directed graph, one per strongly connected component of two or more nodes (or a node importing
 * itself), each as a path that starts and ends at the same node: ["a", "b", "c", "a"]. Deterministic: nodes are
 * visited in sorted order.
 */
export function findCycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const nodes = [...new Set([...graph.keys(), ...[...graph.values()].flatMap((s) => [...s])])].sort();
  const next = (n: string) => [...(graph.get(n) ?? [])].sort();
  // Tarjan's strongly connected components, iterative so deep import chains cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: string; children: string[]; i: number }[] = [];
    const enter = (n: string) => {
      index.set(n, counter);
      low.set(n, counter);
      counter++;
      stack.push(n);
      onStack.add(n);
      work.push({ node: n, children: next(n), i: 0 });
    };
    enter(start);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      if (top.i < top.children.length) {
        const child = top.children[top.i++]!;
        if (!index.has(child)) enter(child);
        else if (onStack.has(child)) low.set(top.node, Math.min(low.get(top.node)!, index.get(child)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const component: string[] = [];
        let n: string;
        do {
          n = stack.pop()!;
          onStack.delete(n);
          component.push(n);
        } while (n !== top.node);
        if (component.length > 1 || graph.get(top.node)?.has(top.node)) components.push(component.sort());
      }
    }
  }
  return components.map((c) => cyclePath(c, next)).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** A shortest cycle through the first node of a strongly connected component, staying inside the component. */
function cyclePath(component: readonly string[], next: (n: string) => string[]): string[] {
  const inside = new Set(component);
  const start = component[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const n = queue.shift()!;
    for (const c of next(n)) {
      if (!inside.has(c)) continue;
      if (c === start) {
        const path: string[] = [];
        for (let p = n; p !== start; p = previous.get(p)!) path.unshift(p);
        return [start, ...path, start];
      }
      if (!previous.has(c)) {
        previous.set(c, n);
        queue.push(c);
      }
    }
  }
  return [start, start];
}

/** The graph of `edges` between files, or between the modules `node` maps files to (imports inside one module left out). */
export function graphOf(
  edges: readonly ImportEdge[],
  node: (file: string) => string = (f) => f,
): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    const a = node(e.from);
    const b = node(e.to);
    if (a === b && e.from !== e.to) continue;
    const out = graph.get(a) ?? new Set<string>();
    out.add(b);
    graph.set(a, out);
  }
  return graph;
}
