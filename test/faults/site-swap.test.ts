import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/site/build-site.ts";
import { withLock } from "../../src/file-lock.ts";
import { prepareOutput } from "../../src/site/swap-output.ts";
import { repoRoot } from "../helpers/paths.ts";

const work = mkdtempSync(join(tmpdir(), "assay-swap-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A previous site in `dir`: what the last good build left. */
function oldSite(dir: string): void {
  mkdirSync(join(dir, "_observablehq"), { recursive: true });
  writeFileSync(join(dir, "index.html"), "old site");
}

// Stand-ins for `observable build`: one that fails half-way (after writing part of the site), one that completes.
const FAILING = [
  process.execPath,
  "-e",
  "const o = process.env.ASSAY_SITE_OUTPUT; require('fs').mkdirSync(o, { recursive: true }); require('fs').writeFileSync(o + '/partial.html', 'x'); process.exit(3)",
];
const WORKING = [
  process.execPath,
  "-e",
  "const fs = require('fs'); const o = process.env.ASSAY_SITE_OUTPUT; fs.mkdirSync(o + '/_observablehq', { recursive: true }); fs.writeFileSync(o + '/index.html', 'new site')",
];

const site = (output: string, command: readonly string[]) =>
  buildSite({ root: join(repoRoot, "pages"), dbPath: join(work, "unused.duckdb"), output, command });

describe("the site is built beside the old one and swapped in only when complete", () => {
  it("a failed build leaves the last good site untouched and no staging folder behind", async () => {
    const output = join(work, "a", "dist");
    oldSite(output);
    await expect(site(output, FAILING)).rejects.toThrow(
      /site build failed .*exited 3.*previous site was left as it was/,
    );
    expect(readFileSync(join(output, "index.html"), "utf8")).toBe("old site");
    expect(existsSync(join(output, "partial.html"))).toBe(false);
    expect(readdirSync(join(work, "a"))).toEqual(["dist"]);
  });

  it("a completed build replaces the old site", async () => {
    const output = join(work, "b", "dist");
    oldSite(output);
    writeFileSync(join(output, "stale-page.html"), "gone after the swap");
    await site(output, WORKING);
    expect(readFileSync(join(output, "index.html"), "utf8")).toBe("new site");
    expect(existsSync(join(output, "stale-page.html"))).toBe(false);
    expect(readdirSync(join(work, "b"))).toEqual(["dist"]);
  });

  it("what a killed build left is tidied: its staging folder removed, a site it moved aside put back", () => {
    const parent = join(work, "c");
    const output = join(parent, "dist");
    const dead = 2 ** 22 + 12345; // above Linux's pid_max default: no such process
    oldSite(join(parent, `.dist.previous-${dead}`));
    mkdirSync(join(parent, `.dist.building-${dead}`), { recursive: true });
    mkdirSync(join(parent, `.dist.building-${process.pid}`), { recursive: true });
    prepareOutput(output);
    expect(readFileSync(join(output, "index.html"), "utf8")).toBe("old site");
    expect(readdirSync(parent).sort(), "a live build's staging folder is left alone").toEqual([
      `.dist.building-${process.pid}`,
      "dist",
    ]);
  });

  it("refuses to replace a folder that is not an Assay site", async () => {
    const output = join(work, "d", "dist");
    mkdirSync(output, { recursive: true });
    writeFileSync(join(output, "thesis.docx"), "keep me");
    await expect(site(output, WORKING)).rejects.toThrow(/not an Assay site; refusing to overwrite/);
    expect(readdirSync(output)).toEqual(["thesis.docx"]);
  });
});

describe("the build lock", () => {
  it("lets one holder in at a time and takes over a lock whose process is gone", async () => {
    const lock = join(work, "w.duckdb.build.lock");
    const order: string[] = [];
    const hold = (name: string) =>
      withLock(lock, async () => {
        order.push(`${name} in`);
        await new Promise((r) => setTimeout(r, 300));
        order.push(`${name} out`);
      });
    await Promise.all([hold("a"), hold("b")]);
    expect(order).toEqual(["a in", "a out", "b in", "b out"]);
    writeFileSync(lock, String(2 ** 22 + 12345));
    let ran = false;
    await withLock(lock, async () => void (ran = true), { timeoutMs: 5_000 });
    expect(ran).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });
});
