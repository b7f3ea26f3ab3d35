import { parentPort, workerData } from "node:worker_threads";
import { readInputFile } from "./read-file.ts";

// Worker side of the read pool: one message in ({ id, path }), one FileResult out.
const known = new Set<string>((workerData as { knownHashes: string[] }).knownHashes);
const asOf = (workerData as { asOf: string }).asOf;

parentPort!.on("message", async (message: { id: number; path: string }) => {
  const result = await readInputFile(message.path, asOf, known);
  parentPort!.postMessage({ id: message.id, result });
});
