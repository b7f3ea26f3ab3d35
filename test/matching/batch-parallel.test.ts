import { describe, expect, it } from "vitest";
import { batchLine, type BatchRow } from "../../src/matching/batch.ts";
import { runParallelBatch } from "../../src/matching/batch-parallel.ts";
import { loadMatchSnapshot } from "../../src/matching/index-snapshot.ts";
import { indexFromData } from "../../src/matching/match-index.ts";

const ROWS: BatchRow[] = Array.from({ length: 130 }, (_, i) => ({
  name: ["Thaisarco", "Metalor USA Refining Corporation", "Metalor Technologies SA", "Unknown Metals Trading"][i % 4]!,
  metal: ["Tin", "Gold", "Gold", "Gold"][i % 4]!,
  country: i % 7 === 0 ? "Thailand" : null,
  cid: null,
}));

describe("runParallelBatch", () => {
  it("redoes the chunks of a worker that cannot start: same lines, input order", async () => {
    const snapshot = await loadMatchSnapshot("/nonexistent/absent.duckdb");
    const index = indexFromData(snapshot.data);
    const expected = ROWS.map((r) => batchLine(index, r));
    const got: string[][] = [];
    await runParallelBatch({
      index,
      rows: ROWS,
      snapshot: snapshot.text,
      workerUrl: new URL("file:///nonexistent/match-worker.js"),
      workers: 2,
      emit: (lines) => got.push(lines),
    });
    expect(got.flat()).toEqual(expected);
    expect(got.length).toBeGreaterThan(1); // streamed chunk by chunk, not held to the end
  });

  it("runs on this thread alone when no worker entry is available", async () => {
    const snapshot = await loadMatchSnapshot("/nonexistent/absent.duckdb");
    const index = indexFromData(snapshot.data);
    const got: string[] = [];
    await runParallelBatch({
      index,
      rows: ROWS,
      snapshot: snapshot.text,
      workerUrl: null,
      emit: (l) => got.push(...l),
    });
    expect(got.map((l) => JSON.parse(l).decision).slice(0, 4)).toEqual(["matched", "matched", "matched", "unmatched"]);
  });
});
