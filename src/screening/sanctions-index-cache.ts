import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "../db/database.ts";
import { currentSanctionsLoads } from "../../loaders/reference/store-sanctions.ts";
import { readSanctionsEntries } from "./read-sanctions.ts";
import { buildSanctionsIndex, type IndexedName, type ListedParty, type SanctionsIndex } from "./sanctions-index.ts";

const FORMAT = "assay-sanctions-index/1";
const SUFFIX = ".sanctions-index-";

// The code that decides how a listed name is split: a change to it makes every cached index stale.
const CODE = [
  "./screening-name.ts",
  "./legal-forms.ts",
  "../rmi/legal-forms.ts",
  "../rmi/name-key.ts",
  "./sanctions-index.ts",
  "./read-sanctions.ts",
  "../text/normalize.ts",
];
let codeHash: string | null = null;
function codeVersion(): string {
  if (codeHash) return codeHash;
  const h = createHash("sha256").update(FORMAT);
  for (const f of CODE) {
    try {
      h.update(readFileSync(fileURLToPath(new URL(f, import.meta.url))));
    } catch {
      h.update(`missing:${f}`);
    }
  }
  return (codeHash = h.digest("hex"));
}

/** [entry, nameType, original, distinctive, descriptor, generic, legalForms] */
type PackedName = [number, string, string, string[], string[], string[], string[]];
/** [list, id, name, type, programs, countries, countriesFromAddress] */
type PackedParty = [ListedParty["list"], string, string, ListedParty["type"], string[], string[], boolean];
interface CacheFile {
  format: string;
  key: string;
  loadIds: number[];
  entries: PackedParty[];
  names: PackedName[];
  byToken: [string, number[]][];
  byPrefix: [string, number[]][];
  df: [string, number][];
}

function pack(index: SanctionsIndex, key: string, loadIds: number[]): CacheFile {
  return {
    format: FORMAT,
    key,
    loadIds,
    entries: index.entries.map((e) => [e.list, e.id, e.name, e.type, e.programs, e.countries, e.countriesFromAddress]),
    names: index.names.map((n) => [
      n.entry,
      n.nameType,
      n.name.original,
      n.name.distinctive,
      n.name.descriptor,
      n.name.generic,
      n.name.legalForms,
    ]),
    byToken: [...index.byToken],
    byPrefix: [...index.byPrefix],
    df: [...index.df],
  };
}

function unpack(data: CacheFile): SanctionsIndex {
  const entries: ListedParty[] = data.entries.map(
    ([list, id, name, type, programs, countries, countriesFromAddress]) => ({
      list,
      id,
      name,
      type,
      programs,
      countries,
      countriesFromAddress,
    }),
  );
  const names: IndexedName[] = data.names.map(
    ([entry, nameType, original, distinctive, descriptor, generic, legalForms]) => ({
      entry,
      nameType,
      name: { original, distinctive, descriptor, generic, legalForms },
    }),
  );
  return { entries, names, byToken: new Map(data.byToken), byPrefix: new Map(data.byPrefix), df: new Map(data.df) };
}

export interface LoadedSanctionsIndex {
  index: SanctionsIndex;
  loadIds: number[];
  /** "cache" when read from the cache file, "database" when built from the stored lists. */
  source: "cache" | "database";
  cacheFile: string | null;
}

/** Identifies the current lists: their load ids and content hashes, plus the name-splitting code. */
export async function sanctionsIndexKey(db: Database, loadIds: readonly number[]): Promise<string> {
  const loads =
    loadIds.length === 0
      ? []
      : await db.all<{ load_id: number; sha256: string }>(
          `SELECT load_id, sha256 FROM reference_loads WHERE load_id IN (${loadIds.map(() => "?").join(", ")}) ORDER BY load_id`,
          [...loadIds],
        );
  return createHash("sha256").update(codeVersion()).update(JSON.stringify(loads)).digest("hex").slice(0, 24);
}

function readCache(file: string, key: string): SanctionsIndex | null {
  if (!existsSync(file)) return null;
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as Partial<CacheFile>;
    if (data.format !== FORMAT || data.key !== key) return null;
    const fields = [data.entries, data.names, data.byToken, data.byPrefix, data.df];
    if (!fields.every(Array.isArray)) return null;
    const index = unpack(data as CacheFile);
    return index.names.every((n) => n.entry >= 0 && n.entry < index.entries.length) ? index : null;
  } catch {
    return null;
  }
}

function writeCache(dir: string, prefix: string, file: string, content: CacheFile): void {
  try {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(content));
    renameSync(tmp, file);
    for (const f of readdirSync(dir)) {
      if (f.startsWith(prefix) && f.endsWith(".json") && join(dir, f) !== file) rmSync(join(dir, f), { force: true });
    }
  } catch {
    // A read-only or full disk only costs the next run the rebuild.
  }
}

/**
 * The sanctions index of the current lists. Building it from DuckDB takes seconds (every listed spelling is
 * split and folded), so the prepared names are cached beside the database (`.assay/assay.duckdb.sanctions-index-<key>.json`),
 * keyed by the load ids and hashes of the lists and the name-splitting code; older cache files of that database are removed.
 * `cacheDir: null` (and an in-memory database) never caches.
 */
export async function loadSanctionsIndex(
  db: Database,
  options: { cacheDir?: string | null; loadIds?: readonly number[] } = {},
): Promise<LoadedSanctionsIndex> {
  const loadIds = [...(options.loadIds ?? (await currentSanctionsLoads(db)))];
  const dir = options.cacheDir === undefined ? (db.path === ":memory:" ? null : dirname(db.path)) : options.cacheDir;
  const key = dir ? await sanctionsIndexKey(db, loadIds) : null;
  const prefix = `${basename(db.path === ":memory:" ? "memory" : db.path)}${SUFFIX}`;
  const file = dir && key ? join(dir, `${prefix}${key}.json`) : null;
  const cached = file && key ? readCache(file, key) : null;
  if (cached) return { index: cached, loadIds, source: "cache", cacheFile: file };
  const index = buildSanctionsIndex(await readSanctionsEntries(db, loadIds));
  if (dir && file && key && existsSync(dir)) writeCache(dir, prefix, file, pack(index, key, loadIds));
  return { index, loadIds, source: "database", cacheFile: file };
}
