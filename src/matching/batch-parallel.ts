import { availableParallelism } from "node:os";
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import { batchLine, type BatchRow } from "./batch.ts";
import type { BatchChunk, BatchWorkerData } from "./batch-worker.ts";
import type { MatchIndex } from "./match-index.ts";

/** Rows per chunk: small enough to balance two threads, large enough that messages cost nothing. */
const CHUNK = 20;
/** Below this many rows a worker's start-up (its own module load and index) costs more than it saves. */
const MIN_ROWS_FOR_WORKERS = 300;

export interface ParallelBatchOptions {
  index: MatchIndex;
  rows: BatchRow[];
  /** The snapshot JSON the index came from: each worker parses it itself. */
  snapshot: string;
  /** The worker entry (the bundled batch-worker), or null to run on this thread only. */
  workerUrl: URL | null;
  /** Worker threads to start; default: one per spare core (at most 3) for batches worth it. */
  workers?: number;
  /** Receives the lines in input order, as soon as a contiguous run of chunks is done. */
  emit: (lines: string[]) => void;
}

export function defaultBatchWorkers(rows: number): number {
  if (rows < MIN_ROWS_FOR_WORKERS) return 0;
  return Math.max(0, Math.min(3, availableParallelism() - 1, Math.floor(rows / MIN_ROWS_FOR_WORKERS)));
}

/**
 * Identifies every row, on this thread and on worker threads that share one chunk counter, so a thread that
 * starts late or runs slowly simply takes fewer chunks. Output order is input order. A worker that fails to start
 * or dies leaves its claimed chunks to this thread: nothing is lost and the answer is the same as on one thread.
 */
export async function runParallelBatch(options: ParallelBatchOptions): Promise<void> {
  const { index, rows, emit } = options;
  const chunks = Math.ceil(rows.length / CHUNK);
  const count = options.workerUrl ? (options.workers ?? defaultBatchWorkers(rows.length)) : 0;
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const done: (string[] | undefined)[] = new Array(chunks);
  let emitted = 0;
  const flush = () => {
    const out: string[] = [];
    while (emitted < chunks && done[emitted]) {
      out.push(...done[emitted]!);
      done[emitted] = [];
      emitted++;
    }
    if (out.length) emit(out);
  };
  const line = (i: number) => rows.slice(i * CHUNK, (i + 1) * CHUNK).map((row) => batchLine(index, row));

  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  let alive = 0;
  let wake: (() => void) | null = null;
  const nudge = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const take = (message: unknown) => {
    const { chunk, lines } = message as BatchChunk;
    done[chunk] = lines;
  };
  for (let w = 0; w < count; w++) {
    const { port1, port2 } = new MessageChannel();
    try {
      const data: BatchWorkerData = { snapshot: options.snapshot, rows, chunk: CHUNK, next, port: port2 };
      const worker = new Worker(options.workerUrl!, { workerData: data, transferList: [port2] });
      alive++;
      worker.on("error", () => undefined); // its chunks are redone below
      worker.on("exit", () => {
        alive--;
        nudge();
      });
      workers.push(worker);
      ports.push(port1);
    } catch {
      port1.close();
      break; // no threads here: this thread does the rest
    }
  }
  const drain = () => {
    for (const port of ports)
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) take(m.message);
  };

  for (let i = Atomics.add(counter, 0, 1); i < chunks; i = Atomics.add(counter, 0, 1)) {
    done[i] = line(i);
    drain();
    flush();
  }
  // Every chunk is claimed: wait for those a worker is still on, or redo them when no worker is left.
  drain();
  flush();
  for (const port of ports)
    port.on("message", (m) => {
      take(m);
      nudge();
    });
  while (emitted < chunks) {
    if (alive === 0) {
      drain();
      for (let i = emitted; i < chunks; i++) done[i] ??= line(i);
    } else
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    flush();
  }
  for (const port of ports) port.close();
  await Promise.all(workers.map((w) => w.terminate()));
}
