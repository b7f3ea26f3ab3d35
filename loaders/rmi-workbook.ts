import type { Database } from "../src/db/database.ts";
import { ingestPaths, type IngestOptions, type IngestSummary } from "./ingest/ingest.ts";

/** Ingest step for supplier RMI templates (CMRT/EMRT/CRT/AMRT): files or folders into the declaration tables. */
export async function loadRmiWorkbooks(db: Database, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  return ingestPaths(db, paths, options);
}
