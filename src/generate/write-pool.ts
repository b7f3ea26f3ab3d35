import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { writeResponse, type ResponseJob, type WrittenResponse } from "./write-response.ts";

const WORKER_URL = new URL("./write-worker.mjs", import.meta.url);

type Reply = { ok: true; result: WrittenResponse } | { ok: false; index: number; error: string };

/**
 * Writes response workbooks on worker threads (one per core by default) and returns the results in job order.
 * Every file's bytes derive from its job alone, so the output is identical whatever the concurrency.
 */
export async function writeInPool(
  jobs: readonly ResponseJob[],
  options: { concurrency?: number; onDone?: (done: number, total: number) => void } = {},
): Promise<WrittenResponse[]> {
  const size = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), jobs.length));
  const results: WrittenResponse[] = new Array(jobs.length);
  let done = 0;
  const finish = (r: WrittenResponse, slot: number) => {
    results[slot] = r;
    options.onDone?.(++done, jobs.length);
  };
  // A handful of workbooks is faster on this thread than starting workers (each loads tsx).
  if (size === 1 || jobs.length < 8) {
    for (const [slot, job] of jobs.entries()) finish(await writeResponse(job), slot);
    return results;
  }
  let next = 0;
  const workers: Worker[] = [];
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(WORKER_URL);
      workers.push(worker);
      let slot = -1;
      const feed = () => {
        if (next >= jobs.length) return resolve();
        slot = next++;
        worker.postMessage(jobs[slot]);
      };
      worker.on("message", (m: Reply) => {
        if (!m.ok)
          return reject(
            new Error(`writing ${jobs[slot]?.path ?? `response ${m.index}`} failed in a worker: ${m.error}`),
          );
        finish(m.result, slot);
        feed();
      });
      worker.on("error", reject);
      feed();
    });
  try {
    await Promise.all(Array.from({ length: size }, runWorker));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
