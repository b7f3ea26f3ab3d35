import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Holds an exclusive lock file while `fn` runs. Two builds of the same Framework root would clear each
 * other's loader cache; the second waits. A lock left by a process that no longer exists is taken over.
 */
export async function withLock<T>(path: string, fn: () => Promise<T>, options: { timeoutMs?: number; onWait?: () => void } = {}): Promise<T> {
  mkdirSync(dirname(path), { recursive: true });
  const deadline = Date.now() + (options.timeoutMs ?? 30 * 60_000);
  let warned = false;
  for (;;) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(existsSync(path) ? readFileSync(path, "utf8") : "");
      if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) {
        rmSync(path, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${path} (held by process ${pid})`);
      if (!warned) options.onWait?.();
      warned = true;
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(path, { force: true });
  }
}
