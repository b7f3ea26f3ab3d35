import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { AssayError } from "../errors.ts";
import { CHROMIUM_PATH, chromiumAvailable, launchChromium } from "./browser.ts";
import { serveStatic } from "./static-server.ts";

/** Renders the built site's executive report page to an A4 PDF with headless Chromium (print stylesheet). */
export async function renderReportPdf(options: { site: string; file: string }): Promise<{ bytes: number }> {
  const site = resolve(options.site);
  if (!existsSync(join(site, "report.html"))) {
    throw new AssayError(`assay report: ${join(site, "report.html")} not found (build the site first: assay build)`, {
      exitCode: 2,
    });
  }
  if (!chromiumAvailable()) {
    throw new AssayError(
      `assay report: --pdf needs Chromium, not found at ${CHROMIUM_PATH} (install it with apt-get install chromium, or set ASSAY_CHROMIUM to its path)`,
      { exitCode: 2 },
    );
  }
  const server = await serveStatic(site);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/report`, { waitUntil: "networkidle" });
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({
      path: resolve(options.file),
      format: "A4",
      printBackground: true,
      margin: { top: "14mm", bottom: "14mm", left: "14mm", right: "14mm" },
    });
    return { bytes: pdf.length };
  } finally {
    await browser.close();
    await server.close();
  }
}
