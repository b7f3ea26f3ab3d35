import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { readInputFile, type FileResult } from "./read-file.ts";
import { bundledWorkerUrl } from "./worker-url.ts";

export interface ReadPoolOptions {
  concurrency?: number;
  asOf: string;
  knownHashes: ReadonlySet<string>;
  onResult: (result: FileResult) => Promise<void> | void;
}

const WORKER_ENTRY = new URL("./read-worker.ts", import.meta.url);

/**
 * Reads files on worker threads (one per core by default) and hands each result to `onResult` in completion order.
 * Workers run a plain-JavaScript bundle of read-worker.ts; with concurrency 1, or a single file, reading stays on this thread.
 */
export async function readInPool(paths: readonly string[], options: ReadPoolOptions): Promise<void> {
  const size = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), paths.length));
  if (size === 1 || paths.length < 2) {
    for (const path of paths) await options.onResult(await readInputFile(path, options.asOf, options.knownHashes));
    return;
  }
  const workerData = { asOf: options.asOf, knownHashes: [...options.knownHashes] };
  const workerUrl = await bundledWorkerUrl(WORKER_ENTRY);
  let next = 0;
  let chain = Promise.resolve();
  const workers: Worker[] = [];
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(workerUrl, { workerData });
      workers.push(worker);
      const pending = new Map<number, string>();
      const feed = () => {
        if (next >= paths.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const id = next++;
        pending.set(id, paths[id]!);
        worker.postMessage({ id, path: paths[id] });
      };
      worker.on("message", (m: { id: number; result: FileResult }) => {
        pending.delete(m.id);
        chain = chain.then(() => options.onResult(m.result));
        chain.then(feed, reject);
      });
      worker.on("error", () => {
        // A failed worker must not stop the batch: its files, and the rest, are read on this thread instead.
        const retry = [...pending.values()];
        pending.clear();
        const inline = async () => {
          for (const path of retry) await options.onResult(await readInputFile(path, options.asOf, options.knownHashes));
          while (next < paths.length) {
            const path = paths[next++]!;
            await options.onResult(await readInputFile(path, options.asOf, options.knownHashes));
          }
        };
        chain = chain.then(inline);
        chain.then(resolve, reject);
      });
      feed();
    });
  try {
    await Promise.all(Array.from({ length: size }, runWorker));
    await chain;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
