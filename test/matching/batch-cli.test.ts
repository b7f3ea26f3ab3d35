import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/paths.ts";

// The real binary: `assay match` runs from the cached CLI bundle and index snapshot; ASSAY_TSX=1 with
// ASSAY_MATCH_SNAPSHOT=0 is the uncached path through tsx and DuckDB. Both must answer the same.
const dir = mkdtempSync(path.join(tmpdir(), "assay-batch-cli-"));
const run = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(
    process.execPath,
    [path.join(repoRoot, "bin/assay.mjs"), "match", ...args, "--db", path.join(dir, "absent.duckdb")],
    {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, ...env },
    },
  );

describe("assay match --batch through bin/assay.mjs", () => {
  it("the cached bundle and snapshot answer exactly like the uncached path", () => {
    const csv = path.join(dir, "q.csv");
    writeFileSync(
      csv,
      [
        "name,metal,country,cid",
        '"Thaisarco, Thailand",Tin,THAILAND,',
        "Guangdong Xianglu Tungsten Youxian Gongsi,W,China,",
        ",Tin,,2IDN038",
        "Jiangxi Tungsten Trading Co. Ltd,Tungsten,China,",
        "Apple Inc.,Gold,,",
      ].join("\n"),
    );
    const fast = run({}, "--batch", csv, "--json");
    expect(fast.status, fast.stderr).toBe(0);
    const again = run({}, "--batch", csv, "--json");
    const slow = run({ ASSAY_TSX: "1", ASSAY_MATCH_SNAPSHOT: "0" }, "--batch", csv, "--json");
    expect(slow.status, slow.stderr).toBe(0);
    expect(again.stdout).toBe(fast.stdout);
    expect(fast.stdout).toBe(slow.stdout);
    const lines = fast.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.decision)).toEqual(["matched", "matched", "matched", "ambiguous", "unmatched"]);
    expect(lines[1].matches[0].cid).toBe("CID000218");
    expect(lines[2].matches[0]).toMatchObject({ cid: "CID001460", status: "removed" });
  });

  it("answers a large batch like the uncached path, one line per row in input order", () => {
    // 420 rows: the shipped reference's own names, each twice altered (order, case, legal form), plus noise rows.
    const names = [
      "Thaisarco",
      "Malaysia Smelting Corporation (MSC)",
      "PT Timah Tbk Kundur",
      "Guangdong Xianglu Tungsten",
      "Umicore SA Business Unit Precious Metals Refining",
      "Metalor Technologies (Suzhou) Ltd.",
      "Global Tungsten & Powders Corp.",
      "Not a smelter trading Ltd",
    ];
    const metals = ["Tin", "Tin", "Tin", "Tungsten", "Gold", "Gold", "Tungsten", "Gold"];
    const rows = Array.from({ length: 420 }, (_, i) => {
      const n = names[i % names.length]!;
      const name = i % 3 === 0 ? n.toUpperCase() : i % 3 === 1 ? `${n} Co., Ltd.` : n.split(" ").reverse().join(" ");
      return `"${name}",${metals[i % names.length]},,${i % 50 === 0 ? "CID001898" : ""}`;
    });
    const csv = path.join(dir, "large.csv");
    writeFileSync(csv, `name,metal,country,cid\n${rows.join("\n")}\n`);
    const fast = run({}, "--batch", csv, "--json");
    expect(fast.status, fast.stderr).toBe(0);
    const slow = run({ ASSAY_TSX: "1", ASSAY_MATCH_SNAPSHOT: "0" }, "--batch", csv, "--json");
    expect(slow.status, slow.stderr).toBe(0);
    expect(fast.stdout).toBe(slow.stdout);
    const lines = fast.stdout.trim().split("\n");
    expect(lines).toHaveLength(420);
    expect(lines.map((l) => JSON.parse(l).query)).toEqual(rows.map((r) => r.split('",')[0]!.slice(1)));
  });

  it("keeps the usage contract: a missing file is exit 2", () => {
    const r = run({}, "--batch", path.join(dir, "nope.csv"), "--json");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no such file/);
  });
});
