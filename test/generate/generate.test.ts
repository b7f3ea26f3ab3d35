import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { loadBom } from "../../loaders/bom.ts";
import { readTemplate } from "../../loaders/template/read-template.ts";
import { loadOutreachLog } from "../../loaders/outreach-log.ts";
import { loadSupplierMaster } from "../../loaders/supplier-master.ts";
import { withDatabase } from "../../src/db/database.ts";
import { generateCompany, writeCompany, type InboxEntry } from "../../src/generate/index.ts";
import { SAMPLE_OPTIONS } from "../../src/generate/sample.ts";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const sampleDir = join(repoRoot, "data/sample");

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else
        out[`${prefix}${e.name}`] = createHash("sha256")
          .update(readFileSync(join(d, e.name)))
          .digest("hex");
    }
  };
  walk(dir, "");
  return out;
}

async function cell(file: string, sheet: string, address: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const v = wb.getWorksheet(sheet)?.getCell(address).value;
  return v && typeof v === "object" && "formula" in v ? (v.result ?? null) : (v ?? null);
}

async function smelterColumn(file: string, column: string): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("Smelter List")!;
  const out: unknown[] = [];
  for (let r = 5; r <= ws.rowCount; r++) {
    const v = ws.getCell(`${column}${r}`).value;
    out.push(v && typeof v === "object" && "formula" in v ? v.result : v);
  }
  return out;
}

describe("generateCompany", () => {
  it("is deterministic: the same seed writes the same bytes, another seed differs", async () => {
    const a = mkdtempSync(join(tmpdir(), "assay-gen-a-"));
    const b = mkdtempSync(join(tmpdir(), "assay-gen-b-"));
    const c = mkdtempSync(join(tmpdir(), "assay-gen-c-"));
    await writeCompany(generateCompany({ suppliers: 14, products: 5, seed: "s1" }), a);
    await writeCompany(generateCompany({ suppliers: 14, products: 5, seed: "s1" }), b);
    await writeCompany(generateCompany({ suppliers: 14, products: 5, seed: "s2" }), c);
    expect(hashes(a)).toEqual(hashes(b));
    expect(hashes(a)["suppliers.csv"]).not.toBe(hashes(c)["suppliers.csv"]);
  });

  it("scales to thousands of suppliers with every promised outcome", () => {
    const company = generateCompany({ suppliers: 3000, products: 2000, seed: "scale" });
    expect(company.suppliers).toHaveLength(3000);
    expect(new Set(company.suppliers.map((s) => s.id)).size).toBe(3000);
    const outcomes = new Set(company.outcomes.values());
    expect([...outcomes].sort()).toEqual(["bounced-then-responded", "no-data", "not-contacted", "responded", "silent"]);
    expect(company.responses.length).toBeGreaterThan(1500);
    expect(new Set(company.bom.map((b) => b.product_id)).size).toBe(2000);
  });
});

