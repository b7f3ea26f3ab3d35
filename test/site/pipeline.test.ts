import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { Database } from "../../src/db/database.ts";
import { chromiumAvailable, launchChromium } from "../../src/site/browser.ts";
import { overviewData } from "../../src/site/data/overview-data.ts";
import { serveStatic } from "../../src/site/static-server.ts";
import { repoRoot } from "../helpers/paths.ts";
import { runCli } from "../helpers/run-cli.ts";
import { SANCTIONED, SCRIPT_MARK, writeHostileCompany } from "./_hostile-company.ts";
import { parseCsvRecords } from "../../src/text/csv.ts";

// The real pipeline (assay build: ingest, match, screen, engagement, score, site) on the sample company with
// one supplier's master data, BOM, outreach note and CMRT made hostile; every page checked in Chromium.
const mustRun = process.env.CI === "true" || process.env.CI === "1";
const canRun = chromiumAvailable();
if (mustRun && !canRun) throw new Error("CI: /usr/bin/chromium is missing; .ci/run installs it with apt");

const AXE = resolve(repoRoot, "node_modules/axe-core/axe.min.js");

function htmlPages(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry.startsWith("_")) return [];
    if (statSync(path).isDirectory()) return htmlPages(path);
    return entry.endsWith(".html") ? [path] : [];
  });
}

