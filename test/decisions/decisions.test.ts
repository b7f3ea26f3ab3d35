import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Database, withDatabase } from "../../src/db/database.ts";
import type { Decision } from "../../src/decisions/decision.ts";
import { evaluateDecisions, type DecisionContext } from "../../src/decisions/evaluate.ts";
import { applyLinkDecisions } from "../../src/engagement/link-declarations.ts";
import { applyMatchDecisions } from "../../src/scoring/gather.ts";
import { loadDecisions } from "../../loaders/decisions.ts";
import { repoRoot } from "../helpers/paths.ts";
import { runCli } from "../helpers/run-cli.ts";
import { refreshDecisionStatus } from "../../src/decisions/store.ts";

const HEADER = "action,subject,metal,value,who,when,why,expires";

function decision(over: Partial<Decision>): Decision {
  return {
    decisionId: "d1",
    action: "follow-up",
    subject: "SUP-0001",
    metal: null,
    value: null,
    who: "A. Analyst",
    when: "2025-11-03",
    why: "checked",
    expires: null,
    file: "decisions.csv",
    line: 2,
    ...over,
  };
}

function context(over: Partial<DecisionContext> = {}): DecisionContext {
  return {
    asOf: "2025-12-31",
    referenceCids: new Map([
      ["CID000929", ["gold"]],
      ["CID000814", ["gold"]],
      ["CID002158", ["gold"]],
    ]),
    screening: [
      {
        key: "CID000929",
        cid: "CID000929",
        metal: "Gold",
        names: ["JSC Uralelectromed"],
        decision: "hit",
        entries: ["OFAC SDN 44088", "EU country programme EU-RU-GOLD"],
      },
      {
        key: "unmatched:gold:premier gold refinery llc",
        cid: null,
        metal: "gold",
        names: ["Premier Gold Refinery L.L.C."],
        decision: "review",
        entries: ["OFAC SDN 35318"],
      },
    ],
    reported: [
      { metal: "gold", name: "Istanbul Altin Rafineri", lookupName: "Smelter not listed" },
      { metal: "tin", name: "Istanbul Altin Rafineri Ltd", lookupName: null },
    ],
    declarations: [{ declarationId: "dA", file: "inbox/ACME_CMRT_2025.xlsx", companyName: "ACME Sp. z o.o." }],
    suppliers: new Set(["SUP-0001", "SUP-0002"]),
    products: new Set(["PRD-100"]),
    smelterKeys: new Set(["CID000929"]),
    evidence: new Map(),
    ...over,
  };
}

describe("decisions file", () => {
  it("rejects rows it cannot apply, naming file, line and column, and keeps the others", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assay-decisions-"));
    const file = join(dir, "decisions.csv");
    writeFileSync(
      file,
      [
        HEADER,
        "false positive,CID000929,gold,,Dana Whitfield,2025-11-03,Name match only: a different company,",
        "confirm-match,Istanbul Altin Rafineri,gold,CID 000814,R. Ortiz,2025-11-04,Istanbul Gold Refinery (Turkish name),",
        "confirm-match,Some Smelter,tin,,R. Ortiz,2025-11-04,no CID given,",
        "escalate,SUP-0001,,,R. Ortiz,2025-11-04,unknown action,",
        "follow-up,SUP-0002,,,,2025-11-04,nobody signed,",
        "follow-up,SUP-0002,,,R. Ortiz,04/11/2025,bad date,",
      ].join("\n"),
    );
    await withDatabase(async (db) => {
      const r = await loadDecisions(db, file);
      expect(r.rowsStored).toBe(2);
      expect(r.errors.map((e) => [e.line, e.column])).toEqual([
        [4, "value"],
        [5, "action"],
        [6, "who"],
        [7, "when"],
      ]);
      expect(r.errors[1]!.message).toContain('unknown action: "escalate"');
      const stored = await db.all<{ action: string; value: string | null }>(
        "SELECT action, value FROM decisions ORDER BY line",
      );
      expect(stored, "aliases map to the action; the CID is normalised").toEqual([
        { action: "clear-sanctions", value: null },
        { action: "confirm-match", value: "CID000814" },
      ]);
    });
  });
});

