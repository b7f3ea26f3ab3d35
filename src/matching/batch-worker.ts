// A worker thread of `assay match --batch` (see batch-parallel.ts): builds its own index from the snapshot text
// the main thread read, then takes chunks from the shared counter until none is left, posting each chunk's lines.
import { workerData, type MessagePort } from "node:worker_threads";
import { batchLine, type BatchRow } from "./batch.ts";
import { snapshotData } from "./index-snapshot.ts";
import { indexFromData } from "./match-index.ts";

export interface BatchWorkerData {
  snapshot: string;
  rows: BatchRow[];
  chunk: number;
  next: SharedArrayBuffer;
  port: MessagePort;
}

export interface BatchChunk {
  chunk: number;
  lines: string[];
}

const { snapshot, rows, chunk, next, port } = workerData as BatchWorkerData;
const index = indexFromData(snapshotData(snapshot));
const counter = new Int32Array(next);
const chunks = Math.ceil(rows.length / chunk);
for (let i = Atomics.add(counter, 0, 1); i < chunks; i = Atomics.add(counter, 0, 1)) {
  const lines = rows.slice(i * chunk, (i + 1) * chunk).map((row) => batchLine(index, row));
  port.postMessage({ chunk: i, lines } satisfies BatchChunk);
}
port.close();
