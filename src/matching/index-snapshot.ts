import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { AssayError } from "../errors.ts";
import { REPO_ROOT } from "../repo-root.ts";
import { indexFromData, type MatchIndex, type MatchIndexData } from "./match-index.ts";

// A matching session's index, kept as a JSON snapshot so `assay match` starts without DuckDB or re-normalising
// thousands of names: next to the warehouse for a database, under node_modules/.cache for the shipped sample.
// A snapshot is used only when the code that builds it, and the reference it was built from, are unchanged.

const SNAPSHOT_FORMAT = 1;
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
  /** reference_loads fingerprint (load ids and hashes), or the shipped files' hash. */
  reference: string;
  /** Size and modification time of the database files when the snapshot was last confirmed. */
  files: string;
  data: MatchIndexData;
}

const sha = (parts: (string | Uint8Array)[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest("hex");
};

let codeHash: string | undefined;
function codeStamp(): string {
  // The ICU version too: the country name table stored with the index comes from its locale data.
  codeHash ??= sha([
    String(SNAPSHOT_FORMAT),
    process.versions.icu ?? "no-icu",
    ...INDEX_SOURCES.map((f) => (existsSync(join(REPO_ROOT, f)) ? readFileSync(join(REPO_ROOT, f)) : f)),
  ]);
  return codeHash;
}

function shippedStamp(): string {
  const files = readdirSync(SHIPPED_DIR)
    .filter((f) => f.toLowerCase().endsWith(".csv"))
    .sort();
  return sha(files.flatMap((f) => [f, readFileSync(join(SHIPPED_DIR, f))]));
}

function fileStamp(dbPath: string): string {
  return [dbPath, `${dbPath}.wal`]
    .map((p) => (existsSync(p) ? `${statSync(p).size}:${statSync(p).mtimeMs}` : "-"))
    .join("|");
}

/** A snapshot as read, with its JSON text (handed to batch worker threads, which parse it themselves). */
interface ReadSnapshot extends Snapshot {
  text: string;
}

function parseSnapshot(text: string): Snapshot | null {
  try {
    const s = JSON.parse(text) as Snapshot;
    return s.format === SNAPSHOT_FORMAT && s.data && Array.isArray(s.data.entries) ? s : null;
  } catch {
    return null;
  }
}

function readSnapshot(path: string): ReadSnapshot | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return null;
  }
  const s = parseSnapshot(text);
  return s ? { ...s, text } : null;
}

function writeSnapshot(path: string, snapshot: Snapshot): ReadSnapshot {
  const text = JSON.stringify(snapshot);
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch {
    // A read-only folder only costs the next run its start-up time.
  }
  return { ...snapshot, text };
}

/** The match index data in a snapshot's JSON text (as `loadMatchSnapshot` returns it). */
export function snapshotData(text: string): MatchIndexData {
  const s = parseSnapshot(text);
  if (!s) throw new AssayError("assay match: unreadable match index snapshot");
  return s.data;
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

/**
 * The match index snapshot for the CLI. With no database file, the shipped sample reference (snapshot keyed by the
 * shipped files' hash); with one, its reference (snapshot confirmed by the file's size and time, else by the
 * reference_loads fingerprint, else rebuilt).
 */
export async function loadMatchSnapshot(dbPath: string): Promise<{ data: MatchIndexData; text: string }> {
  // ASSAY_MATCH_SNAPSHOT=0: build from the database every time (the path the batch bench compares with).
  if (process.env.ASSAY_MATCH_SNAPSHOT === "0") {
    const { data } = await buildData(existsSync(dbPath) ? dbPath : null);
    return { data, text: JSON.stringify({ format: SNAPSHOT_FORMAT, code: "", reference: "", files: "-", data }) };
  }
  const code = codeStamp();
  if (!existsSync(dbPath)) {
    const reference = shippedStamp();
    const path = join(
      REPO_ROOT,
      "node_modules/.cache/assay",
      `match-index-${sha([code, reference]).slice(0, 24)}.json`,
    );
    const hit = readSnapshot(path);
    if (hit && hit.code === code && hit.reference === reference) return hit;
    const built = await buildData(null);
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
    const { text: _text, ...stored } = hit;
    return writeSnapshot(path, { ...stored, files: fileStamp(dbPath) });
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

/** The match index for the CLI (see `loadMatchSnapshot`). */
export async function snapshotMatchIndex(dbPath: string): Promise<MatchIndex> {
  return indexFromData((await loadMatchSnapshot(dbPath)).data);
}
