import { resolve } from "node:path";
import { withLock } from "../file-lock.ts";

/** The lock file beside a warehouse that writers (build, ingest) hold for their whole run. */
export const warehouseLockPath = (dbPath: string) => `${resolve(dbPath)}.build.lock`;

/**
 * Runs `fn` as the one writer of the warehouse at `dbPath`: a build holds it from its first stage to the end of the site
 * stage (whose page loaders read the warehouse), so a second build or ingest waits instead of taking the file away.
 */
export async function withWarehouseLock<T>(
  dbPath: string,
  fn: () => Promise<T>,
  onWait?: (pid: number) => void,
): Promise<T> {
  if (dbPath === ":memory:") return fn();
  return withLock(warehouseLockPath(dbPath), fn, { onWait });
}
