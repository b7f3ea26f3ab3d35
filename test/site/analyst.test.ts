import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { chromiumAvailable, launchChromium } from "../../src/site/browser.ts";
import { serveStatic } from "../../src/site/static-server.ts";
import { Database } from "../../src/db/database.ts";
import { buildSite } from "../../src/site/build-site.ts";
import { loadTradeMeasures } from "../../loaders/reference/trade-measures.ts";
import { repoRoot } from "../helpers/paths.ts";
import { refreshDecisionStatus } from "../../src/decisions/store.ts";
import { seedWarehouse } from "./_seed.ts";

// A tin export licence on China in force during 2026, and a tungsten measure that ended before it.
const MEASURES = [
  "mineral,country_iso2,measure_type,description,effective_from,effective_to,source_url",
  'tin,CN,export_licence,"Tin <b>ingots</b> need a MOFCOM licence",2025-01,,https://example.org/mofcom-tin',
  "tungsten,RU,import_ban,Ended before the period,2023-01-01,2024-12-31,",
].join("\n");

const mustRun = process.env.CI === "true" || process.env.CI === "1";
const canRun = chromiumAvailable();
if (mustRun && !canRun) throw new Error("CI: /usr/bin/chromium is missing; .ci/run installs it with apt");

/**
 * The analyst's small seeded company: trade measures, RMI facts for the conformant seed smelters and a second sanctions
 * hit (seed smelter 5, CID001005, tantalum); with `decisions`, the analyst's decisions file too.
 */
async function seedAnalystCompany(dir: string, options: { decisions: boolean }): Promise<string> {
  const dbPath = join(dir, "assay.duckdb");
  const measures = join(dir, "measures_2026-09-01.csv");
  writeFileSync(measures, MEASURES);
  const db = await Database.open(dbPath);
  try {
    await seedWarehouse(db, { suppliers: 12 });
    await loadTradeMeasures(db, measures);
    // RMI facts for the conformant seed smelters with a CID: audits current at the period end for most, lapsed for some.
    const conformant = Array.from({ length: 32 }, (_, i) => i).filter(
      (i) => i % 17 !== 16 && i % 5 !== 0 && i % 4 !== 0,
    );
    const metal = (i: number) => ["Tin", "Tantalum", "Tungsten", "Gold"][i % 4]!;
    const cid = (i: number) => `CID${String(1000 + i).padStart(6, "0")}`;
    await db.insertRows(
      "ref_smelters",
      ["load_id", "metal", "cid", "standard_name", "country_iso2"],
      conformant.map((i) => [1, metal(i), cid(i), `Smelter ${i}`, "CN"]),
    );
    await db.insertRows(
      "ref_facility_status",
      ["load_id", "cid", "metal", "status", "list", "last_audit_date", "audit_cycle"],
      conformant.map((i) => [
        1,
        cid(i),
        metal(i),
        "conformant",
        "conformant",
        i % 3 ? "2026-03-01" : "2024-01-10",
        "1 Year",
      ]),
    );
    // S0001's 2026 CMRT names a refinery RMI does not list ("Smelter not listed"); decision dmap maps it to seed
    // smelter 7 (CID001007, gold).
    await db.insertRows(
      "smelter_rows",
      ["declaration_id", "file_hash", "row", "metal", "lookup_name", "name", "country"],
      [["DS0001-2026", "hS00012026", 5, "Gold", "Smelter not listed", "Golden <b>Hills</b> Refinery", "PERU"]],
    );
    await db.run("UPDATE smelter_scores SET sanctions = 'hit' WHERE smelter_key = 'CID001005'");
    await db.run("UPDATE smelter_screening SET decision = 'hit' WHERE cid = 'CID001005'");
    if (options.decisions) {
      // Seed smelter 3 (CID001003, gold) is an OFAC hit; an analyst clears it, and notes a follow-up on S0002.
      await db.insertRows(
        "decisions",
        [
          "decision_id",
          "action",
          "subject",
          "metal",
          "value",
          "who",
          "decided_on",
          "why",
          "expires_on",
          "source",
          "line",
        ],
        [
          [
            "dclear",
            "clear-sanctions",
            "CID001003",
            "Gold",
            null,
            "Dana <i>Whitfield</i>",
            "2026-05-02",
            "Different company, same name",
            null,
            "/cfg/decisions.csv",
            2,
          ],
          [
            "dnote",
            "follow-up",
            "S0002",
            null,
            null,
            "R. Ortiz",
            "2026-01-10",
            "Ask for the smelter list",
            "2026-01-31",
            "/cfg/decisions.csv",
            3,
          ],
          [
            "dmap",
            "confirm-match",
            "Golden <b>Hills</b> Refinery",
            "Gold",
            "CID001007",
            "R. Ortiz",
            "2026-04-02",
            "Same refinery: the supplier's contact confirmed the address",
            null,
            "/cfg/decisions.csv",
            4,
          ],
        ],
      );
      // The scoring run that applied the mapping credits S0001's row to the facility.
      await db.run(
        "INSERT INTO supplier_smelter_links SELECT max(run_id), 'S0001', 'CID001007' FROM scoring_runs WHERE period = '2026'",
      );
    }
    await refreshDecisionStatus(db, "2026-06-30");
  } finally {
    db.close();
  }
  return dbPath;
}

