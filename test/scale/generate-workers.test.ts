import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDeclaration } from "../../src/generate/declaration-builder.ts";
import { generateCompany, writeCompany } from "../../src/generate/index.ts";
import { Rng } from "../../src/generate/rng.ts";
import { loadLookup } from "../../src/generate/template/_lookup.ts";

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
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

describe("assay generate on worker threads", () => {
  it("writes the same bytes with two workers as on one thread", async () => {
    const company = generateCompany({ suppliers: 40, products: 25, seed: "workers" });
    const one = mkdtempSync(join(tmpdir(), "assay-gen-1-"));
    const two = mkdtempSync(join(tmpdir(), "assay-gen-2-"));
    const a = await writeCompany(company, one, { concurrency: 1 });
    let progress = 0;
    const b = await writeCompany(generateCompany({ suppliers: 40, products: 25, seed: "workers" }), two, {
      concurrency: 2,
      onProgress: (done) => (progress = done),
    });
    expect(company.responses.length, "enough workbooks to use the pool").toBeGreaterThanOrEqual(8);
    expect(progress).toBe(company.responses.length);
    expect(b.inbox).toEqual(a.inbox);
    expect(b.bytes).toBe(a.bytes);
    const ha = hashes(one);
    expect(Object.keys(ha).length).toBe(a.files);
    expect(hashes(two)).toEqual(ha);
  }, 180_000);

  it("gives large companies roll-up CMRTs of 300–400 smelters, and leaves small ones (the sample) without", () => {
    expect(generateCompany({ suppliers: 150, products: 50, seed: "big" }).responses.some((r) => r.plan.rollUp)).toBe(
      false,
    );
    const company = generateCompany({ suppliers: 600, products: 300, seed: "big" });
    const rollUps = company.responses.filter((r) => r.plan.rollUp);
    expect(rollUps.length, "some roll-ups").toBeGreaterThan(3);
    expect(rollUps.length, "a minority of responses").toBeLessThan(company.responses.length / 5);
    for (const r of rollUps.slice(0, 3)) {
      const i = company.responses.indexOf(r);
      const built = buildDeclaration(
        new Rng(`big:2025:file:${i}`),
        r.plan,
        loadLookup(r.plan.template, r.plan.version),
      );
      expect(r.plan.template).toBe("CMRT");
      expect(built.input.smelters!.length, `${r.fileName} smelter rows`).toBeGreaterThanOrEqual(300);
      expect(built.input.smelters!.length, `${r.fileName} smelter rows`).toBeLessThanOrEqual(450);
    }
  });
});
