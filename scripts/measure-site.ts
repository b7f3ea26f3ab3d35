// npm exec tsx scripts/measure-site.ts -- <site dir> — per page: time from navigation start until every cell has
// rendered, and bytes transferred, each page in its own fresh browser context on localhost. Detail pages are reached
// through a real link (the first smelter?id= on /smelters, supplier?id= on /suppliers) and the product drill-down
// (product → supplier → smelters) is timed from the first click. Prints a Markdown table; exits 1 when a page takes
// more than 1 s or transfers more than 2 MB, or could not be measured.
import { loadavg } from "node:os";
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { chromiumAvailable, launchChromium } from "../src/site/browser.ts";
import { serveStatic } from "../src/site/static-server.ts";

const MAX_MS = 1000;
const MAX_BYTES = 2 * 1024 * 1024;
const site = resolve(process.argv.slice(2).find((a) => a !== "--") ?? "dist");
if (!chromiumAvailable()) {
  console.error("measure-site: Chromium not found at /usr/bin/chromium (set ASSAY_CHROMIUM)");
  process.exit(1);
}

interface Row {
  path: string;
  ms: number | null;
  bytes: number | null;
  error?: string;
}

const pages = readdirSync(site, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".html") && !f.startsWith("_") && !f.includes("/_"))
  .map((f) => `/${f.replace(/\.html$/, "").replace(/(^|\/)index$/, "$1")}`)
  .filter((p) => p !== "/smelter" && p !== "/supplier")
  .sort();

/** ms since navigation start on the first frame where the page has a heading and no cell is still computing. */
async function renderedAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () =>
      document.querySelector("main h1") && !document.querySelector(".observablehq--loading, .observablehq--pending")
        ? performance.now()
        : 0,
    null,
    { timeout: 30_000 },
  );
  return Number(await handle.jsonValue());
}

/** Bytes of every response body so far (the local server does not compress, so this is what crossed the wire). */
const transferred = (page: Page) =>
  page.evaluate(() =>
    [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].reduce(
      (n, e) => n + ((e as PerformanceResourceTiming).encodedBodySize ?? 0),
      0,
    ),
  );

/** Opens `path` in a fresh context, measures it, then runs `more` on the loaded page (its failure is its own row). */
async function measure(
  browser: Browser,
  base: string,
  path: string,
  more?: (page: Page) => Promise<Row[]>,
): Promise<Row[]> {
  const context = await browser.newContext();
  const rows: Row[] = [];
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}${path}`, { waitUntil: "load" });
    const ms = await renderedAt(page);
    await page.waitForLoadState("networkidle");
    const cellErrors = await page.locator(".observablehq--error").allTextContents();
    const error = [...errors, ...cellErrors].join("; ") || undefined;
    rows.push({ path, ms, bytes: await transferred(page), ...(error ? { error } : {}) });
    if (more) {
      try {
        rows.push(...(await more(page)));
      } catch (e) {
        rows.push({ path: `${path} (follow-up)`, ms: null, bytes: null, error: (e as Error).message.split("\n")[0] });
      }
    }
  } catch (e) {
    rows.push({ path, ms: null, bytes: null, error: (e as Error).message.split("\n")[0] });
  } finally {
    await context.close().catch(() => undefined);
  }
  return rows;
}

const firstLink = async (page: Page, kind: string) =>
  page.locator(`main a[href*="${kind}?id="]`).first().getAttribute("href", { timeout: 5_000 });

/** Product → first supplier that answered → its smelters; ms from the first click until the smelter links show. */
async function drillDown(page: Page): Promise<Row[]> {
  const start = await page.evaluate(() => performance.now());
  await page.locator("main table").first().locator("tbody tr").first().locator("input").check();
  const suppliers = page.locator("main table").nth(1).locator("tbody tr");
  await suppliers.first().waitFor();
  const answered = suppliers.filter({ hasText: "true" }).first();
  await answered.locator("input").check();
  await page.locator('main a[href*="smelter?id="]').first().waitFor();
  const ms = (await page.evaluate(() => performance.now())) - start;
  await page.waitForLoadState("networkidle");
  return [{ path: "/products → product → supplier → smelters", ms, bytes: await transferred(page) }];
}

const server = await serveStatic(site);
const browser = await launchChromium();
const rows: Row[] = [];
try {
  const details: string[] = [];
  for (const path of pages) {
    const kind = path === "/smelters" ? "smelter" : path === "/suppliers" ? "supplier" : null;
    const follow = kind
      ? async (page: Page) => {
          const href = await firstLink(page, kind);
          if (!href) throw new Error(`no ${kind}?id= link on ${path}`);
          const url = new URL(href, `${server.url}${path}`);
          details.push(url.pathname + url.search);
          return [];
        }
      : path === "/products"
        ? drillDown
        : undefined;
    const measured = await measure(browser, server.url, path, follow);
    if (process.env.DEBUG)
      for (const r of measured) console.error(r.path, r.ms === null ? "–" : Math.round(r.ms), r.bytes, r.error ?? "");
    rows.push(...measured);
  }
  for (const path of details) rows.push(...(await measure(browser, server.url, path)));
} finally {
  await browser.close();
  await server.close();
}

const over = rows.filter((r) => r.error || r.ms === null || r.ms > MAX_MS || (r.bytes ?? 0) > MAX_BYTES);
console.log("| page | render (ms) | transferred (KB) |\n|---|---:|---:|");
for (const r of rows)
  console.log(
    `| ${r.path.slice(0, 70)} | ${r.ms === null ? "failed" : Math.round(r.ms)} | ${r.bytes === null ? "–" : Math.round(r.bytes / 1024).toLocaleString("en-US")} |`,
  );
console.log(
  `\nload average (1/5/15 min) at the end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" / ")}`,
);
if (over.length) {
  console.error(`\n${over.length} page(s) over ${MAX_MS} ms or ${MAX_BYTES / 1024 / 1024} MB, or failed:`);
  for (const r of over)
    console.error(
      `  ${r.path}: ${r.error ?? `${r.ms === null ? "?" : Math.round(r.ms)} ms, ${Math.round((r.bytes ?? 0) / 1024)} KB`}`,
    );
  process.exit(1);
}
