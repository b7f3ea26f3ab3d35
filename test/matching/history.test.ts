import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { Output } from "../../src/cli/command.ts";

// Every CID any loaded vintage names resolves, with the list that named it and its status, on the shipped sample
// reference (CMRT 6.22–6.5 and EMRT 1.3–2.1 look-ups, 2023Q1 and 2026-08-22 facility lists, revision history, 2014 IDs).
const dir = mkdtempSync(path.join(tmpdir(), "assay-history-"));
const db = path.join(dir, "none.duckdb");

async function match(...argv: string[]) {
  let out = "",
    err = "";
  const io: Output = { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false };
  const code = await main(["match", ...argv, "--json", "--db", db], io);
  expect(code, err).toBe(0);
  return JSON.parse(out);
}
const codes = (j: { findings: { code: string }[] }) => j.findings.map((f) => f.code);

describe("assay match: facilities of every loaded vintage", () => {
  it("a CID only older look-ups list resolves as historical, naming the newest list", async () => {
    const j = await match("CID000875", "--metal", "Tungsten");
    expect(j.decision).toBe("matched");
    expect(j.matches[0]).toMatchObject({
      cid: "CID000875",
      name: "Ganzhou Huaxing Tungsten Products Co., Ltd.",
      method: "cid",
      status: "historical",
    });
    expect(j.matches[0].listedIn).toMatchObject({
      list: "CMRT 6.31 Smelter Look-up",
      vintage: "2023-05-26",
      current: false,
    });
    expect(codes(j)).toEqual(["cid-historical"]);
  });

  it("a removed smelter's name resolves to it, with the removal", async () => {
    const j = await match("PT Refined Bangka Tin", "--metal", "Tin");
    expect(j).toMatchObject({ decision: "matched", matches: [{ cid: "CID001460", status: "removed" }] });
    expect(j.matches[0].changes[0]).toMatchObject({ change: "removed", date: "2024-06-24" });
    expect(codes(j)).toEqual(["facility-removed"]);
  });

  it("legacy 2IDN038 → CID001460 → matched, removed", async () => {
    const j = await match("--cid", "2IDN038", "--metal", "Tin");
    expect(j.decision).toBe("matched");
    expect(j.matches[0]).toMatchObject({ cid: "CID001460", method: "legacy-id", status: "removed" });
    expect(codes(j)).toEqual(["legacy-id", "cid-removed"]);
  });

  it("a CID split into facility-level IDs names its successors", async () => {
    const j = await match("CID000239", "--metal", "Tungsten");
    expect(j.matches[0]).toMatchObject({ cid: "CID000239", status: "removed" });
    expect(j.matches[0].changes[0].successors).toEqual(["CID002513", "CID000875", "CID002321"]);
    expect(j.findings[0].message).toContain("CID002513, CID000875, CID002321");
  });

  it("a current facility says which current list names it", async () => {
    const j = await match("CID000004", "--metal", "Tungsten");
    expect(j.matches[0]).toMatchObject({ cid: "CID000004", status: "listed" });
    expect(j.matches[0].listedIn).toMatchObject({ vintage: "2026-08-22", current: true });
    expect(codes(j)).toEqual([]);
  });

  it("an old name of a renamed facility resolves to its CID", async () => {
    const j = await match("Jiangxi Tungsten Industry Group Co. Ltd.", "--metal", "Tungsten");
    expect(j).toMatchObject({ decision: "matched", matches: [{ cid: "CID000875" }] });
  });

  it("--batch carries the same fields", async () => {
    const csv = path.join(dir, "b.csv");
    writeFileSync(csv, "name,metal,country,cid\n,Tin,,2IDN038\nCID000875,Tungsten,,\n");
    let out = "";
    const io: Output = { out: (t) => void (out += t), err: () => {}, isTTY: false };
    expect(await main(["match", "--batch", csv, "--json", "--db", db], io)).toBe(0);
    const lines = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.decision, l.matches[0].cid, l.matches[0].status])).toEqual([
      ["matched", "CID001460", "removed"],
      ["matched", "CID000875", "historical"],
    ]);
  });
});
