import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { Database } from "../../src/db/database.ts";
import { chromiumAvailable, launchChromium } from "../../src/site/browser.ts";
import { renderReportPdf } from "../../src/site/report-pdf.ts";
import { serveStatic } from "../../src/site/static-server.ts";
import { buildSeededSite, filesUnder } from "./_site-build.ts";

const mustRun = process.env.CI === "true" || process.env.CI === "1";
const canRun = chromiumAvailable();
if (mustRun && !canRun) throw new Error("CI: /usr/bin/chromium is missing; .ci/run installs it with apt");

// Every supplier-controlled text field starts with this: a formula, a script and an image with an onerror handler.
const HOSTILE = `=1+1<script>window.__xss=1</script><img src=x onerror="window.__xss=1">`;
const PAGES = [
  "/",
  "/smelters",
  "/suppliers",
  "/products",
  "/sanctions",
  "/quality",
  "/method",
  "/report",
  "/smelter?id=CID001003",
  "/supplier?id=S0002",
  "/decisions",
  "/trade-measures",
  "/drafts/conflict-minerals-report",
  "/drafts/eu-2017-821-article-7-report",
  "/drafts/eu-batteries-due-diligence",
];
// Pages that show no supplier text for this seed: reference lists, the decisions and trade measures it has none of, and
// the drafts (the seed has no Smelter List rows for them to name).
const NO_SUPPLIER_TEXT = [
  "/method",
  "/sanctions",
  "/decisions",
  "/trade-measures",
  ...PAGES.filter((p) => p.startsWith("/drafts/")),
];
const CONTACT = /jane\d+@supplier|Jane Contact/;

