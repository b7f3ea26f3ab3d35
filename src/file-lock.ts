import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const holder = (path: string) => {
  try {
    return Number(readFileSync(path, "utf8"));
  } catch {
    return NaN;
  }
};

/** Creates the lock file with this process's id already in it (link is atomic), or returns false when it exists. */
function tryCreate(path: string): boolean {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, String(process.pid));
  try {
    linkSync(tmp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return false;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Removes a lock left by process `pid` that no longer runs, unless another process replaced it meanwhile. */
function removeStale(path: string, pid: number): void {
  const aside = `${path}.stale.${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // someone else removed or took it
  }
  const moved = holder(aside);
  if (moved !== pid && Number.isInteger(moved) && moved > 0 && alive(moved)) {
    // A live process took the lock between our read and the rename: give it back.
    try {
      linkSync(aside, path);
    } catch {
      // the lock was taken again meanwhile; that holder waits for nobody
    }
  }
  rmSync(aside, { force: true });
}

/**
 * Holds an exclusive lock file while `fn` runs. Two builds of the same Framework root would clear each
 * other's loader cache, and two writers of one warehouse would take its file from each other; the second waits.
 * A lock left by a process that no longer exists (killed) is taken over.
 */
export async function withLock<T>(
  path: string,
  fn: () => Promise<T>,
  options: { timeoutMs?: number; onWait?: (pid: number) => void } = {},
): Promise<T> {
  mkdirSync(dirname(path), { recursive: true });
  const deadline = Date.now() + (options.timeoutMs ?? 30 * 60_000);
  let warned = false;
  while (!tryCreate(path)) {
    const pid = holder(path);
    if (!existsSync(path)) continue;
    if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) {
      removeStale(path, pid);
      continue;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${path} (held by process ${pid})`);
    if (!warned) options.onWait?.(pid);
    warned = true;
    await sleep(250);
  }
  try {
    return await fn();
  } finally {
    if (holder(path) === process.pid) rmSync(path, { force: true });
  }
}