describe.skipIf(!canRun)("assay build on a hostile supplier, every page in Chromium", () => {
  const work = mkdtempSync(join(tmpdir(), "assay-hostile-"));
  const site = join(work, "dist");
  const dbPath = join(work, "assay.duckdb");
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;
  let pages: string[] = [];
  let hostileSmelters: string[] = [];
  let supplierId = "";

  beforeAll(async () => {
    const company = await writeHostileCompany(join(work, "company"));
    supplierId = company.supplierId;
    // Run from outside the installation, as a user with their own company folder would.
    const result = runCli(
      ["build", "--config", company.config, "--db", dbPath, "--out", site, "--as-of", "2026-06-30", "--quiet"],
      { cwd: work },
    );
    if (result.code !== 0) throw new Error(`assay build failed (${result.code}):\n${result.stderr}`);
    const db = await Database.open(dbPath, { readOnly: true });
    try {
      hostileSmelters = (
        await db.all<{ key: string }>(
          "SELECT DISTINCT smelter_key AS key FROM smelter_scores WHERE name LIKE ? AND run_id = (SELECT max(run_id) FROM scoring_runs) ORDER BY 1",
          ["%__xss%"],
        )
      ).map((r) => r.key);
    } finally {
      db.close();
    }
    const built = htmlPages(site).map(
      (p) =>
        `/${relative(site, p)
          .replace(/\.html$/, "")
          .replace(/(^|\/)index$/, "$1")}`,
    );
    pages = [
      ...built,
      `/supplier?id=${encodeURIComponent(supplierId)}`,
      ...hostileSmelters.map((k) => `/smelter?id=${encodeURIComponent(k)}`),
    ];
    server = await serveStatic(site);
    browser = await launchChromium();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function open(path: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ acceptDownloads: true });
    const problems: string[] = [];
    page.on("console", (m) => void (m.type() === "error" && problems.push(`console: ${m.text()}`)));
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("dialog", (d) => void (problems.push(`dialog: ${d.message()}`), d.dismiss()));
    page.on("response", (r) => void (r.status() >= 400 && problems.push(`HTTP ${r.status()} ${r.url()}`)));
    await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
    for (const e of await page.locator(".observablehq--error").allTextContents()) problems.push(`cell error: ${e}`);
    return { page, problems };
  }

  it("builds the hostile entities: the declaration is linked and its not-listed smelters scored", () => {
    expect(pages).toEqual(expect.arrayContaining(["/", "/smelters", "/suppliers", "/report", "/method"]));
    expect(pages.filter((p) => p.startsWith("/drafts/")).length, "regulatory draft pages").toBeGreaterThan(0);
    expect(hostileSmelters.length, "hostile 'Smelter not listed' rows became smelters").toBeGreaterThanOrEqual(3);
  });

  it("screens what suppliers typed: a sanctioned refiner entered as 'Smelter not listed' is a hit on the Sanctions and smelter pages", async () => {
    const db = await Database.open(dbPath, { readOnly: true });
    let key = "";
    try {
      const typed = await db.all<{ key: string; decision: string; hits: string }>(
        "SELECT smelter_key AS key, decision, hits FROM reported_smelter_screening WHERE hits LIKE ?",
        [`%"id":"${SANCTIONED.entry}"%`],
      );
      expect(
        typed.map((r) => r.decision),
        "the typed spelling is screened as a hit",
      ).toEqual(["hit"]);
      key = typed[0]!.key;
      expect(key, "no RMI facility: an unmatched smelter key").toMatch(/^unmatched:gold:/);
      const reference = Number(
        await db.scalar("SELECT count(*) FROM smelter_screening WHERE hits LIKE ?", [`%"id":"${SANCTIONED.entry}"%`]),
      );
      expect(reference, "the reference screening alone cannot see it").toBe(0);
      const scored = await db.one<{ sanctions: string; band: string }>(
        "SELECT sanctions, band FROM smelter_scores WHERE smelter_key = ? AND run_id = (SELECT max(run_id) FROM scoring_runs)",
        [key],
      );
      expect(scored).toEqual({ sanctions: "hit", band: "Critical" });
    } finally {
      db.close();
    }

    const sanctions = await open("/sanctions");
    expect(sanctions.problems).toEqual([]);
    const row = sanctions.page.locator("main table tbody tr").filter({ hasText: SANCTIONED.listed });
    await expect.poll(() => row.count(), { message: "a row for the typed sanctioned refiner" }).toBe(1);
    const text = await row.innerText();
    expect(text).toContain(`reported as "${SANCTIONED.typed}"`);
    expect(text).toContain(`OFAC SDN ${SANCTIONED.entry}`);
    expect(text, "reported by the supplier that typed it").toContain("Bluefin");
    expect(text, "with the reasons of the match").toMatch(/similarity/);
    await sanctions.page.close();

    const smelter = await open(`/smelter?id=${encodeURIComponent(key)}`);
    expect(smelter.problems).toEqual([]);
    const main = await smelter.page.locator("main").innerText();
    expect(main).toContain("Sanctions matches on what suppliers typed");
    expect(main).toContain(SANCTIONED.listed);
    expect(main).toMatch(/Sanctions screening\s+hit/);
    await smelter.page.close();
  });

  it("shows hostile supplier text as inert text on every page, including drafts and entity pages", async () => {
    const failures: string[] = [];
    const draftLinks: string[] = [];
    for (const path of pages) {
      const { page, problems } = await open(path);
      failures.push(...problems.map((p) => `${path}: ${p}`));
      const state = await page.evaluate(() => ({
        xss: (window as unknown as { __xss?: number }).__xss,
        injected: document.querySelectorAll(
          'img[src="x"], [onerror], main script, a[href^="javascript:" i], iframe, object, embed',
        ).length,
        text: document.querySelector("main")?.textContent ?? "",
      }));
      if (state.xss !== undefined) failures.push(`${path}: injected script ran (__xss=${state.xss})`);
      if (state.injected > 0) failures.push(`${path}: ${state.injected} injected element(s)`);
      // Supplier text must not become a link either (Markdown linkify turns "http://evil" into one).
      const links = await page.locator('a[href*="evil.example"], a[href^="http://evil"]').count();
      if (links > 0) failures.push(`${path}: ${links} link(s) made from supplier text`);
      const entity = path.startsWith("/supplier?") || path.startsWith("/smelter?");
      if (entity && !state.text.includes(SCRIPT_MARK)) failures.push(`${path}: hostile name not shown as text`);
      await page.close();
    }
    // Reported, not failed: the drafts' Markdown comes from src/exports/markdown.ts (escapeMarkdown), not from the pages.
    if (draftLinks.length) console.warn(`links made from supplier text on the draft pages:\n${draftLinks.join("\n")}`);
    expect(failures, failures.join("\n")).toEqual([]);
  }, 600_000);

  it("has no serious or critical accessibility violations (axe-core) on any page", async () => {
    const failures: string[] = [];
    const pending: string[] = [];
    for (const path of pages) {
      const { page } = await open(path);
      await page.addScriptTag({ path: AXE });
      const { repaired, violations } = await page.evaluate(async () => {
        type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
        const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<Result> } }).axe;
        const result = await axe.run(document, { resultTypes: ["violations"] });
        // Framework's own chrome (html element, sidebar, footer) as opposed to the page's content.
        const chrome = (target: string) => {
          const el = document.querySelector(target);
          return (
            !el ||
            el === document.documentElement ||
            Boolean(
              el.closest(
                "#observablehq-sidebar, #observablehq-sidebar-toggle, #observablehq-toc, #observablehq-footer",
              ),
            )
          );
        };
        return {
          repaired: Boolean((window as unknown as { __assayA11y?: boolean }).__assayA11y),
          violations: result.violations.flatMap((v) =>
            v.nodes.map((n) => ({
              id: v.id,
              impact: v.impact,
              target: n.target.join(" "),
              chrome: chrome(n.target.join(" ")),
            })),
          ),
        };
      });
      for (const v of violations) {
        if (v.impact !== "serious" && v.impact !== "critical") continue;
        const line = `${path}: ${v.impact} ${v.id} at ${v.target}`;
        // The draft pages are generated by src/site/data/draft-page.ts; until they load the site's stylesheet and
        // components/a11y.js, Framework's chrome and the theme's colours are reported, not failed.
        if (
          !repaired &&
          path.startsWith("/drafts/") &&
          (v.chrome || v.id === "link-in-text-block" || v.id === "color-contrast")
        )
          pending.push(line);
        else failures.push(line);
      }
      await page.close();
    }
    if (pending.length) console.warn(`accessibility repairs not loaded on the draft pages:\n${pending.join("\n")}`);
    expect(failures, failures.join("\n")).toEqual([]);
  }, 600_000);

  it("reaches the smelter search and the table's sort headers by keyboard, and sorts with Enter", async () => {
    const { page } = await open("/smelters");
    const reached: string[] = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press("Tab");
      const focus = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el) return "";
        if (el.matches('input[type="search"]')) return "search";
        if (el.closest("thead th")) return `th:${el.closest("thead th")!.textContent?.trim()}`;
        return "";
      });
      if (focus && !reached.includes(focus)) reached.push(focus);
      if (focus === "th:Smelter") {
        const before = await page.locator("main table tbody tr td:nth-child(2)").first().textContent();
        await page.keyboard.press("Enter");
        await expect
          .poll(() => page.locator("main table tbody tr td:nth-child(2)").first().textContent(), {
            message: "Enter sorts by the focused column",
          })
          .not.toBe(before);
        break;
      }
    }
    expect(reached).toContain("search");
    expect(reached).toContain("th:Smelter");
    await page.close();
  });

  it("downloads CSVs in which no cell can run as a spreadsheet formula", async () => {
    for (const [path, button] of [
      ["/smelters", /Download CSV: smelters\.csv/],
      [`/supplier?id=${encodeURIComponent(supplierId)}`, /Download CSV: supplier-.*-smelters\.csv/],
    ] as const) {
      const { page } = await open(path);
      if (path === "/smelters") await page.getByLabel("Search smelters").fill("HYPERLINK");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: button }).first().click(),
      ]);
      const rows = parseCsvRecords(readFileSync((await download.path())!, "utf8")).map((r) => r.fields);
      const cells = rows.slice(1).flat();
      if (path === "/smelters")
        expect(rows.length - 1, "only the hostile smelters match the search").toBe(hostileSmelters.length);
      expect(
        cells.some((c) => c.startsWith("'=HYPERLINK(")),
        `${path}: hostile formula present, neutralised`,
      ).toBe(true);
      expect(
        cells.filter((c) => /^[=+@\t\r]/.test(c) || /^-[^\d]/.test(c)),
        `${path}: live formula cells`,
      ).toEqual([]);
      await page.close();
    }
  });

  it("shows KPIs that equal SQL on the built warehouse (engagement stage for scope and responses)", async () => {
    const db = await Database.open(dbPath, { readOnly: true });
    let expected: Record<string, number>;
    let data: Awaited<ReturnType<typeof overviewData>>;
    try {
      const e = (await db.one<{ in_scope: number; responded: number; usable: number }>(
        `SELECT m.in_scope, m.responded, m.usable FROM engagement_metrics m JOIN latest_engagement_runs USING (run_id) WHERE dimension = 'all'`,
      ))!;
      const s = (await db.one<{ identified: number; conformant: number; hits: number; high: number }>(
        `SELECT count(*) FILTER (WHERE cid IS NOT NULL) AS identified, count(*) FILTER (WHERE cid IS NOT NULL AND rmi_status = 'conformant') AS conformant,
           count(*) FILTER (WHERE sanctions = 'hit') AS hits, count(*) FILTER (WHERE band IN ('High', 'Critical')) AS high
         FROM smelter_scores WHERE run_id = (SELECT max(run_id) FROM scoring_runs)`,
      ))!;
      const inScopeRows = Number(await db.scalar("SELECT count(*) FROM current_supplier_engagement WHERE in_scope"));
      const actions = (await db.one<{ open: number; overdue: number }>(
        "SELECT count(*) FILTER (WHERE next_action IS NOT NULL) AS open, count(*) FILTER (WHERE overdue) AS overdue FROM current_supplier_engagement WHERE in_scope",
      ))!;
      const highProducts = Number(
        await db.scalar(
          "SELECT count(*) FROM product_scores WHERE band IN ('High', 'Critical') AND run_id = (SELECT max(run_id) FROM scoring_runs)",
        ),
      );
      data = await overviewData(db);
      // Conformant counts only audits current at the period end: at most the smelters listed as conformant.
      expect(
        data.figures!.conformant + data.figures!.conformantLapsed,
        "current plus lapsed audits",
      ).toBeLessThanOrEqual(s.conformant);
      expect(e.in_scope, "engagement metrics agree with the per-supplier rows").toBe(inScopeRows);
      expected = {
        suppliersInScope: e.in_scope,
        responseRate: Math.round((e.usable / e.in_scope) * 100),
        validDeclarations: e.usable,
        smeltersIdentified: s.identified,
        conformantShare: Math.round((data.figures!.conformant / s.identified) * 100),
        sanctionsHits: s.hits,
        highRiskSmelters: s.high,
        highRiskProducts: highProducts,
        actionsOpen: Number(actions.open),
        actionsOverdue: Number(actions.overdue),
      };
    } finally {
      db.close();
    }
    const fromData = Object.fromEntries(
      data.kpis.map((k) => [k.key, k.format === "percent" ? Math.round((k.value ?? 0) * 100) : k.value]),
    );
    expect(fromData).toMatchObject(expected);
    expect(expected.validDeclarations, "usable declarations are fewer than responses in the sample").toBeLessThan(
      data.kpis.find((k) => k.key === "suppliersInScope")!.value!,
    );

    const { page } = await open("/");
    const cards = await page
      .locator(".kpi")
      .evaluateAll((els) =>
        els.map((el) => [el.querySelector("h2")?.textContent ?? "", el.querySelector(".big")?.textContent ?? ""]),
      );
    const shown = Object.fromEntries(cards);
    const label = Object.fromEntries(data.kpis.map((k) => [k.key, k.label]));
    for (const [key, value] of Object.entries(expected)) {
      const percent = data.kpis.find((k) => k.key === key)!.format === "percent";
      expect(shown[label[key]!], `${label[key]} card`).toBe(percent ? `${value}%` : value.toLocaleString("en-US"));
    }
    await page.close();
  });
});
