import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/repo-root.ts";
import {
  findCycles,
  graphOf,
  type ImportEdge,
  type Layer,
  layerViolations,
  moduleOf,
  scanImports,
} from "./_import-graph.ts";

// The layers of the engine, lowest first (docs/architecture.md shows the same table). A module may import modules of
// its own layer or of lower layers, never of a higher one; no two modules and no two files import each other in a
// circle. Stage settings schemas live with their stage and the config layer composes them, so config sits above the
// stages it configures.
const LAYERS: Layer[] = [
  { name: "leaf", modules: ["src/text", "src/errors", "src/repo-root", "src/group-by", "src/file-lock"] },
  { name: "rmi", modules: ["src/rmi"] },
  { name: "db", modules: ["src/db"] },
  { name: "records", modules: ["src/trade", "src/decisions", "src/periods"] },
  {
    name: "intake",
    modules: [
      "loaders/sources",
      "loaders/xlsx",
      "loaders/template",
      "loaders/ingest",
      "loaders/inputs",
      "loaders/reference",
      "loaders",
    ],
  },
  { name: "matching", modules: ["src/matching"] },
  { name: "screening", modules: ["src/screening"] },
  { name: "country-risk", modules: ["src/country-risk"] },
  { name: "scoring", modules: ["src/scoring"] },
  { name: "engagement", modules: ["src/engagement"] },
  { name: "exports", modules: ["src/exports"] },
  { name: "config", modules: ["src/config"] },
  { name: "pipeline", modules: ["src/pipeline"] },
  { name: "site", modules: ["src/site", "pages/data"] },
  { name: "generate", modules: ["src/generate"] },
  { name: "cli", modules: ["src/cli"] },
];

const CHECKED = ["src", "loaders", "pages/data"];

const describeEdge = (e: ImportEdge) => `${e.from}:${e.line} → ${e.to}`;

function cycleText(path: readonly string[], edges: readonly ImportEdge[], node: (f: string) => string): string {
  const steps = path.slice(1).map((to, i) => {
    const from = path[i]!;
    const example = edges.find((e) => node(e.from) === from && node(e.to) === to);
    return example && node(example.from) !== example.from ? `${to} (${describeEdge(example)})` : to;
  });
  return [path[0], ...steps].join(" → ");
}

describe("layer and cycle checks on a synthetic import graph", () => {
  const layers: Layer[] = [
    { name: "leaf", modules: ["src/text"] },
    { name: "screening", modules: ["src/screening"] },
    { name: "country-risk", modules: ["src/country-risk"] },
  ];
  const edges: ImportEdge[] = [
    { from: "src/country-risk/rate.ts", to: "src/screening/reference.ts", line: 3 },
    { from: "src/screening/screen.ts", to: "src/country-risk/rate.ts", line: 7 },
    { from: "src/screening/screen.ts", to: "src/text/normalize.ts", line: 1 },
    { from: "src/text/normalize.ts", to: "src/text/countries.ts", line: 2 },
    { from: "src/text/countries.ts", to: "src/text/normalize.ts", line: 4 },
    { from: "src/cli/main.ts", to: "src/text/normalize.ts", line: 1 },
  ];

  it("reports the import from a lower layer to a higher one, and the module no layer lists", () => {
    const { upward, unplaced } = layerViolations(edges, layers);
    expect(upward.map((v) => `${describeEdge(v.edge)} (${v.fromLayer} → ${v.toLayer})`)).toEqual([
      "src/screening/screen.ts:7 → src/country-risk/rate.ts (screening → country-risk)",
    ]);
    expect(unplaced).toEqual(["src/cli"]);
  });

  it("reports the module cycle and the file cycle with their paths", () => {
    expect(findCycles(graphOf(edges, moduleOf))).toEqual([["src/country-risk", "src/screening", "src/country-risk"]]);
    expect(findCycles(graphOf(edges))).toEqual([
      ["src/text/countries.ts", "src/text/normalize.ts", "src/text/countries.ts"],
    ]);
  });

  it("finds a longer cycle and a self-import, and none in a chain", () => {
    const graph = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a", "d"])],
      ["d", new Set(["d"])],
      ["e", new Set(["a"])],
    ]);
    expect(findCycles(graph)).toEqual([
      ["a", "b", "c", "a"],
      ["d", "d"],
    ]);
    expect(
      findCycles(
        new Map([
          ["a", new Set(["b"])],
          ["b", new Set(["c"])],
        ]),
      ),
    ).toEqual([]);
  });
});

describe("the engine's imports", () => {
  const edges = scanImports(REPO_ROOT, CHECKED);

  it("scans every module's imports, including type-only imports, re-exports and worker URLs", () => {
    expect(edges.length, "relative imports found").toBeGreaterThan(800);
    const has = (from: string, to: string) => edges.some((e) => e.from === from && e.to === to);
    expect(has("src/cli/main.ts", "src/cli/command.ts"), "a static import").toBe(true);
    expect(has("loaders/ingest/read-pool.ts", "loaders/ingest/read-worker.ts"), "a worker loaded by URL").toBe(true);
    expect(has("pages/data/overview.json.ts", "src/site/data/overview-data.ts"), "a page data loader").toBe(true);
    expect(has("src/db/migrations/001-core.ts", "src/db/migrations/migration.ts"), "a type-only import").toBe(true);
  });

  it("places every module in a layer", () => {
    expect(layerViolations(edges, LAYERS).unplaced).toEqual([]);
  });

  it("imports only from the same or a lower layer", () => {
    const { upward } = layerViolations(edges, LAYERS);
    expect(upward.map((v) => `${describeEdge(v.edge)} (${v.fromLayer} imports ${v.toLayer})`)).toEqual([]);
  });

  it("has no import cycle between modules", () => {
    expect(findCycles(graphOf(edges, moduleOf)).map((c) => cycleText(c, edges, moduleOf))).toEqual([]);
  });

  it("has no import cycle between files", () => {
    expect(findCycles(graphOf(edges)).map((c) => c.join(" → "))).toEqual([]);
  });

  it("is the layer table docs/architecture.md shows", () => {
    const doc = readFileSync(join(REPO_ROOT, "docs/architecture.md"), "utf8");
    const section = doc.slice(doc.indexOf("## Layers"), doc.indexOf("\n## ", doc.indexOf("## Layers") + 1));
    const rows = [...section.matchAll(/^\|\s*(\d+)\s*\|\s*([\w-]+)\s*\|([^|]*)\|/gm)].map((m) => ({
      name: m[2]!,
      modules: [...m[3]!.matchAll(/`([^`]+)`/g)].map((x) => x[1]!.replace(/\/$/, "")),
    }));
    expect(rows).toEqual(LAYERS.map((l) => ({ name: l.name, modules: [...l.modules] })));
  });
});