describe.skipIf(!canRun)("dashboard pages in headless Chromium", () => {
  let built: { dir: string; site: string };
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;

  beforeAll(async () => {
    built = await buildSeededSite({ suppliers: 40, hostile: HOSTILE });
    server = await serveStatic(built.site);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (built) rmSync(built.dir, { recursive: true, force: true });
  });

  async function open(path: string): Promise<{ page: Page; problems: string[]; bytes: () => number }> {
    const page = await browser.newPage({ acceptDownloads: true });
    const problems: string[] = [];
    let bytes = 0;
    page.on("console", (m) => void (m.type() === "error" && problems.push(`console: ${m.text()}`)));
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("dialog", (d) => void (problems.push(`dialog: ${d.message()}`), d.dismiss()));
    page.on(
      "request",
      (r) =>
        void (
          new URL(r.url()).hostname !== "127.0.0.1" &&
          r.url().startsWith("http") &&
          problems.push(`external request ${r.url()}`)
        ),
    );
    page.on("response", async (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
      bytes += (await r.body().catch(() => Buffer.alloc(0))).length;
    });
    await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
    for (const e of await page.locator(".observablehq--error").allTextContents()) problems.push(`cell error: ${e}`);
    return { page, problems, bytes: () => bytes };
  }

  it("renders every page with hostile supplier text as inert text, under 2 MB each", async () => {
    for (const path of PAGES) {
      const { page, problems, bytes } = await open(path);
      expect(problems, `${path}:\n${problems.join("\n")}`).toEqual([]);
      expect(
        await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
        `${path}: injected script ran`,
      ).toBeUndefined();
      expect(
        await page.locator('img[src="x"], main script:not([type="module"])').count(),
        `${path}: injected elements`,
      ).toBe(0);
      expect(bytes(), `${path}: bytes transferred`).toBeLessThanOrEqual(2 * 1024 * 1024);
      if (!NO_SUPPLIER_TEXT.includes(path))
        expect(await page.locator("main").innerText(), `${path}: hostile text shown as text`).toContain(
          "<script>window.__xss=1</script>",
        );
      await page.close();
    }
  });

  it("searches and filters the smelter table", async () => {
    const { page } = await open("/smelters");
    const rows = () => page.locator("main table tbody tr").count();
    const all = await rows();
    await page.getByLabel("Search smelters").fill("CID001003");
    await expect.poll(rows, { message: "search narrows the table" }).toBe(1);
    await page.getByLabel("Search smelters").fill("");
    await expect.poll(rows, { message: "clearing the search restores the rows" }).toBe(all);
    await page.getByLabel("Band").selectOption("Critical");
    await expect.poll(rows, { message: "band filter narrows the table" }).toBeLessThan(all);
    const cells = await page
      .locator("main table tbody tr")
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent?.trim())));
    for (const row of cells) expect(row, "only Critical rows").toContain("Critical");
    expect(
      cells.flat().filter((c) => c === "Low" || c === "Medium" || c === "High"),
      "no other band",
    ).toEqual([]);
    await page.close();
  });

  it("drills down from a product to its suppliers to their smelters", async () => {
    const { page, problems } = await open("/products");
    await page.locator("main table").first().locator("tbody tr").first().locator("input").check();
    const suppliersTable = page.locator("main table").nth(1);
    await expect
      .poll(() => suppliersTable.locator("tbody tr").count(), { message: "suppliers of the product" })
      .toBeGreaterThan(0);
    const answered = suppliersTable.locator("tbody tr").filter({ hasText: "true" }).first();
    await answered.locator("input").check();
    await expect
      .poll(() => page.locator('main a[href*="smelter?id="]').count(), { message: "smelters of the supplier" })
      .toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("downloads the shown rows as CSV with formula cells neutralised", async () => {
    const { page } = await open("/suppliers");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /Download CSV: suppliers\.csv/ }).click(),
    ]);
    const text = readFileSync((await download.path())!, "utf8").replace(/^\ufeff/, "");
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toMatch(/^name,id,country/);
    expect(lines.length - 1, "one line per supplier").toBe(40);
    expect(lines[1], "formula neutralised").toMatch(/^"'=1\+1<script>/);
    await page.close();
  });

  it("downloads every finding from the quality page, fetched only on click", async () => {
    const db = await Database.open(join(built.dir, "assay.duckdb"), { readOnly: true });
    const total = Number(
      await db.scalar(
        "SELECT count(*) FROM findings f JOIN supplier_scores s ON s.declaration_id = f.declaration_id AND s.run_id = (SELECT max(run_id) FROM scoring_runs)",
      ),
    );
    db.close();
    expect(total, "the seed has findings").toBeGreaterThan(0);
    const { page } = await open("/quality");
    const fetchedAll = () =>
      page.evaluate(() =>
        performance.getEntriesByType("resource").some((e) => /\/data\/findings\.[^/]*$/.test(e.name)),
      );
    expect(await fetchedAll(), "all findings are not loaded with the page").toBe(false);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /^Download all .*: findings\.csv$/ }).click(),
    ]);
    const lines = readFileSync((await download.path())!, "utf8")
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("supplier,id,severity,code,sheet,cell,message");
    expect(lines.length - 1, "one line per finding").toBe(total);
    expect(await fetchedAll(), "fetched on click").toBe(true);
    await page.close();
  });

  it("renders the executive report to PDF, and says what is missing when the site is not built", async () => {
    const file = join(built.dir, "report.pdf");
    const { bytes } = await renderReportPdf({ site: built.site, file });
    expect(readFileSync(file).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes).toBeGreaterThan(10_000);
    await expect(renderReportPdf({ site: join(built.dir, "nowhere"), file })).rejects.toThrow(
      /report\.html not found \(build the site first: assay build\)/,
    );
  });

  it("shows contacts on supplier pages only, and nowhere in a redacted build", async () => {
    const { page } = await open("/supplier?id=S0002");
    expect(await page.locator("main").innerText()).toMatch(CONTACT);
    await page.close();
    for (const path of ["/", "/report", "/smelters", "/products"]) {
      const p = await open(path);
      expect(await p.page.locator("main").innerText(), `${path} names no contact`).not.toMatch(CONTACT);
      await p.page.close();
    }
    const redacted = await buildSeededSite({ suppliers: 12 }, { redact: true });
    try {
      // Page data is gzip JSON (src/site/data/columnar.ts): read it inflated, as the browser does.
      const text = (f: string) => (f.endsWith(".gz") ? gunzipSync(readFileSync(f)) : readFileSync(f)).toString("utf8");
      const data = filesUnder(redacted.site).filter((f) => /\.(json|html|js|gz)$/.test(f));
      expect(data.filter((f) => f.endsWith(".gz")).length, "gzip page data checked too").toBeGreaterThan(0);
      const leaks = data.filter((f) => CONTACT.test(text(f)));
      expect(leaks, "files with contact data in a redacted build").toEqual([]);
    } finally {
      rmSync(redacted.dir, { recursive: true, force: true });
    }
  }, 300_000);
});
