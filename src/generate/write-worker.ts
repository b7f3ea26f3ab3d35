import { parentPort } from "node:worker_threads";
import { writeResponse, type ResponseJob } from "./write-response.ts";

// Worker side of the write pool: one job in, one WrittenResponse (or an error message) out.
parentPort!.on("message", async (job: ResponseJob) => {
  try {
    parentPort!.postMessage({ ok: true, result: await writeResponse(job) });
  } catch (e) {
    parentPort!.postMessage({
      ok: false,
      index: job.index,
      error: e instanceof Error ? (e.stack ?? e.message) : String(e),
    });
  }
});