describe("evaluateDecisions", () => {
  it("clears a hit with every entry it names, and expires when the lists bring an entry it did not clear", () => {
    const all = evaluateDecisions(
      [decision({ action: "clear-sanctions", subject: "CID000929", value: "OFAC SDN 44088; EU-RU-GOLD" })],
      context(),
    )[0]!;
    expect(all.status).toBe("active");
    expect(all.targets).toContain("CID000929|gold");
    const part = evaluateDecisions(
      [decision({ action: "clear-sanctions", subject: "CID000929", value: "44088" })],
      context(),
    )[0]!;
    expect([part.status, part.detail]).toEqual([
      "expired",
      "the lists now bring evidence this decision did not clear: EU country programme EU-RU-GOLD",
    ]);
  });

  it("a clearance naming no entries holds for the entries seen when first applied; a later list entry expires it", () => {
    const d = decision({ action: "clear-sanctions", subject: "Premier Gold Refinery L.L.C.", metal: "Gold" });
    const first = evaluateDecisions([d], context())[0]!;
    expect(first.status).toBe("active");
    expect(first.targets).toEqual(["unmatched:gold:premier gold refinery llc|gold", "entry:OFAC SDN 35318"]);
    const newer = context({
      evidence: new Map([["d1", { evidence: { "OFAC SDN 35318": "PREMIER GOLD REFINERY (SDGT)" }, expired: null }]]),
      screening: [
        { ...context().screening[1]!, decision: "hit", entries: ["OFAC SDN 35318", "UK Sanctions List RUS1234"] },
      ],
    });
    expect(evaluateDecisions([d], newer)[0]!.status).toBe("expired");
  });

  it("maps a typed name to a CID only for a facility of that metal in the current reference", () => {
    const ok = evaluateDecisions(
      [decision({ action: "confirm-match", subject: "Istanbul  Altin Rafineri", metal: "Gold", value: "CID000814" })],
      context(),
    )[0]!;
    expect([ok.status, ok.targets]).toEqual(["active", ["gold|istanbul altin rafineri"]]);
    const wrongMetal = evaluateDecisions(
      [decision({ action: "confirm-match", subject: "Istanbul Altin Rafineri Ltd", metal: "Tin", value: "CID000814" })],
      context(),
    )[0]!;
    expect([wrongMetal.status, wrongMetal.detail]).toEqual([
      "expired",
      "CID000814 (Tin) is not in the current RMI reference",
    ]);
    expect(
      evaluateDecisions(
        [decision({ action: "confirm-match", subject: "Nobody Refinery", value: "CID002158" })],
        context(),
      )[0]!.status,
    ).toBe("no-match");
  });

  it("links by file name, declaration id or company name; follow-ups expire on their date", () => {
    const link = evaluateDecisions(
      [decision({ action: "link-declaration", subject: "ACME_CMRT_2025.xlsx", value: "SUP-0002" })],
      context(),
    )[0]!;
    expect([link.status, link.targets]).toEqual(["active", ["dA"]]);
    expect(
      evaluateDecisions(
        [decision({ action: "link-declaration", subject: "acme sp z o o", value: "SUP-9999" })],
        context(),
      )[0]!.status,
      "unknown supplier",
    ).toBe("no-match");
    expect(evaluateDecisions([decision({ subject: "PRD-100", expires: "2025-12-30" })], context())[0]!).toMatchObject({
      status: "expired",
      detail: "expired on 2025-12-30",
    });
    expect(evaluateDecisions([decision({ subject: "PRD-100", expires: "2025-12-31" })], context())[0]!).toMatchObject({
      status: "active",
      targets: ["product:PRD-100"],
    });
  });

  it("applied: a decided link replaces the automatic one; a confirmed match gives the rows the CID", () => {
    const d = {
      declarationId: "dA",
      file: null,
      supplierId: null,
      companyName: "ACME",
      uniqueId: null,
      template: "CMRT",
      version: "6.5",
      effectiveDate: null,
      receivedDate: null,
      isCurrent: true,
      findings: [],
    };
    const suppliers = [
      {
        supplierId: "SUP-0002",
        name: "Acme",
        country: null,
        commodity: null,
        annualSpend: null,
        contactName: null,
        contactEmail: null,
        uniqueId: null,
        declarationName: null,
      },
    ];
    const r = applyLinkDecisions(
      { links: [], unlinked: [{ declaration: d, reason: "no supplier" }] },
      [{ decisionId: "x", declarationIds: ["dA"], supplierId: "SUP-0002" }],
      suppliers,
    );
    expect([r.links.map((l) => [l.supplierId, l.method]), r.unlinked]).toEqual([[["SUP-0002", "decision"]], []]);
    const rows = applyMatchDecisions(
      [
        { metal: "Gold", name: "Istanbul Altin Rafineri", lookup_name: "Smelter not listed", cid: null },
        { metal: "Tin", name: "Istanbul Altin Rafineri", cid: null },
      ],
      [{ ...decision({ action: "confirm-match", value: "CID000814" }), targets: ["gold|istanbul altin rafineri"] }],
    );
    expect(rows.map((x) => x.cid)).toEqual(["CID000814", null]);
  });
});

