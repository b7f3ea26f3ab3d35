// npm exec tsx scripts/measure-site.ts -- <site dir> — per page: time from navigation start until every cell has
// rendered, and bytes transferred, in a fresh browser context on localhost. Detail pages use the first linked entity.
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { chromiumAvailable, launchChromium } from "../src/site/browser.ts";
import { serveStatic } from "../src/site/static-server.ts";

const site = resolve(process.argv[2] ?? "dist");
if (!chromiumAvailable()) {
  console.error("measure-site: Chromium not found at /usr/bin/chromium (set ASSAY_CHROMIUM)");
  process.exit(1);
}
const pages = readdirSync(site, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".html") && !f.startsWith("_"))
  .map((f) => `/${f.replace(/\.html$/, "").replace(/(^|\/)index$/, "$1")}`);
const server = await serveStatic(site);
const browser = await launchChromium();

async function measure(path: string): Promise<{ path: string; ms: number; bytes: number; firstLink: (kind: string) => Promise<string | null> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`, { waitUntil: "load" });
  // Framework marks cells that are still computing with .observablehq--loading.
  // The time is taken inside the page (ms since navigation start) on the first animation frame with none left.
  const ms = Number(
    await (
      await page.waitForFunction(
        () => (document.querySelector("main h1") && !document.querySelector(".observablehq--loading, .observablehq--pending") ? performance.now() : 0),
        null,
        { timeout: 30_000 },
      )
    ).jsonValue(),
  );
  await page.waitForLoadState("networkidle");
  // Bytes of every response body (the local server does not compress, so this is what crossed the wire).
  const bytes = await page.evaluate(() =>
    [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].reduce((n, e) => n + ((e as PerformanceResourceTiming).encodedBodySize ?? 0), 0),
  );
  const firstLink = async (kind: string) => {
    const href = await page.locator(`a[href*="${kind}?id="]`).first().getAttribute("href").catch(() => null);
    await context.close();
    return href;
  };
  return { path, ms, bytes, firstLink };
}

try {
  const rows: { path: string; ms: number; bytes: number }[] = [];
  for (const path of pages.filter((p) => p !== "/smelter" && p !== "/supplier")) {
    const m = await measure(path);
    rows.push(m);
    if (process.env.DEBUG) console.error(path, Math.round(m.ms), m.bytes);
    const kind = path === "/smelters" ? "smelter" : path === "/suppliers" ? "supplier" : null;
    const href = kind ? await m.firstLink(kind) : (await m.firstLink("none"), null);
    if (href) {
      const detail = await measure(new URL(href, `${server.url}${path}`).pathname + new URL(href, `${server.url}${path}`).search);
      rows.push(detail);
      await detail.firstLink("none");
    }
  }
  console.log("| page | render (ms) | transferred (KB) |\n|---|---:|---:|");
  for (const r of rows) console.log(`| ${r.path.slice(0, 60)} | ${Math.round(r.ms)} | ${Math.round(r.bytes / 1024)} |`);
} finally {
  await browser.close();
  await server.close();
}
