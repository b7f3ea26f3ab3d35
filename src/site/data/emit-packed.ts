import { Database } from "../../db/database.ts";
import { gzipJson, zipShards } from "./columnar.ts";

async function withWarehouse(write: (db: Database) => Promise<Uint8Array>): Promise<void> {
  const db = await Database.open(process.env.ASSAY_DB ?? ".assay/assay.duckdb", { readOnly: true });
  try {
    process.stdout.write(await write(db));
  } finally {
    db.close();
  }
}

/** A Framework data loader for `<name>.json.gz`: the page data as gzip-compressed JSON on stdout. */
export function emitPacked(compute: (db: Database) => Promise<unknown>): Promise<void> {
  return withWarehouse(async (db) => gzipJson(await compute(db)));
}

/** A Framework data loader for `<name>.zip`: one gzip-compressed JSON file per shard. */
export function emitShards(compute: (db: Database) => Promise<readonly unknown[]>): Promise<void> {
  return withWarehouse(async (db) => zipShards(await compute(db)));
}
