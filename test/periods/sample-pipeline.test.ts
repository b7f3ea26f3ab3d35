import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Database } from "../../src/db/database.ts";
import { loadRollupInput } from "../../src/exports/load-rollup-input.ts";
import { DeclarationConfig } from "../../src/exports/rollup-input.ts";
import { rollupDeclaration, type Rollup } from "../../src/exports/rollup.ts";
import type { PeriodDiff } from "../../src/periods/diff-periods.ts";
import { repoRoot, sharedDir } from "../helpers/paths.ts";
import { runCli } from "../helpers/run-cli.ts";

// End to end on the shipped sample company: two real builds (period 2024 as of 2025-06-30, period 2025 as of
// 2026-06-30) into one warehouse, then diff, status, outreach and the roll-up exports through the CLI.
const dir = mkdtempSync(join(tmpdir(), "assay-sample-"));
const db = join(dir, "w.duckdb");
const config = join(dir, "assay.config.json");
const official = resolve(sharedDir, "templates/official");
const CMRT_BLANK = join(official, "RMI_CMRT_6.5.xlsx");
const EMRT_BLANK = join(official, "RMI_EMRT_2.1.xlsx");

const cli = (...args: string[]) => runCli([...args, "--db", db, "--config", config]);
const json = <T>(args: string[]): T => {
  const r = cli(...args, "--json");
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
};
async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  const d = await Database.open(db);
  try {
    return await d.all<T>(query, params as never);
  } finally {
    d.close();
  }
}