describe("decisions in a build", () => {
  it("clears a sanctions hit in the scores, links a declaration, and lists every decision's status", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assay-decided-"));
    const sample = (p: string) => join(repoRoot, "data/sample", p);
    const decisions = join(dir, "decisions.csv");
    writeFileSync(
      decisions,
      [
        HEADER,
        "clear-sanctions,CID000929,Gold,,Dana Whitfield,2025-11-03,Test of the override on the sample: not a real clearance,",
        "link-declaration,Alder_Electronics_Sdn_Bhd-2024-09-05.xlsx,,SUP-0002,R. Ortiz,2025-11-04,test: file sent from the Orion mailbox,",
        "confirm-match,Istanbul Altin Rafineri Ltd,Tin,CID000814,R. Ortiz,2025-11-04,Istanbul Gold Refinery,",
        "follow-up,SUP-0010,,,R. Ortiz,2025-11-04,Ask for the smelter list,2026-01-31",
      ].join("\n"),
    );
    const config = join(dir, "assay.config.json");
    writeFileSync(
      config,
      JSON.stringify({
        company: { name: "Northwind Instruments Ltd." },
        period: "2025",
        inputs: {
          inbox: [sample("inbox")],
          supplierMaster: sample("suppliers.csv"),
          boms: [sample("boms.csv")],
          outreachLog: sample("outreach.csv"),
          reference: [],
          decisions: [decisions],
        },
      }),
    );
    const db = join(dir, "w.duckdb");
    const r = runCli(["build", "--config", config, "--db", db, "--no-site", "--as-of", "2025-12-31"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/decisions\s+4 decision\(s\): 3 active, 1 expired/);
    const w = await Database.open(db, { readOnly: true });
    try {
      const smelter = await w.one<{ sanctions: string; band: string }>(
        "SELECT sanctions, band FROM smelter_scores WHERE run_id = (SELECT max(run_id) FROM scoring_runs) AND smelter_key = 'CID000929'",
      );
      expect(smelter?.sanctions).toBe("clear");
      expect(smelter?.band, "no longer Critical by the sanctions override").not.toBe("Critical");
      const link = await w.one<{ supplier_id: string; method: string }>(
        "SELECT supplier_id, method FROM declaration_links l JOIN declarations d USING (declaration_id) WHERE d.file_name = 'Alder_Electronics_Sdn_Bhd-2024-09-05.xlsx' ORDER BY run_id DESC LIMIT 1",
      );
      expect(link).toEqual({ supplier_id: "SUP-0002", method: "decision" });
      const statuses = await w.all<{ action: string; status: string }>(
        "SELECT d.action, s.status FROM decisions d JOIN decision_status s USING (decision_id) ORDER BY d.line",
      );
      expect(statuses.map((s) => s.status)).toEqual(["active", "active", "expired", "active"]);
    } finally {
      w.close();
    }
  });
});

