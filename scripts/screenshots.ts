// npm run screenshots [-- <site dir>] — serves a built site (default dist/) and writes a full-page PNG of every
// page to screenshots/, the detail pages opened from the first link of their list page.
import { mkdirSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromiumAvailable, launchChromium } from "../src/site/browser.ts";
import { serveStatic } from "../src/site/static-server.ts";

const site = resolve(process.argv.slice(2).find((a) => a !== "--") ?? "dist");
const out = resolve("screenshots");
if (!chromiumAvailable()) {
  console.error(
    "screenshots: Chromium not found at /usr/bin/chromium (set ASSAY_CHROMIUM); install it with apt-get install chromium",
  );
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const pages = readdirSync(site, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".html") && !f.startsWith("_"))
  .map((f) => f.replace(/\.html$/, "").replaceAll("\\", "/"));
const server = await serveStatic(site);
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const shoot = async (name: string, url: string) => {
    await page.goto(url, { waitUntil: "networkidle" });
    await page.waitForTimeout(300);
    const file = `${name.replaceAll("/", "-")}.png`;
    await page.screenshot({ path: join(out, file), fullPage: true });
    console.log(`screenshots/${file}`);
  };
  for (const name of pages.filter((p) => p !== "smelter" && p !== "supplier"))
    await shoot(name, `${server.url}/${name === "index" ? "" : name}`);
  if (pages.includes("products")) {
    // The drill-down state: the first product, then its first supplier that answered.
    await page.goto(`${server.url}/products`, { waitUntil: "networkidle" });
    await page.locator("main table").first().locator("tbody tr").first().locator("input").check();
    const answered = page.locator("main table").nth(1).locator("tbody tr").filter({ hasText: "true" }).first();
    await answered
      .locator("input")
      .check({ timeout: 10_000 })
      .catch(() => undefined);
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, "products-drill-down.png"), fullPage: true });
    console.log("screenshots/products-drill-down.png");
  }
  for (const [detail, list] of [
    ["smelter", "smelters"],
    ["supplier", "suppliers"],
  ] as const) {
    if (!pages.includes(detail)) continue;
    await page.goto(`${server.url}/${list}`, { waitUntil: "networkidle" });
    const href = await page
      .locator(`a[href*="${detail}?id="]`)
      .first()
      .getAttribute("href")
      .catch(() => null);
    await shoot(detail, new URL(href ?? `./${detail}`, `${server.url}/${list}`).href);
  }
} finally {
  await browser.close();
  await server.close();
}
