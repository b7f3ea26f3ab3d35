import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { Output } from "../../src/cli/command.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const shared = process.env.ASSAY_SHARED ?? path.resolve(repoRoot, "../shared");
const dir = mkdtempSync(path.join(tmpdir(), "assay-match-"));

async function run(argv: string[]) {
  let out = "",
    err = "";
  const io: Output = { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false };
  const code = await main(argv, io);
  return { code, out, err };
}

describe("assay match (contract)", () => {
  const db = path.join(dir, "fresh.duckdb");

  it("prints {query, decision, matches[]} best first on a fresh database", async () => {
    const r = await run(["match", "Wolfram Bergbau & Huetten", "--metal", "Tungsten", "--json", "--db", db]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j).slice(0, 3)).toEqual(["query", "decision", "matches"]);
    expect(j.query).toBe("Wolfram Bergbau & Huetten");
    expect(j.decision).toBe("matched");
    expect(Object.keys(j.matches[0])).toEqual(
      expect.arrayContaining(["cid", "country", "metal", "method", "name", "score", "status", "listedIn", "changes"]),
    );
    expect(j.matches[0]).toMatchObject({ cid: "CID002044", metal: "Tungsten", country: "AUSTRIA", method: "fuzzy" });
    const scores = j.matches.map((m: { score: number }) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("--batch prints one object per line in input order", async () => {
    const csv = path.join(dir, "batch.csv");
    writeFileSync(
      csv,
      'name,metal,country\n"Thaisarco, Thailand",Tin,THAILAND\nApple Inc.,Gold,\n"Jiangxi Copper Co Ltd",Gold,China\n"PT Timah",Tin,Indonesia\n',
    );
    const r = await run(["match", "--batch", csv, "--json", "--db", db]);
    expect(r.code, r.err).toBe(0);
    const lines = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.query)).toEqual([
      "Thaisarco, Thailand",
      "Apple Inc.",
      "Jiangxi Copper Co Ltd",
      "PT Timah",
    ]);
    expect(lines.map((l) => l.decision)).toEqual(["matched", "unmatched", "matched", "ambiguous"]);
    expect(lines[2].matches[0].cid).toBe("CID000855");
  });

  it("fails with a usage error without a name", async () => {
    const r = await run(["match", "--db", db]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing name/);
  });
});

const template = path.join(shared, "templates/official/RMI_CMRT_6.4.xlsx");
describe.skipIf(!existsSync(template))("assay reference add <template.xlsx>", () => {
  it("loads the Smelter Look-up sheet of an official template and makes it current", async () => {
    const db = path.join(dir, "ref.duckdb");
    const r = await run(["reference", "add", template, "--db", db, "--json"]);
    expect(r.code, r.err).toBe(0);
    const [res] = JSON.parse(r.out);
    expect(res).toMatchObject({ kind: "rmi-lookup-cmrt", rows: 368 });
    const again = await run(["reference", "add", template, "--db", db, "--json"]);
    expect(JSON.parse(again.out)[0].loadId).toBeNull();
    const list = await run(["reference", "list", "--json", "--db", db]);
    expect(JSON.parse(list.out)).toMatchObject([{ kind: "rmi-lookup-cmrt", vintage: "2024-04-26", current: true }]);
  }, 60_000);
});