describe("decisions expire when a newer reference vintage changes their evidence", () => {
  const clear = decision({ action: "clear-sanctions", subject: "CID000929", metal: "Gold" });
  const withEvidence = (entries: Record<string, string>) =>
    context({ screening: [{ ...context().screening[0]!, evidence: entries }] });
  const first = {
    "OFAC SDN 44088": "URALELECTROMED JSC (RUSSIA-EO14024)",
    "EU country programme EU-RU-GOLD": "Russian gold (EU-RU-GOLD)",
  };

  it("a cleared hit holds while the list keeps the entries as they were, and re-opens when a vintage changes one", () => {
    const applied = evaluateDecisions([clear], withEvidence(first))[0]!;
    expect([applied.status, applied.evidence]).toEqual(["active", first]);
    const same = withEvidence(first);
    same.evidence.set("d1", { evidence: first, expired: null });
    expect(evaluateDecisions([clear], same)[0]!.status).toBe("active");
    const renamed = withEvidence({
      ...first,
      "OFAC SDN 44088": "URALELECTROMED JSC; AO URALELEKTROMED (RUSSIA-EO14024)",
    });
    renamed.evidence.set("d1", { evidence: first, expired: null });
    expect(evaluateDecisions([clear], renamed)[0]!).toMatchObject({
      status: "expired",
      detail:
        "a newer list vintage changed the entries this decision cleared: OFAC SDN 44088: URALELECTROMED JSC (RUSSIA-EO14024) → URALELECTROMED JSC; AO URALELEKTROMED (RUSSIA-EO14024)",
    });
  });

  it("a confirmed match expires when the RMI list changes that facility's name or status", () => {
    const map = decision({
      action: "confirm-match",
      subject: "Istanbul Altin Rafineri",
      metal: "Gold",
      value: "CID000814",
    });
    const facts = (v: string) => context({ facilities: new Map([["CID000814|gold", v]]) });
    const applied = evaluateDecisions([map], facts("Istanbul Gold Refinery; conformant"))[0]!;
    expect([applied.status, applied.evidence]).toEqual([
      "active",
      { "CID000814|gold": "Istanbul Gold Refinery; conformant" },
    ]);
    const later = facts("Istanbul Gold Refinery; active");
    later.evidence.set("d1", { evidence: applied.evidence!, expired: null });
    expect(evaluateDecisions([map], later)[0]!).toMatchObject({
      status: "expired",
      detail:
        "the RMI list changed the facility this match rests on: CID000814|gold: Istanbul Gold Refinery; conformant → Istanbul Gold Refinery; active",
    });
  });

  it("in the warehouse: the first evidence is kept, the expiry stays when the entry changes back, and each change is logged", async () => {
    await withDatabase(async (db) => {
      await db.insertRows(
        "decisions",
        ["decision_id", "action", "subject", "metal", "value", "who", "decided_on", "why", "source", "line"],
        [
          [
            "d1",
            "clear-sanctions",
            "CID000929",
            "Gold",
            null,
            "Dana Whitfield",
            "2025-11-03",
            "a different company",
            "decisions.csv",
            2,
          ],
        ],
      );
      const hits = (name: string) =>
        JSON.stringify([{ list: "OFAC SDN", id: "44088", name, program: "RUSSIA-EO14024", score: 0.97, reasons: [] }]);
      await db.insertRows(
        "smelter_screening",
        ["cid", "metal", "name", "country_iso2", "decision", "score", "evidence", "hits", "load_ids"],
        [["CID000929", "Gold", "JSC Uralelectromed", "RU", "hit", 0.97, "name", hits("URALELECTROMED JSC"), "[1]"]],
      );
      expect((await refreshDecisionStatus(db, "2025-12-31"))[0]!.status).toBe("active");
      expect((await refreshDecisionStatus(db, "2025-12-31"))[0]!.status, "an unchanged list keeps it").toBe("active");
      await db.run("UPDATE smelter_screening SET hits = ?", [hits("AO URALELEKTROMED")]);
      expect((await refreshDecisionStatus(db, "2025-12-31"))[0]!.status).toBe("expired");
      await db.run("UPDATE smelter_screening SET hits = ?", [hits("URALELECTROMED JSC")]);
      const again = (await refreshDecisionStatus(db, "2025-12-31"))[0]!;
      expect([again.status, again.detail], "the analyst decides anew").toEqual([
        "expired",
        "a newer list vintage changed the entries this decision cleared: OFAC SDN 44088: URALELECTROMED JSC (RUSSIA-EO14024) → AO URALELEKTROMED (RUSSIA-EO14024)",
      ]);
      const events = await db.all<{ event: string }>("SELECT event FROM decision_events ORDER BY event_id");
      expect(events.map((e) => e.event)).toEqual(["applied", "expired"]);
    });
  });
});
