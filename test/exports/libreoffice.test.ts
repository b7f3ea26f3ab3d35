import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fillTemplate } from "../../src/exports/fill-template.ts";
import { rollupDeclaration } from "../../src/exports/rollup.ts";
import { cmrtConfig, cmrtInput, company, lookupReference, officialDir } from "./_fixtures.ts";
import { parseCsvRecords } from "../../src/text/csv.ts";

// LibreOffice is a developer-machine check only (never installed in CI): skip when absent.
const soffice = ["soffice", "libreoffice"].find(
  (bin) => spawnSync(bin, ["--version"], { encoding: "utf8" }).status === 0,
);
const blank = resolve(officialDir, "RMI_CMRT_6.5.xlsx");

const parseCsv = (text: string): string[][] => parseCsvRecords(text).map((r) => r.fields);

describe.skipIf(!soffice || !existsSync(blank))("LibreOffice opens and recalculates the filled CMRT", () => {
  it("resolves every CID through the template's own look-up and the Checker finds no missing field", () => {
    const dir = mkdtempSync(join(tmpdir(), "assay-lo-"));
    const profile = join(dir, "profile");
    mkdirSync(join(profile, "user"), { recursive: true });
    // Always recalculate OOXML on load, as Excel does for fullCalcOnLoad.
    writeFileSync(
      join(profile, "user/registrymodifications.xcu"),
      `<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>`,
    );
    const rollup = rollupDeclaration(cmrtInput(lookupReference("rmi_smelter_lookup_CMRT_6.5.csv")), {
      family: "CMRT",
      company,
      declaration: cmrtConfig,
      asOf: "2026-04-30",
    });
    const file = join(dir, "rollup.xlsx");
    writeFileSync(file, fillTemplate(readFileSync(blank), rollup, "RMI_CMRT_6.5.xlsx").bytes);
    const run = spawnSync(
      soffice!,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--calc",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir",
        dir,
        file,
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const smelters = parseCsv(readFileSync(join(dir, "rollup-Smelter List.csv"), "utf8"))
      .slice(4)
      .filter((r) => r[1]);
    expect(smelters).toHaveLength(rollup.smelters.length);
    for (const s of rollup.smelters.filter((x) => x.cid)) {
      const row = smelters.find((r) => r[0] === s.cid);
      expect(row, s.cid!).toBeDefined();
      expect([row![1], row![2], row![4], row![5]], `${s.cid} after recalculation`).toEqual([
        s.metal,
        s.name,
        s.country,
        s.cid,
      ]);
    }
    const checker = parseCsv(readFileSync(join(dir, "rollup-Checker.csv"), "utf8"));
    expect(checker[1]?.[3], "Checker!D2: required fields still missing").toBe("0");
  }, 180_000);
});
