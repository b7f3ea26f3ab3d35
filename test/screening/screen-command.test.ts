import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { Database } from "../../src/db/database.ts";

const dir = mkdtempSync(path.join(tmpdir(), "assay-screen-"));
const db = path.join(dir, "assay.duckdb");

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main([...argv, "--db", db], {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    isTTY: false,
  });
  return { code, out, err };
}

const Hit = {
  list: expect.any(String),
  id: expect.any(String),
  name: expect.any(String),
  program: expect.any(String),
  score: expect.any(Number),
  reasons: expect.any(Array),
};

describe("assay screen", () => {
  beforeAll(async () => {
    // The first run loads the shipped lists into the empty database.
    const first = await run("screen", "JSC Uralelectromed", "--country", "RU", "--json");
    expect(first.err).toMatch(/loaded OFAC SDN: 14965 records/);
  }, 120_000);

  it("prints { query, decision, hits[{list,id,name,program,score,reasons}] } for one name", async () => {
    const { code, out } = await run("screen", "JSC Uralelectromed", "--country", "RU", "--json");
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(Object.keys(r)).toEqual(["query", "decision", "hits"]);
    expect(r).toMatchObject({ query: "JSC Uralelectromed", decision: "hit" });
    expect(r.hits[0]).toEqual(Hit);
    expect(Object.keys(r.hits[0])).toEqual(["list", "id", "name", "program", "score", "reasons"]);
    expect(r.hits.find((h: { id: string }) => h.id === "44088")).toMatchObject({
      list: "OFAC SDN",
      name: "JOINT STOCK COMPANY URALELEKTROMED",
      program: "RUSSIA-EO14024",
    });
  }, 60_000);

  it("accepts a country name and applies metal bans with --metal", async () => {
    const kr = JSON.parse(
      (await run("screen", "Korea Zinc Co., Ltd.", "--country", "Korea, Republic of", "--json")).out,
    );
    expect(kr).toEqual({ query: "Korea Zinc Co., Ltd.", decision: "clear", hits: [] });
    const gold = JSON.parse(
      (await run("screen", "Prioksky Plant of Non-Ferrous Metals", "--country", "RU", "--metal", "gold", "--json")).out,
    );
    expect(gold.decision).toBe("hit");
    expect(gold.hits.map((h: { id: string }) => h.id)).toEqual(["EU-RU-GOLD", "UK-RU-GOLD", "US-RU-GOLD"]);
  }, 60_000);

  it("--batch prints one object per CSV row in input order", async () => {
    const csv = path.join(dir, "batch.csv");
    writeFileSync(
      csv,
      'name,country\n"Korea Zinc Co., Ltd.",KR\nOJSC Krastsvetmet,Russian Federation\nAlpha,US\n"JSC Uralelectromed",RU\n',
    );
    const { code, out } = await run("screen", "--batch", csv, "--json");
    expect(code).toBe(0);
    const lines = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.query, l.decision])).toEqual([
      ["Korea Zinc Co., Ltd.", "clear"],
      ["OJSC Krastsvetmet", "hit"],
      ["Alpha", "clear"],
      ["JSC Uralelectromed", "hit"],
    ]);
  }, 60_000);

  it("--smelters prints one object per reference smelter with its cid and stores results for scoring", async () => {
    const { code, out } = await run("screen", "--smelters", "--json");
    expect(code).toBe(0);
    const lines = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(600);
    for (const l of lines)
      expect(l).toEqual({
        query: expect.any(String),
        decision: expect.stringMatching(/^(hit|review|clear)$/),
        hits: expect.any(Array),
        cid: expect.stringMatching(/^CID\d{6}$/),
        metal: expect.any(String),
      });
    const ural = lines.find((l) => l.cid === "CID000929");
    expect(ural.hits.some((h: { id: string }) => h.id === "44088")).toBe(true);
    const korea = lines.find((l) => /Korea Zinc/i.test(l.query));
    expect(korea?.decision).toBe("clear");
    const store = await Database.open(db);
    try {
      const rows = await store.all<{ decision: string; n: number }>(
        "SELECT decision, count(*) AS n FROM smelter_screening GROUP BY 1 ORDER BY 1",
      );
      expect(rows.reduce((s, r) => s + r.n, 0)).toBe(lines.length);
      const risk = await store.one<{ covered: boolean; cahra: string | null }>(
        "SELECT covered, cahra FROM smelter_country_risk WHERE basis = 'location' AND country_iso2 = 'RW' LIMIT 1",
      );
      expect(risk).toEqual({ covered: true, cahra: null });
    } finally {
      store.close();
    }
  }, 120_000);

  it("rejects unclear usage with exit code 2 and a message naming the problem", async () => {
    expect(await run("screen")).toMatchObject({ code: 2, err: expect.stringMatching(/give exactly one of/) });
    expect(await run("screen", "X", "--country", "Narnia")).toMatchObject({
      code: 2,
      err: expect.stringMatching(/unknown country: "Narnia"/),
    });
  });
});
