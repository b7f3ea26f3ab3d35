import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { AssayError } from "../errors.ts";
import { REPO_ROOT } from "../repo-root.ts";
import { fnv1a32 } from "../text/fnv1a.ts";
import { indexFromData, type MatchIndex, type MatchIndexData } from "./match-index.ts";

// A matching session's index, kept as a JSON snapshot so `assay match` starts without DuckDB or re-normalising
// thousands of names: next to the warehouse for a database, under node_modules/.cache for the shipped sample.
// A snapshot is used only when the code that builds it, and the reference it was built from, are unchanged.

const SNAPSHOT_FORMAT = 2;
// The modules whose rules shape the stored index (normalisation, legal forms, standing).
const INDEX_SOURCES = [
  "src/matching/match-index.ts",
  "src/rmi/name-key.ts",
  "src/rmi/legal-forms.ts",
  "src/rmi/identifiers.ts",
  "src/text/normalize.ts",
  "src/text/transliterate.ts",
  "src/text/countries.ts",
];
const SHIPPED_DIR = join(REPO_ROOT, "data/reference/rmi");

interface Snapshot {
  format: number;
  code: string;
  /** reference_loads fingerprint (load ids and hashes), or the shipped files' names, sizes and times. */
  reference: string;
  /** Size and modification time of the database files when the snapshot was last confirmed. */
  files: string;
  data: MatchIndexData;
}

/** File name, size and modification time of each file: changes when any of them is edited, replaced or checked out. */
function statStamp(dir: string, files: readonly string[]): string {
  return files
    .map((f) => {
      const st = statSync(join(dir, f), { throwIfNoEntry: false });
      return st ? `${f}:${st.size}:${st.mtimeMs}` : `${f}:-`;
    })
    .join("|");
}

let codeStampCache: string | undefined;
function codeStamp(): string {
  // The ICU version too: the country name table stored with the index comes from its locale data.
  codeStampCache ??= [
    `format ${SNAPSHOT_FORMAT}`,
    `node ${process.version}`,
    `icu ${process.versions.icu ?? "none"}`,
    statStamp(REPO_ROOT, INDEX_SOURCES),
  ].join("|");
  return codeStampCache;
}

function shippedStamp(): string {
  const files = readdirSync(SHIPPED_DIR)
    .filter((f) => f.toLowerCase().endsWith(".csv"))
    .sort();
  return statStamp(SHIPPED_DIR, files);
}

/** Snapshots of the shipped reference other than `keep`: left by older code or reference files, never read again. */
function pruneSnapshots(dir: string, keep: string): void {
  try {
    for (const f of readdirSync(dir))
      if (/^match-index-[0-9a-f]+\.json$/.test(f) && join(dir, f) !== keep) rmSync(join(dir, f), { force: true });
  } catch {
    // No cache folder yet.
  }
}

/** The database file and its write-ahead log, as statStamp gives them. */
function fileStamp(dbPath: string): string {
  const name = basename(dbPath);
  return statStamp(dirname(dbPath), [name, `${name}.wal`]);
}

function readSnapshot(path: string): Snapshot | null {
  try {
    const s = JSON.parse(readFileSync(path, "utf8")) as Snapshot;
    return s.format === SNAPSHOT_FORMAT && s.data && Array.isArray(s.data.entries) ? s : null;
  } catch {
    return null;
  }
}

function writeSnapshot(path: string, snapshot: Snapshot): Snapshot {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(snapshot));
    renameSync(tmp, path);
  } catch {
    // A read-only folder only costs the next run its start-up time.
  }
  return snapshot;
}

async function buildData(dbPath: string | null): Promise<{ data: MatchIndexData; reference: string }> {
  const { Database } = await import("../db/database.ts");
  const { ensureMatchReference } = await import("./match-session.ts");
  const { prepareMatchIndex } = await import("./match-index.ts");
  const db = await (dbPath ? Database.open(dbPath) : Database.open(":memory:")).catch((error: Error) => {
    throw new AssayError(`assay match: cannot open database ${dbPath}: ${error.message.split("\n")[0]}`, {
      exitCode: 2,
    });
  });
  try {
    const { reference, fingerprint } = await ensureMatchReference(db);
    return { data: prepareMatchIndex(reference), reference: dbPath ? fingerprint : shippedStamp() };
  } finally {
    db.close();
  }
}

async function fingerprintOf(dbPath: string): Promise<string> {
  const { Database } = await import("../db/database.ts");
  const { referenceFingerprint } = await import("./match-session.ts");
  const db = await Database.open(dbPath).catch((error: Error) => {
    throw new AssayError(`assay match: cannot open database ${dbPath}: ${error.message.split("\n")[0]}`, {
      exitCode: 2,
    });
  });
  try {
    return await referenceFingerprint(db);
  } finally {
    db.close();
  }
}

async function loadSnapshot(dbPath: string): Promise<{ data: MatchIndexData }> {
  // ASSAY_MATCH_SNAPSHOT=0: build from the database every time (the path the batch bench compares with).
  if (process.env.ASSAY_MATCH_SNAPSHOT === "0") return buildData(existsSync(dbPath) ? dbPath : null);
  const code = codeStamp();
  if (!existsSync(dbPath)) {
    const reference = shippedStamp();
    const dir = join(REPO_ROOT, "node_modules/.cache/assay");
    const path = join(dir, `match-index-${fnv1a32(`${code}\n${reference}`).toString(16).padStart(8, "0")}.json`);
    const hit = readSnapshot(path);
    if (hit && hit.code === code && hit.reference === reference) return hit;
    const built = await buildData(null);
    pruneSnapshots(dir, path);
    return writeSnapshot(path, {
      format: SNAPSHOT_FORMAT,
      code,
      reference: built.reference,
      files: "-",
      data: built.data,
    });
  }
  const path = `${dbPath}.match-index.json`;
  const hit = readSnapshot(path);
  if (hit && hit.code === code && hit.files === fileStamp(dbPath)) return hit;
  if (hit && hit.code === code && (await fingerprintOf(dbPath)) === hit.reference) {
    return writeSnapshot(path, { ...hit, files: fileStamp(dbPath) });
  }
  const built = await buildData(dbPath);
  return writeSnapshot(path, {
    format: SNAPSHOT_FORMAT,
    code,
    reference: built.reference,
    files: fileStamp(dbPath),
    data: built.data,
  });
}

/**
 * The match index for the CLI. With no database file, the shipped sample reference (snapshot keyed by the names,
 * sizes and times of the shipped files and of the index code); with one, its reference (snapshot confirmed by the
 * database file's size and time, else by the reference_loads fingerprint, else rebuilt).
 */
export async function snapshotMatchIndex(dbPath: string): Promise<MatchIndex> {
  return indexFromData((await loadSnapshot(dbPath)).data);
}
