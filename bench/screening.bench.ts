import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseOfac } from "../loaders/reference/ofac.ts";
import { parseUkSanctions } from "../loaders/reference/uk-sanctions.ts";
import { Database } from "../src/db/database.ts";
import { readListText } from "../loaders/reference/read-list-text.ts";
import { currentSanctionsLoads } from "../loaders/reference/store-sanctions.ts";
import { readSanctionsEntries } from "../src/screening/read-sanctions.ts";
import { loadSanctionsIndex } from "../src/screening/sanctions-index-cache.ts";
import { ensureSanctionsLoaded } from "../loaders/reference/sanctions-kinds.ts";
import { readLookupFiles, SHIPPED_LOOKUPS } from "../src/screening/reference-smelters.ts";
import { buildSanctionsIndex } from "../src/screening/sanctions-index.ts";
import type { SanctionsEntry } from "../loaders/reference/sanctions-entry.ts";
import { screen } from "../src/screening/screen.ts";
import { screenSmelters } from "../src/screening/screen-smelters.ts";
import { normalizeName } from "../src/text/normalize.ts";
import { markdownTable, type Bench } from "./harness.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const lists = path.join(here, "../data/reference/sanctions");
const labels = JSON.parse(readFileSync(path.join(here, "screening-labels.json"), "utf8")) as {
  positives: { name: string; country: string; list: string; id: string }[];
  negatives: { name: string; country: string | null }[];
};
const asOf = "2025-09-01";

function entries(): SanctionsEntry[] {
  const read = (f: string) => ({ file: f, text: readListText(readFileSync(path.join(lists, f))) });
  const ofac = parseOfac(read("ofac_sdn_2024-05-03.csv"), read("ofac_alt_2026-06.csv"), read("ofac_add_2026-06.csv"));
  const uk = parseUkSanctions("uk", read("uk_fcdo_sanctions_list_2025-08-11.csv").text);
  return [...ofac.entries, ...uk.entries];
}

/** The naive baseline: an entity whose normalised name or alias equals the query's, country ignored. */
function exactIndex(list: readonly SanctionsEntry[]) {
  const map = new Map<string, { list: string; id: string }[]>();
  for (const e of list) {
    if (e.type !== "entity") continue;
    for (const n of [e.name, ...e.aliases.map((a) => a.name)]) {
      const k = normalizeName(n);
      map.set(k, [...(map.get(k) ?? []), { list: e.list, id: e.id }]);
    }
  }
  return (name: string) => map.get(normalizeName(name)) ?? [];
}

/** One `assay screen "<name>"` after the lists are loaded: index from the stored lists vs from the cache file. */
async function singleNameTimes(): Promise<{ database: number; cache: number; perSecond: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), "assay-bench-screen-"));
  const db = await Database.open(path.join(dir, "assay.duckdb"));
  try {
    await ensureSanctionsLoaded(db);
    const once = async (read: () => Promise<Parameters<typeof screen>[0]>) => {
      const t = performance.now();
      screen(await read(), { name: "JSC Uralelectromed", country: "RU" }, { asOf });
      return performance.now() - t;
    };
    const database = await once(async () =>
      buildSanctionsIndex(await readSanctionsEntries(db, await currentSanctionsLoads(db))),
    );
    await loadSanctionsIndex(db);
    const cache = await once(async () => (await loadSanctionsIndex(db)).index);
    const { index } = await loadSanctionsIndex(db);
    const queries = [...labels.positives, ...labels.negatives];
    const t = performance.now();
    let n = 0;
    while (performance.now() - t < 1000)
      for (const q of queries) screen(index, { name: q.name, country: q.country }, { asOf }), n++;
    return { database, cache, perSecond: n / ((performance.now() - t) / 1000) };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const bench: Bench = async () => {
  const all = entries();
  const t0 = performance.now();
  const index = buildSanctionsIndex(all);
  const indexMs = performance.now() - t0;
  const exact = exactIndex(all);
  const engine = (name: string, country: string | null) =>
    screen(index, { name, country }, { asOf }, [])
      .hits.filter((h) => h.score >= 0.88)
      .map((h) => ({ list: h.list, id: h.id }));
  const rows: (string | number)[][] = [];
  for (const [label, run] of [
    ["exact normalised name (baseline)", (n: string) => exact(n)],
    ["assay screen", engine],
  ] as const) {
    let tp = 0,
      fp = 0,
      fn = 0,
      negHits = 0,
      negReviews = 0;
    for (const p of labels.positives) {
      const hits = run(p.name, p.country);
      if (hits.some((h) => h.list === p.list && h.id === p.id)) tp++;
      else fn++;
      fp += hits.filter((h) => !(h.list === p.list && h.id === p.id)).length;
    }
    for (const n of labels.negatives) negHits += run(n.name, n.country).length;
    if (label === "assay screen")
      for (const n of labels.negatives)
        negReviews += screen(index, { name: n.name, country: n.country }, { asOf }, []).decision === "review" ? 1 : 0;
    fp += negHits;
    const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
    rows.push([
      label,
      pct(tp / (tp + fn)),
      tp + fp === 0 ? "n/a (no hits)" : pct(tp / (tp + fp)),
      negHits,
      label === "assay screen" ? negReviews : "–",
    ]);
  }
  const smelters = readLookupFiles(SHIPPED_LOOKUPS);
  const names = smelters.reduce((n, s) => n + 1 + s.aliases.length, 0);
  const b0 = performance.now();
  for (const s of smelters) for (const n of [s.name, ...s.aliases]) exact(n);
  const baselineMs = performance.now() - b0;
  const s0 = performance.now();
  const results = screenSmelters(index, smelters, { asOf });
  const screenMs = performance.now() - s0;
  const single = await singleNameTimes();
  const decisions = { hit: 0, review: 0, clear: 0 };
  for (const r of results) decisions[r.decision]++;
  return {
    title: "Sanctions screening",
    lines: [
      `Labelled set bench/screening-labels.json: ${labels.positives.length} direct designations of RMI smelters (OFAC SDN, UK), ${labels.negatives.length} hard negatives; lists OFAC SDN 2024-05-03 (+ alt/add 2026-06) and UK 2025-08-11, ${all.length} entries.`,
      "",
      ...markdownTable(
        ["method", "recall (direct designations)", "precision", "hits on hard negatives", "reviews on hard negatives"],
        rows,
      ),
      "",
      ...markdownTable(
        ["screening every reference smelter", "value"],
        [
          ["smelters (names incl. aliases)", `${smelters.length} (${names})`],
          ["index build + screening, seconds (target < 10)", ((indexMs + screenMs) / 1000).toFixed(2)],
          ["screening time / exact-lookup baseline time", `${Math.round(screenMs / Math.max(baselineMs, 0.001))}×`],
          [
            "decisions hit / review / clear (incl. country programmes)",
            `${decisions.hit} / ${decisions.review} / ${decisions.clear}`,
          ],
        ],
      ),
      "",
      ...markdownTable(
        ['one name (`assay screen "<name>"` after start-up)', "ms"],
        [
          ["index read from the stored lists and built (before)", Math.round(single.database)],
          [
            "index read from the cache file (after)",
            `${Math.round(single.cache)} (${(single.database / single.cache).toFixed(1)}× faster)`,
          ],
          ["batch screening with one index, names/s", Math.round(single.perSecond).toLocaleString("en")],
        ],
      ),
    ],
  };
};