describe.skipIf(!existsSync(join(sampleDir, "manifest.json")))("bundled sample company (data/sample)", () => {
  const manifest = JSON.parse(readFileSync(join(sampleDir, "manifest.json"), "utf8")) as {
    outcomes: Record<string, string>;
    inbox: InboxEntry[];
  };
  const inbox = (e: InboxEntry) => join(sampleDir, "inbox", e.file);
  const withFeature = (f: string) => manifest.inbox.filter((e) => e.features.includes(f));

  it("is exactly what the generator writes (regenerate with scripts/make-sample.ts)", async () => {
    const out = mkdtempSync(join(tmpdir(), "assay-sample-"));
    await writeCompany(generateCompany(SAMPLE_OPTIONS), out);
    // decisions.csv is the analyst's file (hand-written review decisions), not generator output.
    const { "decisions.csv": _analystFile, ...generated } = hashes(sampleDir);
    expect(hashes(out)).toEqual(generated);
  });

  it("writes every answer under the question that means it (EMRT Q4 is 100% recycled, Q5 the response share)", () => {
    const shares = new Set([
      "100%",
      "Greater than 90%",
      "Greater than 75%",
      "Greater than 50%",
      "50% or less",
      "Did not survey",
      "None",
    ]);
    const families = new Set<string>();
    for (const f of readdirSync(join(sampleDir, "inbox")).filter((n) => n.endsWith(".xlsx"))) {
      let d: ReturnType<typeof readTemplate>;
      try {
        d = readTemplate(readFileSync(join(sampleDir, "inbox", f)), { file: f, asOf: "2025-12-31" });
      } catch {
        continue; // the sample also holds deliberately broken files
      }
      if (!d.template || !["CMRT", "EMRT"].includes(d.template)) continue;
      for (const a of d.answers ?? []) {
        if (a.answer === null) continue;
        families.add(d.template);
        if (a.meaning === "response-share") expect(shares.has(a.answer), `${f} ${a.mineral}: ${a.answer}`).toBe(true);
        else
          expect(
            ["Yes", "No", "Unknown", "Not applicable for this declaration"],
            `${f} ${a.question} ${a.meaning}`,
          ).toContain(a.answer);
      }
      const recycled = (d.answers ?? []).filter((a) => a.meaning === "recycled-scrap" && a.answer !== null);
      const claims = recycled.filter((a) => a.answer === "Yes").length;
      expect(claims, `${f}: "100% recycled" is a rare claim`).toBeLessThanOrEqual(
        Math.max(1, Math.ceil(recycled.length / 2)),
      );
    }
    expect([...families].sort()).toEqual(["CMRT", "EMRT"]);
  });

  it("loads cleanly: ≥ 30 suppliers, ≥ 10 products, every BOM supplier known, valid outreach", async () => {
    await withDatabase(async (db) => {
      const s = await loadSupplierMaster(db, join(sampleDir, "suppliers.csv"));
      const b = await loadBom(db, join(sampleDir, "boms.csv"));
      const o = await loadOutreachLog(db, join(sampleDir, "outreach.csv"));
      expect([s.errors, b.errors, b.warnings, o.errors]).toEqual([[], [], [], []]);
      expect(s.rowsStored).toBeGreaterThanOrEqual(30);
      expect(await db.scalar("SELECT count(DISTINCT product_id) FROM bom_lines")).toBeGreaterThanOrEqual(10);
      const commodities = (await db.all<{ c: string }>("SELECT DISTINCT commodity AS c FROM suppliers")).map(
        (r) => r.c,
      );
      expect(commodities, "non-mineral suppliers").toEqual(
        expect.arrayContaining(["Packaging", "Legal services", "Logistics services"]),
      );
      const silent = Object.entries(manifest.outcomes)
        .filter(([, v]) => v === "silent")
        .map(([k]) => k);
      expect(silent.length, "suppliers who never answered").toBeGreaterThan(0);
      for (const id of silent) {
        expect(manifest.inbox.some((e) => e.supplierId === id)).toBe(false);
        expect(
          await db.scalar("SELECT count(*) FROM outreach_events WHERE supplier_id = ? AND event = 'escalated'", [id]),
        ).toBe(1);
      }
      expect(await db.scalar("SELECT count(DISTINCT event) FROM outreach_events")).toBe(6);
    });
  });

  it("has the variety of a real inbox, verified in the workbooks themselves", async () => {
    const versions = new Set(manifest.inbox.map((e) => `${e.template} ${e.version}`));
    expect([...versions].filter((v) => v.startsWith("CMRT")).length, "several CMRT versions").toBeGreaterThanOrEqual(3);
    expect(versions.has("EMRT 2.0") && versions.has("EMRT 2.1"), "both EMRT 2.x versions").toBe(true);

    const sanctioned = withFeature("sanctioned");
    expect(sanctioned.length).toBeGreaterThan(0);
    expect(await smelterColumn(inbox(sanctioned[0]!), "F"), "OFAC-designated JSC Uralelectromed by CID").toContain(
      "CID000929",
    );

    const textDate = withFeature("text-date").find((e) => e.template === "CMRT")!;
    expect(typeof (await cell(inbox(textDate), "Declaration", "D22")), "effective date typed as text").toBe("string");

    const product = withFeature("product-scope").find((e) => e.template === "CMRT")!;
    expect(await cell(inbox(product), "Declaration", "D9")).toBe("B. Product (or List of Products)");
    expect(await cell(inbox(product), "Product List", "B6")).not.toBeNull();
    const user = withFeature("user-defined-scope")[0]!;
    expect(String(await cell(inbox(user), "Declaration", "D9"))).toMatch(/^C\. User defined/);

    const notListed = withFeature("not-listed")[0]!;
    const lookups = await smelterColumn(inbox(notListed), "C");
    expect(lookups.filter((v) => v === "Smelter not listed").length, "typed names").toBe(notListed.typedNames.length);

    const missing = withFeature("missing-fields")[0]!;
    expect(
      await cell(inbox(missing), "Declaration", missing.template === "CMRT" ? "D16" : "D20"),
      "contact e-mail missing",
    ).toBeNull();

    const bySupplier = new Map<string, InboxEntry[]>();
    for (const e of manifest.inbox)
      if (e.supplierId && !e.note) bySupplier.set(e.supplierId, [...(bySupplier.get(e.supplierId) ?? []), e]);
    const superseded = manifest.inbox.filter((e) => e.superseded);
    expect(superseded.length, "old declarations").toBeGreaterThan(0);
    for (const old of superseded) {
      const newer = bySupplier.get(old.supplierId!)!.filter((e) => !e.superseded && e.template === old.template);
      expect(newer.length).toBe(1);
      expect(newer[0]!.effectiveDate! > old.effectiveDate!).toBe(true);
    }
    const copies = manifest.inbox.filter((e) => e.note?.startsWith("byte-identical copy of "));
    expect(copies).toHaveLength(1);
    const original = copies[0]!.note!.replace("byte-identical copy of ", "");
    expect(readFileSync(inbox(copies[0]!)).equals(readFileSync(join(sampleDir, "inbox", original)))).toBe(true);
    const rejects = manifest.inbox.filter((e) => e.template === null).map((e) => e.file);
    expect(rejects.sort()).toEqual(["scanned-declaration.pdf", "upload-interrupted.xlsx"]);
    const total = readdirSync(join(sampleDir, "inbox")).reduce(
      (n, f) => n + readFileSync(join(sampleDir, "inbox", f)).length,
      0,
    );
    expect(total, "sample under 5 MB").toBeLessThan(5_000_000);
  });
});