beforeAll(() => {
  const base = JSON.parse(readFileSync(join(repoRoot, "assay.config.json"), "utf8")) as Record<string, any>;
  const abs = (p: string) => resolve(repoRoot, p);
  writeFileSync(
    config,
    JSON.stringify({
      ...base,
      company: {
        ...base.company,
        contactPhone: "+1 555 0100",
        authorizer: "Dana Whitfield",
        authorizerTitle: "VP Operations",
        authorizerEmail: "dana.whitfield@northwind.example",
      },
      inputs: {
        inbox: base.inputs.inbox.map(abs),
        supplierMaster: abs(base.inputs.supplierMaster),
        boms: base.inputs.boms.map(abs),
        outreachLog: abs(base.inputs.outreachLog),
        reference: base.inputs.reference.map(abs),
      },
      outputs: { site: join(dir, "site"), exports: join(dir, "out") },
      declaration: { answers: { A: "Yes", B: "Yes", C: "Yes", D: "Yes", E: "Yes", F: "Yes", G: "Yes", H: "No" } },
    }),
  );
  for (const [period, asOf] of [
    ["2024", "2025-06-30"],
    ["2025", "2026-06-30"],
  ] as const) {
    const r = cli("build", "--no-site", "--period", period, "--as-of", asOf);
    expect(r.code, r.stderr).toBe(0);
  }
}, 400_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("#6 periods: assay diff 2024 2025 on the sample", () => {
  it("lists new and dropped smelters, status changes, new sanctions hits and suppliers whose risk moved, as the two runs hold them", async () => {
    const diff = json<PeriodDiff>(["diff", "2024", "2025"]);
    expect(diff.from).toMatchObject({ period: "2024", asOf: "2025-06-30" });
    expect(diff.to).toMatchObject({ period: "2025", asOf: "2026-06-30" });
    const runs = await sql<{ run_id: number; period: string }>(
      `SELECT max(run_id) AS run_id, period FROM scoring_runs GROUP BY period ORDER BY period`,
    );
    const [a, b] = runs.map((r) => r.run_id);
    const keys = async (run: number) =>
      new Set(
        (await sql<{ k: string }>(`SELECT smelter_key AS k FROM smelter_scores WHERE run_id = ?`, [run])).map(
          (r) => r.k,
        ),
      );
    const [ka, kb] = [await keys(a!), await keys(b!)];
    expect(new Set(diff.newSmelters.map((s) => s.key))).toEqual(new Set([...kb].filter((k) => !ka.has(k))));
    expect(new Set(diff.droppedSmelters.map((s) => s.key))).toEqual(new Set([...ka].filter((k) => !kb.has(k))));
    // Period 2024 sees only what had been sent by 2025-06-30: the EMRTs (all dated later) bring copper in 2025,
    // and Alder's 2024 CMRT is replaced by its 2025 one, so some of its smelters drop out.
    expect(diff.newSmelters.some((s) => s.metal === "Copper")).toBe(true);
    expect(diff.droppedSmelters.length).toBeGreaterThan(0);

    const sanctionedBefore = await sql<{ k: string }>(
      `SELECT smelter_key AS k FROM smelter_scores WHERE run_id = ? AND sanctions = 'hit'`,
      [a],
    );
    for (const s of diff.newSanctionsHits)
      expect(
        sanctionedBefore.map((x) => x.k),
        `${s.key} was already a hit in 2024`,
      ).not.toContain(s.key);
    const hitsAfter = await sql<{ k: string }>(
      `SELECT smelter_key AS k FROM smelter_scores WHERE run_id = ? AND sanctions = 'hit'`,
      [b],
    );
    expect(diff.newSanctionsHits.map((s) => s.key).sort()).toEqual(
      hitsAfter
        .map((x) => x.k)
        .filter((k) => !sanctionedBefore.some((x) => x.k === k))
        .sort(),
    );
    const statusPairs = await sql<{ k: string }>(
      `SELECT x.smelter_key AS k FROM smelter_scores x JOIN smelter_scores y ON x.smelter_key = y.smelter_key
       WHERE x.run_id = ? AND y.run_id = ? AND x.rmi_status IS DISTINCT FROM y.rmi_status`,
      [a, b],
    );
    expect(diff.statusChanges.map((s) => s.key).sort()).toEqual(statusPairs.map((r) => r.k).sort());

    // Kestrel Tooling answered in October 2025: a Data gap in 2024, scored in 2025.
    const kestrel = diff.supplierMoves.find((m) => m.supplierId === "SUP-0023");
    expect(kestrel).toMatchObject({ bandFrom: "Data gap", scoreFrom: null });
    expect(kestrel?.bandTo).not.toBe("Data gap");
    const text = cli("diff", "2024", "2025");
    expect(text.stdout).toMatch(/new smelters \(\d+\)/);
    expect(text.stdout).toContain("suppliers whose risk moved");
  });

  it("never reads missing data as low risk: silent suppliers are a Data gap, low-coverage products are flagged, never Low", async () => {
    const run = (await sql<{ r: number }>(`SELECT max(run_id) AS r FROM scoring_runs WHERE period = '2025'`))[0]!.r;
    const status = json<Array<{ supplierId: string; inScope: boolean; status: string; usable: boolean }>>([
      "status",
      "--as-of",
      "2026-06-30",
    ]);
    const scores = new Map(
      (
        await sql<{ supplier_id: string; band: string; responded: boolean }>(
          `SELECT supplier_id, band, responded FROM supplier_scores WHERE run_id = ?`,
          [run],
        )
      ).map((s) => [s.supplier_id, s]),
    );
    const silent = status.filter((s) => s.inScope && s.status !== "responded");
    expect(silent.length).toBeGreaterThan(0);
    for (const s of silent) expect(scores.get(s.supplierId)?.band, `${s.supplierId} (${s.status})`).toBe("Data gap");
    const products = await sql<{
      product: string;
      band: string;
      coverage: number;
      data_gap: boolean;
      suppliers_in_scope: number;
      suppliers_answered: number;
    }>(
      `SELECT product, band, coverage, data_gap, suppliers_in_scope, suppliers_answered FROM product_scores WHERE run_id = ?`,
      [run],
    );
    const low = products.filter((p) => p.coverage < 0.8);
    expect(low.length).toBeGreaterThan(0);
    for (const p of low) {
      expect(p.data_gap, p.product).toBe(true);
      expect(p.band, p.product).not.toBe("Low");
      expect(p.coverage).toBeCloseTo(p.suppliers_answered / p.suppliers_in_scope, 2);
    }
  });
});

describe("#7 engagement on the sample: status and outreach drafts", () => {
  it("gives every in-scope supplier a status, a next action and its due date", () => {
    const rows = json<
      Array<{
        supplierId: string;
        inScope: boolean;
        reason: string;
        status: string;
        nextAction: string | null;
        dueDate: string | null;
      }>
    >(["status", "--as-of", "2026-06-30"]);
    expect(rows).toHaveLength(36);
    const inScope = rows.filter((r) => r.inScope);
    expect(inScope.length).toBeGreaterThan(0);
    for (const r of inScope) {
      expect(r.status, r.supplierId).toMatch(
        /^(not-contacted|requested|responded|responded-without-data|no-response|second-request|escalated|delinquent)$/,
      );
      expect(r.nextAction, `${r.supplierId} ${r.status}`).toBeTruthy();
      expect(r.dueDate, `${r.supplierId} ${r.status}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    for (const r of rows) expect(r.reason.length, r.supplierId).toBeGreaterThan(5);
    expect(rows.filter((r) => !r.inScope).some((r) => /service provider/.test(r.reason))).toBe(true);
    expect(rows.filter((r) => !r.inScope).some((r) => /goods without minerals/.test(r.reason))).toBe(true);
  });

  it("writes drafts with why, template and version, deadline, how to complete, contact and guidance; clarifications list each finding by sheet and cell", async () => {
    const out = join(dir, "outreach");
    const r = cli("outreach", "--out", out, "--as-of", "2026-06-30");
    expect(r.code, r.stderr).toBe(0);
    const emls = readdirSync(out).filter((f) => f.endsWith(".eml"));
    expect(emls.length).toBeGreaterThan(0);
    for (const f of emls) {
      const text = readFileSync(join(out, f), "utf8");
      expect(text, f).toContain("Why we need it");
      expect(text, f).toMatch(/CMRT 6\.5|EMRT 2\.1/);
      expect(text, f).toMatch(/Deadline: \d{4}-\d{2}-\d{2}/);
      expect(text, f).toContain("How to complete it correctly");
      expect(text, f).toContain("responsible.sourcing@northwind.example");
      expect(text, f).toMatch(/https:\/\/www\.responsiblemineralsinitiative\.org\//);
    }
    const clarifications = emls.filter((f) => f.endsWith("-clarification.eml"));
    expect(clarifications.length).toBeGreaterThan(0);
    for (const f of clarifications) {
      const supplier = f.replace(/-clarification\.eml$/, "");
      const findings = await sql<{ sheet: string; cell: string }>(
        `SELECT DISTINCT f.sheet, f.cell FROM findings f JOIN declaration_links l USING (declaration_id)
         WHERE l.supplier_id = ? AND l.run_id = (SELECT max(run_id) FROM engagement_runs) AND f.severity = 'error' AND f.cell IS NOT NULL`,
        [supplier],
      );
      expect(findings.length, supplier).toBeGreaterThan(0);
      const text = readFileSync(join(out, f), "utf8");
      for (const x of findings) expect(text, `${f} lists ${x.sheet}!${x.cell}`).toContain(`${x.sheet}!${x.cell}`);
    }
    const csv = readFileSync(join(out, readdirSync(out).find((f) => f.endsWith(".csv"))!), "utf8");
    for (const f of emls) expect(csv, `mail-merge row for ${f}`).toContain(`,${f},`);
  });
});

describe.skipIf(!existsSync(CMRT_BLANK) || !existsSync(EMRT_BLANK))(
  "#9 roll-up exports of the sample read back through assay check",
  () => {
    for (const [family, blank] of [
      ["cmrt", CMRT_BLANK],
      ["emrt", EMRT_BLANK],
    ] as const) {
      it(`${family}: no errors, the same smelters, answers${family === "emrt" ? " and mines" : ""}`, async () => {
        const file = join(dir, `rollup-${family}.xlsx`);
        const r = cli("export", family, "--template", blank, "--out", file, "--as-of", "2026-06-30");
        expect(r.code, r.stderr).toBe(0);
        const cfg = JSON.parse(readFileSync(config, "utf8")) as { company: Rollup["company"]; declaration: unknown };
        const d = await Database.open(db);
        const rollup = rollupDeclaration(await loadRollupInput(d, { asOf: "2026-06-30" }), {
          family: family === "cmrt" ? "CMRT" : "EMRT",
          company: cfg.company,
          declaration: DeclarationConfig.parse(cfg.declaration),
          asOf: "2026-06-30",
        });
        d.close();
        const checked = runCli(["check", file, "--json", "--as-of", "2026-07-01"]);
        expect(checked.code, checked.stderr).toBe(0);
        const back = JSON.parse(checked.stdout) as {
          template: string;
          findings: Array<{ severity: string; cell: string; message: string }>;
          smelters: Array<{
            metal: string;
            cid: string | null;
            name: string | null;
            lookupName: string | null;
            recycledScrap: string | null;
            comments: string | null;
          }>;
          answers: Array<{ question: string; mineral: string; answer: string | null }>;
          mines: Array<{ metal: string; smelterName: string; name: string; country: string }>;
        };
        expect(back.template).toBe(family.toUpperCase());
        expect(
          back.findings.filter((f) => f.severity === "error"),
          JSON.stringify(back.findings),
        ).toEqual([]);
        expect(rollup.smelters.length).toBeGreaterThan(50);
        const key = (s: { metal: string | null; cid: string | null }) => `${s.metal}|${s.cid}`;
        // A CID the template's own look-up no longer lists (RMI drops closed facilities) is entered as "Smelter not
        // listed" with the CID in the comments column, so the template's formulas do not flag the row.
        const notListed = (s: { cid: string | null; comments: string | null }) =>
          /^(CID\d{6}) \(not in this template's Smelter Look-up\)$/.exec(s.comments ?? "")?.[1] ?? null;
        const backKey = (s: (typeof back.smelters)[number]) => key({ metal: s.metal, cid: s.cid ?? notListed(s) });
        // RMI's look-up can list one facility under two CIDs with the same names (EMRT 2.1: Taganito HPAL, CID004821
        // and CID005225); the template resolves the name to the first, and the export says so on stderr.
        const resolvedTo = new Map(
          [...r.stderr.matchAll(/(\w+) (CID\d{6}): the template's look-up resolves its name ".*?" to (CID\d{6})/g)].map(
            (m) => [`${m[1]}|${m[2]}`, `${m[1]}|${m[3]}`],
          ),
        );
        const expectedKey = (s: { metal: string | null; cid: string | null }) => resolvedTo.get(key(s)) ?? key(s);
        expect(back.smelters.map(backKey).sort()).toEqual([...new Set(rollup.smelters.map(expectedKey))].sort());
        const p = new Map(back.smelters.map((s) => [backKey(s), s.recycledScrap]));
        for (const s of rollup.smelters)
          if (!resolvedTo.has(key(s))) expect(p.get(key(s)) ?? null, `${key(s)} column P`).toBe(s.recycledScrap);
        expect(rollup.smelters.some((s) => s.recycledScrap === "Yes")).toBe(true);
        const written = rollup.answers
          .filter((a) => a.answer !== null && a.answer !== "Not declaring")
          .map((a) => `${a.question.slice(1)}|${a.mineral}|${a.answer}`);
        expect(
          back.answers
            .filter((a) => a.answer !== null)
            .map((a) => `${a.question}|${a.mineral}|${a.answer}`)
            .sort(),
        ).toEqual(written.sort());
        if (family === "emrt") {
          expect(rollup.mines.length, "suppliers' mines rolled up").toBeGreaterThan(0);
          expect(back.mines.map((m) => `${m.metal}|${m.name}|${m.country}`).sort()).toEqual(
            rollup.mines.map((m) => `${m.metal}|${m.name}|${m.country}`).sort(),
          );
          const listed = new Set(back.smelters.flatMap((s) => [s.name, s.lookupName]));
          for (const m of back.mines)
            expect(listed, `${m.name}: ${m.smelterName} is on the Smelter List`).toContain(m.smelterName);
        }
      });
    }
  },
);