// The analyst's view of a small seeded company: what the pages say about the reference data they rest on.
describe.skipIf(!canRun)("analyst pages in headless Chromium", () => {
  let built: { dir: string; site: string } | undefined;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "assay-analyst-"));
    const dbPath = await seedAnalystCompany(dir, { decisions: true });
    built = { dir, site: join(dir, "dist") };
    await buildSite({ root: resolve(repoRoot, "pages"), dbPath, output: built.site, redact: false });
    server = await serveStatic(built.site);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (built) rmSync(built.dir, { recursive: true, force: true });
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
    return page;
  }

  it("every page shows the reference vintages and warns for the lists that predate the period end", async () => {
    for (const path of ["/", "/smelters", "/suppliers", "/sanctions", "/smelter?id=CID001003"]) {
      const page = await open(path);
      const strip = page.locator(".vintage-strip");
      await strip.waitFor();
      const text = (await strip.textContent()) ?? "";
      // The seed's period 2026 ends 2026-12-31; its look-up (2025-04-25) and OFAC list (2024-05-03) are older.
      expect(text, path).toContain("Reference data for period 2026 (ends 2026-12-31)");
      expect(text, path).toContain("RMI Smelter Look-up (CMRT) 2025-04-25 ⚠ older than the period end (2026-12-31)");
      expect(text, path).toContain("OFAC SDN 2024-05-03 ⚠ older than the period end");
      expect(await page.locator(".vintage-strip .vintage-warning").count(), path).toBeGreaterThanOrEqual(2);
      await page.close();
    }
  });

  it("a smelter under a trade measure shows it on its page, on the Trade measures page and on its reporters' pages", async () => {
    // Seed smelters 0, 12 and 24 are tin smelters in China (CID001000, CID001012, CID001024).
    const measures = await open("/trade-measures");
    const tables = measures.locator("table");
    await tables.first().waitFor();
    const measureRows = await tables.nth(0).locator("tbody tr").allTextContents();
    expect(measureRows.length, "only the measure in force during the period").toBe(1);
    expect(measureRows[0]).toContain("export licence");
    expect(measureRows[0]).toContain("Tin <b>ingots</b> need a MOFCOM licence");
    expect(await measures.locator("b", { hasText: "ingots" }).count(), "list text is escaped").toBe(0);
    const smelterNames = await tables.nth(1).locator("tbody tr td:nth-child(2)").allTextContents();
    expect(smelterNames.sort()).toEqual(["Smelter 0 Mining Co.", "Smelter 12 Mining Co.", "Smelter 24 Mining Co."]);
    const supplierLink = measures.locator("table").nth(2).locator("tbody a").first();
    const supplierName = (await supplierLink.textContent()) ?? "";
    await measures.close();

    const smelter = await open("/smelter?id=CID001000");
    const section = smelter.locator("h2", { hasText: "Trade measures" });
    await section.waitFor();
    expect(await smelter.locator("table", { hasText: "export licence" }).first().textContent()).toContain(
      "CN export licence (from CN) from 2025-01",
    );
    await smelter.close();
    const other = await open("/smelter?id=CID001003");
    await other.locator("h1").waitFor();
    expect(await other.locator("h2", { hasText: "Trade measures" }).count(), "a Thai gold smelter is not flagged").toBe(
      0,
    );
    await other.close();

    expect(supplierName).toMatch(/Supplier \d+ GmbH/);
    const id = `S${supplierName.match(/Supplier (\d+)/)![1]!.padStart(4, "0")}`;
    const supplier = await open(`/supplier?id=${id}`);
    await supplier.locator("h2", { hasText: "Trade measures" }).waitFor();
    expect(await supplier.locator("table", { hasText: "export licence" }).first().textContent()).toMatch(
      /Smelter (0|12|24) Mining Co\./,
    );
    await supplier.close();
  });

  it("a decisions file changes the pages: the cleared hit shows as cleared, the Decisions page lists it, the audit log shows it", async () => {
    const smelter = await open("/smelter?id=CID001003");
    const card = smelter.locator(".card", { hasText: "Analyst decisions" });
    await card.waitFor();
    expect(await card.locator("li").allTextContents()).toEqual([
      "clear-sanctions cleared by Dana <i>Whitfield</i> on 2026-05-02: Different company, same name",
    ]);
    expect(await smelter.locator("i", { hasText: "Whitfield" }).count(), "decision text is escaped").toBe(0);
    await smelter.close();

    const page = await open("/decisions");
    const tables = page.locator("table");
    await tables.first().waitFor();
    const rows = await tables.nth(0).locator("tbody tr").allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain("clear-sanctions");
    expect(rows[0]).toContain("active");
    expect(rows[0]).toContain("clears ofac-sdn 12345 on CID001003 (Gold)");
    expect(rows[1], "a follow-up past its date").toContain("expired on 2026-01-31");
    const log = await tables.nth(1).locator("tbody tr").allTextContents();
    expect(
      log.some((r) => r.includes("applied") && r.includes("CID001003")),
      log.join("\n"),
    ).toBe(true);
    expect(
      log.some((r) => r.includes("expired") && r.includes("S0002")),
      log.join("\n"),
    ).toBe(true);
    await page.close();

    const supplier = await open("/supplier?id=S0002");
    await supplier.locator(".card", { hasText: "Analyst decisions" }).waitFor();
    expect(await supplier.locator(".card", { hasText: "Analyst decisions" }).textContent()).toContain(
      "follow-up noted by R. Ortiz on 2026-01-10: Ask for the smelter list (expired: expired on 2026-01-31)",
    );
    await supplier.close();
  });
  it("a decision mapping a \"Smelter not listed\" row to a CID shows on the Smelters list, the reporting supplier's rows and the facility's page", async () => {
    const note =
      'mapped by decision dmap: "Golden <b>Hills</b> Refinery" (Gold) → CID001007, by R. Ortiz on 2026-04-02: Same refinery: the supplier\'s contact confirmed the address';
    const list = await open("/smelters");
    await list.getByLabel("Search smelters").fill("CID001007");
    const row = list.locator("main table").first().locator("tbody tr");
    await expect.poll(() => row.count(), { message: "the facility's row" }).toBe(1);
    expect(await row.locator("td").allInnerTexts(), "Smelters list").toContain(note);
    expect(await list.locator("main b", { hasText: "Hills" }).count(), "the typed name is escaped").toBe(0);
    await list.close();

    const supplier = await open("/supplier?id=S0001");
    const rows = supplier.locator("main table", { hasText: "CID001007" }).locator("tbody tr", { hasText: "CID001007" });
    await rows.first().waitFor();
    expect(await rows.first().locator("td").allInnerTexts(), "the reporting supplier's row").toContain(note);
    await supplier.close();
    const other = await open("/supplier?id=S0002");
    await other.locator("h1").waitFor();
    expect(await other.locator("main").innerText(), "a supplier that did not report it").not.toContain("dmap");
    await other.close();

    const smelter = await open("/smelter?id=CID001007");
    const card = smelter.locator(".card", { hasText: "Analyst decisions" });
    await card.waitFor();
    expect(await card.textContent(), "the facility's page").toContain(
      'mapped "Golden <b>Hills</b> Refinery" to CID001007',
    );
    await smelter.close();
  });

  it("a cleared sanctions hit reads as cleared, by whom, when and why, and counts as no hit: before and after the decision", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assay-analyst-before-"));
    const site = join(dir, "dist");
    await buildSite({
      root: resolve(repoRoot, "pages"),
      dbPath: await seedAnalystCompany(dir, { decisions: false }),
      output: site,
      redact: false,
    });
    const before = await serveStatic(site);
    // Seed smelter 3 (CID001003, gold) and smelter 5 (CID001005) are hits; the decisions file clears smelter 3.
    const state = async (url: string) => {
      const page = await browser.newPage();
      await page.goto(`${url}/sanctions`, { waitUntil: "networkidle" });
      const hits = Number(await page.locator("#supply-chain-hits .big").innerText());
      const cells = await page
        .locator("main table")
        .first()
        .locator("tbody tr", { hasText: "Smelter 3 Mining Co." })
        .locator("td")
        .allInnerTexts();
      await page.goto(`${url}/`, { waitUntil: "networkidle" });
      const card = page.locator("a.kpi-link", { hasText: "Sanctions hits" }).locator(".big");
      await card.waitFor();
      const overview = Number(await card.innerText());
      await page.close();
      return { hits, overview, cells: cells.map((c) => c.trim()) };
    };
    try {
      const without = await state(before.url);
      expect([without.hits, without.overview], "before: two hits on Sanctions and Overview").toEqual([2, 2]);
      expect(without.cells, "before: smelter 3 reads hit").toContain("hit");
      const withDecision = await state(server.url);
      expect([withDecision.hits, withDecision.overview], "after: one hit on Sanctions and Overview").toEqual([1, 1]);
      expect(withDecision.cells, "after: no longer hit").not.toContain("hit");
      expect(withDecision.cells, "after: who cleared it, when and why").toContain(
        "cleared — by Dana <i>Whitfield</i> on 2026-05-02: Different company, same name",
      );
    } finally {
      await before.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it("every KPI card on Overview that counts rows leads to exactly the rows it counts", async () => {
    const cards: [label: string, page: "smelters" | "suppliers"][] = [
      ["Suppliers in scope", "suppliers"],
      ["Response rate", "suppliers"],
      ["Valid declarations", "suppliers"],
      ["Smelters identified", "smelters"],
      ["Conformant smelters", "smelters"],
      ["Sanctions hits", "smelters"],
      ["High-risk smelters", "smelters"],
    ];
    for (const [label, target] of cards) {
      const page = await open("/");
      const card = page.locator("a.kpi-link", { hasText: label });
      await card.waitFor();
      const big = ((await card.locator(".big").textContent()) ?? "").replace(/,/g, "");
      // A share's card counts its numerator, stated in its note as "N of M".
      const share = /^(\d+) of (\d+)/.exec((await card.locator("p.muted").textContent()) ?? "");
      const counted = big.endsWith("%") ? Number(share?.[1]) : Number(big);
      if (big.endsWith("%"))
        expect(big, `${label}: the share is N of M`).toBe(
          `${((Number(share?.[1]) / Number(share?.[2])) * 100).toFixed(0)}%`,
        );
      await card.click();
      await page.waitForURL(new RegExp(`/${target}\\?`));
      const toolbar = page.locator(".toolbar span").first();
      await toolbar.waitFor();
      await page.waitForFunction(() => document.querySelector(".url-filter") !== null);
      const shown = Number((((await toolbar.textContent()) ?? "").split(" of ")[0] ?? "").replace(/,/g, ""));
      expect([label, shown], `${label} on Overview against the rows on ${page.url()}`).toEqual([label, counted]);
      expect(counted, label).toBeGreaterThan(0);
      const notice = (await page.locator(".url-filter").textContent()) ?? "";
      if (target === "suppliers") expect(notice, label).toMatch(/^Filtered: suppliers in scope.*Clear$/);
      await page.close();
    }
  });
});
