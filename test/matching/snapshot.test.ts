import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Database } from "../../src/db/database.ts";
import { addReferenceFile } from "../../loaders/reference/kinds.ts";
import { identify } from "../../src/matching/identify.ts";
import { snapshotMatchIndex } from "../../src/matching/index-snapshot.ts";
const dir = mkdtempSync(path.join(tmpdir(), "assay-snapshot-"));
const HEADER =
  "metal,smelter_lookup_name,standard_smelter_name,country,smelter_id,source_of_id,street,city,state_province";

async function add(db: string, file: string, rows: string[]) {
  const p = path.join(dir, file);
  writeFileSync(p, `${HEADER}\n${rows.join("\n")}\n`);
  const d = await Database.open(db);
  try {
    await addReferenceFile(d, p);
  } finally {
    d.close();
  }
}

describe("match index snapshot", () => {
  it("is written next to the database, reused, and rebuilt when a reference load is added", async () => {
    const db = path.join(dir, "w.duckdb");
    await add(db, "rmi_smelter_lookup_CMRT_6.4.csv", ["Tin,Thaisarco,Thaisarco,THAILAND,CID001898,RMI,,Phuket,"]);
    const first = await snapshotMatchIndex(db);
    expect(existsSync(`${db}.match-index.json`)).toBe(true);
    expect(identify(first, { name: "Thaisarco", metal: "Tin" }).matches[0]?.cid).toBe("CID001898");
    expect(identify(first, { name: "Minsur", metal: "Tin" }).decision).toBe("unmatched");
    const again = await snapshotMatchIndex(db);
    expect(identify(again, { name: "Thaisarco", metal: "Tin" })).toEqual(
      identify(first, { name: "Thaisarco", metal: "Tin" }),
    );

    await add(db, "rmi_smelter_lookup_CMRT_6.5.csv", [
      "Tin,Minsur,Minsur,PERU,CID001182,RMI,,Paracas,",
      "Tin,Thaisarco,Thaisarco,THAILAND,CID001898,RMI,,Phuket,",
    ]);
    const after = await snapshotMatchIndex(db);
    expect(identify(after, { name: "Minsur", metal: "Tin" }).matches[0]).toMatchObject({
      cid: "CID001182",
      status: "listed",
    });
  });
});
