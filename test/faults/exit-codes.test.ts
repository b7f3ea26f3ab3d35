import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/paths.ts";
import { runCli } from "../helpers/run-cli.ts";

const work = mkdtempSync(join(tmpdir(), "assay-exit-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the sample company's configuration with `edit` applied, written beside a copy of its data. */
function companyConfig(name: string, edit: (config: Record<string, any>) => void): string {
  const dir = join(work, name);
  cpSync(join(repoRoot, "data/sample"), join(dir, "data/sample"), { recursive: true });
  const config = JSON.parse(readFileSync(join(repoRoot, "assay.config.json"), "utf8"));
  edit(config);
  const file = join(dir, "company.config.json");
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

describe("bad input is exit 2 and names what is wrong, without a stack", () => {
  it("--config naming a missing file is refused before anything is built", () => {
    const missing = join(work, "nope.config.json");
    const db = join(work, "never.duckdb");
    for (const command of ["build", "status", "score"]) {
      const r = runCli([command, "--config", missing, "--db", db]);
      expect(r.code, `${command}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(missing);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("assay ingest of a path that does not exist is exit 2 naming it", () => {
    const r = runCli(["ingest", "/nope/inbox", "--db", join(work, "ingest.duckdb")]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain("/nope/inbox");
  });

  it.each([
    [
      "supplierMaster",
      (c: Record<string, any>) => void (c.inputs.supplierMaster = "data/sample/missing-suppliers.csv"),
      "missing-suppliers.csv",
    ],
    [
      "boms[0]",
      (c: Record<string, any>) => void (c.inputs.boms = ["data/sample/missing-boms.csv"]),
      "missing-boms.csv",
    ],
    [
      "outreachLog",
      (c: Record<string, any>) => void (c.inputs.outreachLog = "data/sample/missing-outreach.csv"),
      "missing-outreach.csv",
    ],
  ])("a missing %s is exit 2 naming the configuration key", (key, edit, file) => {
    const config = companyConfig(`missing-${key.replace(/\W/g, "")}`, edit);
    const r = runCli([
      "build",
      "--no-site",
      "--config",
      config,
      "--db",
      join(work, `${key.replace(/\W/g, "")}.duckdb`),
      "--as-of",
      "2026-06-30",
    ]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`inputs.${key}`);
    expect(r.stderr).toContain(file);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("a bad asOf in the configuration is blamed on the configuration key, not on --as-of", () => {
    const config = companyConfig("bad-as-of", (c) => void (c.asOf = "2025-02-30"));
    for (const command of ["build", "status", "score"]) {
      const r = runCli([command, "--config", config, "--db", join(work, "as-of.duckdb")]);
      expect(r.code, `${command}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain("company.config.json: asOf");
      expect(r.stderr).toContain("2025-02-30");
      expect(r.stderr).not.toContain("--as-of");
    }
    const flag = runCli(["build", "--config", config, "--db", join(work, "as-of.duckdb"), "--as-of", "2025-13-01"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("invalid --as-of: 2025-13-01");
  });
});
