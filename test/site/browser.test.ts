import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, launchChromium } from "../../src/site/browser.ts";
import { serveStatic } from "../../src/site/static-server.ts";
import { runCli } from "../helpers/run-cli.ts";

// In CI the browser test must run: a missing Chromium is a failure there, a skip elsewhere.
const mustRun = process.env.CI === "true" || process.env.CI === "1";
const canRun = chromiumAvailable();
if (mustRun && !canRun) throw new Error("CI: /usr/bin/chromium is missing; .ci/run installs it with apt");

function htmlPages(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (entry.startsWith("_")) continue;
    if (statSync(path).isDirectory()) out.push(...htmlPages(path));
    else if (entry.endsWith(".html")) out.push(path);
  }
  return out;
}

describe.skipIf(!canRun)("built site in headless Chromium", () => {
  const work = mkdtempSync(join(tmpdir(), "assay-site-"));
  const site = join(work, "dist");
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let pages: string[] = [];

  beforeAll(async () => {
    const result = runCli([
      "build",
      "--db",
      join(work, "assay.duckdb"),
      "--out",
      site,
      "--as-of",
      "2026-06-30",
      "--quiet",
    ]);
    if (result.code !== 0) throw new Error(`assay build failed (${result.code}):\n${result.stderr}`);
    pages = htmlPages(site).map(
      (p) =>
        `/${relative(site, p)
          .replace(/\.html$/, "")
          .replace(/(^|\/)index$/, "$1")}`,
    );
    server = await serveStatic(site);
  }, 600_000);

  afterAll(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("loads every page with zero console errors and no request outside localhost", async () => {
    expect(pages.length, "pages built").toBeGreaterThan(0);
    const browser = await launchChromium();
    try {
      const context = await browser.newContext();
      const problems: string[] = [];
      const external: string[] = [];
      context.on("request", (req) => {
        const url = new URL(req.url());
        if (url.protocol.startsWith("http") && url.hostname !== "127.0.0.1") external.push(req.url());
      });
      for (const path of pages) {
        const page = await context.newPage();
        page.on("console", (msg) => {
          if (msg.type() === "error") problems.push(`${path}: console error: ${msg.text()}`);
        });
        page.on("pageerror", (error) => problems.push(`${path}: page error: ${error.message}`));
        page.on("response", (res) => {
          if (res.status() >= 400) problems.push(`${path}: HTTP ${res.status()} ${res.url()}`);
        });
        await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
        // Framework renders cells asynchronously; an error cell carries .observablehq--error.
        const errors = await page.locator(".observablehq--error").allTextContents();
        for (const e of errors) problems.push(`${path}: cell error: ${e}`);
        await page.close();
      }
      expect(problems, problems.join("\n")).toEqual([]);
      expect(external, `requests outside localhost:\n${external.join("\n")}`).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
