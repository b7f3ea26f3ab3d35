import { parentPort, workerData } from "node:worker_threads";
import { readInputFile } from "./read-file.ts";

// Worker side of the read pool: one message in ({ id, path }), one FileResult out.
const data = workerData as { asOf: string; knownHashes: string[]; crashOn?: string[] };
const known = new Set<string>(data.knownHashes);
const crashOn = new Set(data.crashOn ?? []);

parentPort!.on("message", async (message: { id: number; path: string }) => {
  if (crashOn.has(message.path))
    setImmediate(() => {
      throw new Error(`injected reader crash on ${message.path}`);
    });
  else parentPort!.postMessage({ id: message.id, result: await readInputFile(message.path, data.asOf, known) });
});
