import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { Database } from "../../src/db/database.ts";
import { readTemplate } from "../../loaders/template/read-template.ts";
import { officialDir } from "./_fixtures.ts";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), isTTY: false }, out, err };
}

/** A database with one supplier master row, one current CMRT declaration and a BOM. */
async function seed(dir: string): Promise<string> {
  const path = join(dir, "assay.duckdb");
  const db = await Database.open(path);
  await db.run(
    `INSERT INTO suppliers (supplier_id, name, source, line) VALUES ('S1', 'Harbin Precision Alloys', 'suppliers.csv', 2), ('S2', 'Silent Ltd', 'suppliers.csv', 3)`,
  );
  await db.run(`INSERT INTO declarations (declaration_id, file_hash, file, file_name, template, version, company_name, supplier_key, error_count, warning_count, effective_date)
    VALUES ('d1', 'h1', 'harbin.xlsx', 'harbin.xlsx', 'CMRT', '6.5', 'Harbin Precision Alloys', 'S1', 0, 0, DATE '2026-01-10')`);
  const yes = ["Yes", "Yes", "No", "No", "No", "100%", "Yes", "Yes"];
  for (const [i, a] of yes.entries())
    await db.run(
      `INSERT INTO answers (declaration_id, file_hash, question, mineral, answer, comment) VALUES ('d1', 'h1', ?, 'Tin', ?, NULL)`,
      [String(i + 1), a],
    );
  for (const m of ["Tantalum", "Gold", "Tungsten"])
    await db.run(
      `INSERT INTO answers (declaration_id, file_hash, question, mineral, answer, comment) VALUES ('d1', 'h1', '1', ?, 'No', NULL)`,
      [m],
    );
  await db.run(`INSERT INTO smelter_rows (declaration_id, file_hash, "row", metal, cid, name, country) VALUES
    ('d1', 'h1', 5, 'Tin', 'CID001105', 'MSC', 'MALAYSIA'), ('d1', 'h1', 6, 'Tin', NULL, '@Evil Smelter', 'BOLIVIA')`);
  await db.run(`INSERT INTO bom_lines VALUES ('PCB-100', 'Controller board', 'PN-1', NULL, 'S1', 'boms.csv', 2)`);
  db.close();
  writeFileSync(
    join(dir, "assay.config.json"),
    JSON.stringify({ company: { name: "Northwind Components GmbH", policyUrl: "https://northwind.example/policy" } }),
  );
  return path;
}

describe("assay export", () => {
  it("writes the report drafts and the smelter annex, and logs the export with its vintages", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assay-export-"));
    const db = await seed(dir);
    const c = capture();
    const code = await main(
      [
        "export",
        "reports",
        "--out",
        join(dir, "reports"),
        "--db",
        db,
        "--config",
        join(dir, "assay.config.json"),
        "--as-of",
        "2026-03-01",
      ],
      c.io,
    );
    expect(code, c.err.join("")).toBe(0);
    expect(c.out.join("")).toMatch(
      /conflict-minerals-report\.md, eu-2017-821-article-7-report\.md, eu-batteries-due-diligence\.md, smelter-annex\.csv; data vintages: no reference lists; no scoring run/,
    );
    const cmr = readFileSync(join(dir, "reports/conflict-minerals-report.md"), "utf8");
    expect(cmr).toContain("surveyed 2 relevant supplier(s)");
    expect(readFileSync(join(dir, "reports/smelter-annex.csv"), "utf8")).toContain(
      "Tin,'@Evil Smelter,,BOLIVIA,BO,unknown,,,no,,1",
    );
    const check = await Database.open(db);
    expect(await check.scalar("SELECT count(*) FROM export_runs WHERE kind LIKE 'report:%'")).toBe(4);
    check.close();
  });

  it("rejects a missing subcommand, template or unknown product with exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assay-export-"));
    const db = await seed(dir);
    const c = capture();
    expect(await main(["export", "--db", db], c.io)).toBe(2);
    expect(await main(["export", "cmrt", "--out", join(dir, "x.xlsx"), "--db", db], c.io)).toBe(2);
    expect(c.err.join("")).toContain("--template and --out are required");
    const blank = resolve(officialDir, "RMI_CMRT_6.5.xlsx");
    if (existsSync(blank)) {
      const e = capture();
      expect(
        await main(
          [
            "export",
            "cmrt",
            "--template",
            blank,
            "--out",
            join(dir, "x.xlsx"),
            "--products",
            "NOPE",
            "--db",
            db,
            "--config",
            join(dir, "assay.config.json"),
          ],
          e.io,
        ),
      ).toBe(2);
      expect(e.err.join("")).toContain("--products: unknown product NOPE (known: PCB-100)");
    }
  });

  it.skipIf(!existsSync(resolve(officialDir, "RMI_CMRT_6.5.xlsx")))(
    "fills the official CMRT for one product's BOM",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "assay-export-"));
      const db = await seed(dir);
      const c = capture();
      const out = join(dir, "out/northwind-cmrt.xlsx");
      const code = await main(
        [
          "export",
          "cmrt",
          "--template",
          resolve(officialDir, "RMI_CMRT_6.5.xlsx"),
          "--out",
          out,
          "--products",
          "PCB-100",
          "--db",
          db,
          "--config",
          join(dir, "assay.config.json"),
          "--as-of",
          "2026-03-01",
        ],
        c.io,
      );
      expect(code, c.err.join("")).toBe(0);
      expect(c.out.join("")).toContain("CMRT 6.5 with 2 smelter(s), 1 product(s)");
      const back = readTemplate(readFileSync(out), { file: out, asOf: "2026-03-02" });
      expect(back.company.scope).toBe("Product");
      expect(back.products.map((p) => p.number)).toEqual(["PCB-100"]);
      expect(back.smelters.map((s) => s.cid ?? s.name).sort()).toEqual(["'@Evil Smelter", "CID001105"]);
      expect(back.answers.find((a) => a.question === "6" && a.mineral === "Tin")?.answer, "S2 is not on this BOM").toBe(
        "100%",
      );
    },
  );
});
