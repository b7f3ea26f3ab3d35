import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { readInputFile, type FileResult } from "./read-file.ts";
import { bundledWorkerUrl } from "./worker-url.ts";

export interface ReadPoolOptions {
  concurrency?: number;
  asOf: string;
  knownHashes: ReadonlySet<string>;
  onResult: (result: FileResult) => Promise<void> | void;
  /** Heap cap per reader thread: a workbook that needs more kills only its worker and is rejected. */
  workerHeapMb?: number;
  /** Files (by path) whose worker crashes while reading them: tests of the crash path. */
  crashOn?: readonly string[];
}

const WORKER_ENTRY = new URL("./read-worker.ts", import.meta.url);
const MAX_QUEUED_RESULTS = 256;

/**
 * Reads files on worker threads (one per core by default) and hands each result to `onResult` in the order of `paths`
 * (so which of two byte-identical files is stored first never depends on thread timing).
 * Workers run a plain-JavaScript bundle of read-worker.ts; with concurrency 1, or a single file, reading stays on this
 * thread. Every path yields exactly one result: when a worker dies, the file it was reading is rejected with the reason
 * and a fresh worker takes over the rest (after repeated deaths the rest is read on this thread).
 */
export async function readInPool(paths: readonly string[], options: ReadPoolOptions): Promise<void> {
  const size = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), paths.length));
  if (size === 1 || paths.length < 2) {
    for (const path of paths) await options.onResult(await readInputFile(path, options.asOf, options.knownHashes));
    return;
  }
  const workerData = {
    asOf: options.asOf,
    knownHashes: [...options.knownHashes],
    crashOn: [...(options.crashOn ?? [])],
  };
  const workerUrl = await bundledWorkerUrl(WORKER_ENTRY);
  let next = 0;
  let restarts = 0;
  let queued = 0;
  let failure: unknown = null;
  let chain = Promise.resolve();
  const live = new Set<Worker>();
  // Results are handed over one at a time, in path order, while the workers keep reading; a result that arrives
  // before an earlier path's waits in `early` (counted in `queued`, so the workers pause when too much waits).
  const early = new Map<number, FileResult>();
  let turn = 0;
  let waiting: Array<() => void> = [];
  const deliver = (id: number, result: FileResult) => {
    queued++;
    early.set(id, result);
    for (const wake of waiting) wake();
    waiting = [];
    for (let r = early.get(turn); r !== undefined; r = early.get(turn)) {
      early.delete(turn++);
      const ready = r;
      chain = chain
        .then(async () => {
          queued--;
          if (failure === null) await options.onResult(ready);
        })
        .catch((error: unknown) => {
          failure ??= error;
        });
    }
  };
  const waitForRoom = async () => {
    while (queued > MAX_QUEUED_RESULTS && failure === null) {
      // Everything queued may be waiting for an earlier path still being read: then wait for the next arrival.
      if (queued > early.size) await chain;
      else await new Promise<void>((wake) => waiting.push(wake));
    }
  };

  const runWorker = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const worker = new Worker(workerUrl, {
        workerData,
        resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb ?? 1024 },
      });
      live.add(worker);
      let current: { id: number; path: string } | null = null;
      let done = false;
      const finish = (crash: string | null) => {
        if (done) return;
        done = true;
        live.delete(worker);
        void worker.terminate();
        if (crash !== null && current !== null) {
          deliver(current.id, {
            path: current.path,
            status: "rejected",
            fileHash: null,
            size: 0,
            reason: `the reader crashed on this file (${crash})`,
          });
        }
        current = null;
        if (crash === null || next >= paths.length || failure !== null) return resolve();
        if (++restarts <= size * 4) return resolve(runWorker());
        void readRestInline().then(resolve);
      };
      const feed = async () => {
        await waitForRoom();
        if (next >= paths.length || failure !== null) return finish(null);
        const id = next++;
        current = { id, path: paths[id]! };
        worker.postMessage({ id, path: current.path });
      };
      worker.on("message", (m: { id: number; result: FileResult }) => {
        current = null;
        deliver(m.id, m.result);
        void feed();
      });
      worker.on("error", (error) => finish(error.message.split("\n")[0] ?? "worker error"));
      worker.on("exit", (code) => finish(`worker exited with code ${code}`));
      void feed();
    });

  const readRestInline = async () => {
    while (next < paths.length && failure === null) {
      const id = next++;
      deliver(id, await readInputFile(paths[id]!, options.asOf, options.knownHashes));
      await waitForRoom();
    }
  };

  try {
    await Promise.all(Array.from({ length: size }, runWorker));
    await chain;
  } finally {
    await Promise.all([...live].map((w) => w.terminate()));
  }
  if (failure !== null) throw failure;
}
