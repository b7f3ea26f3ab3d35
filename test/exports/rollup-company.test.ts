import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import { Database } from "../../src/db/database.ts";
import { loadRollupInput } from "../../src/exports/load-rollup-input.ts";
import { reportDrafts } from "../../src/exports/report-drafts.ts";
import { DeclarationConfig } from "../../src/exports/rollup-input.ts";
import type { ReportInput } from "../../src/exports/reports/report-input.ts";
import { smelterAnnexCsv } from "../../src/exports/smelter-annex-csv.ts";
import { familyCoverage } from "../../src/exports/survey-coverage.ts";
import { writeTemplate } from "../../src/generate/template/write-template.ts";
import { runPipeline } from "../../src/pipeline/run-pipeline.ts";
import { buildStages } from "../../src/pipeline/stages.ts";
import { reportData } from "../../src/site/data/report-data.ts";
import { reportMarkdown } from "../../src/site/data/report-markdown.ts";
import { parseCsvRecords } from "../../src/text/csv.ts";

// A small company end to end: six suppliers in the master, two of them excluded by the scope rules (one of which sends
// a CMRT anyway), one silent, one whose declaration has errors. Workbooks are written by our own generator.

const SUPPLIERS = [
  ["S1", "Harbin Solder Works", "Solder and alloys"],
  ["S2", "Kyoto Contact Plating", "Plating"],
  ["S3", "Quiet Capacitor Co", "Capacitors"],
  ["S4", "Spotless Janitorial Supplies", "Janitorial supplies"],
  ["S5", "Oak Pallet Company", "Wood pallets"],
  ["S6", "Broken Boards Ltd", "Printed circuit boards"],
  ["S7", "Old Alloys Trading", "Solder and alloys"],
] as const;

const COMPANY = {
  name: "Northwind Instruments Ltd.",
  contactName: "Team",
  contactEmail: "rs@northwind.example",
  contactPhone: "+1 555 0100",
  authorizer: "Dana Whitfield",
  authorizerEmail: "dana@northwind.example",
  policyUrl: "https://northwind.example/policy",
};

const yes = (metal: string) =>
  ["Yes", "Yes", "No", "No", "No", "100%", "Yes", "Yes"].map((answer, i) => ({
    question: String(i + 1),
    mineral: metal,
    answer,
    comment: null,
  }));
const no = (metal: string) => [
  { question: "1", mineral: metal, answer: "No", comment: null },
  { question: "2", mineral: metal, answer: "No", comment: null },
];
const programme = ["A", "B", "C", "D", "E", "F", "G", "H"].map((q) => ({
  question: q,
  mineral: null,
  comment: q === "B" ? "https://supplier.example/policy" : null,
  answer: q === "E" ? "Yes, in conformance with IPC1755 (e.g., CMRT)" : q === "H" ? "No" : "Yes",
}));

async function cmrt(
  name: string,
  answers: ReturnType<typeof yes>,
  smelters: object[],
  complete = true,
  effectiveDate = "2025-10-01",
): Promise<Buffer> {
  return writeTemplate(
    {
      company: {
        name,
        scope: "Company",
        contactName: "Pat Lee",
        contactEmail: complete ? "pat@supplier.example" : null,
        contactPhone: "+1 555 0199",
        authorizer: complete ? "Sam Roe" : null,
        authorizerEmail: complete ? "sam@supplier.example" : null,
        effectiveDate,
      },
      answers,
      companyAnswers: programme,
      smelters,
    },
    { template: "CMRT", version: "6.5" },
  );
}

describe("roll-up of a company with excluded, silent and erroneous suppliers", () => {
  let db: Database;
  let input: ReportInput;
  let drafts: Map<string, string>;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "assay-rollup-company-"));
    mkdirSync(join(dir, "inbox"));
    writeFileSync(
      join(dir, "suppliers.csv"),
      [
        "supplier_id,name,country,commodity,annual_spend,contact_name,contact_email,duns,declaration_name",
        ...SUPPLIERS.map(([id, n, c]) => `${id},${n},China,${c},50000,Pat Lee,pat@${id.toLowerCase()}.example,,`),
      ].join("\n"),
    );
    writeFileSync(join(dir, "outreach.csv"), "supplier_id,date,channel,contact,event,note\n");
    const tin = (cid: string) => ({ cid, metal: "Tin" });
    writeFileSync(
      join(dir, "inbox/s1.xlsx"),
      await cmrt(
        "Harbin Solder Works",
        [...no("Tantalum"), ...yes("Tin"), ...no("Gold"), ...no("Tungsten")],
        [
          tin("CID002180"),
          // The same refinery under a Look-up alias without a CID: the match stage resolves it, the roll-up lists it once.
          { metal: "Tin", lookupName: "Smelter not listed", name: "China Yunnan Tin Co Ltd.", country: "CHINA" },
        ],
      ),
    );
    writeFileSync(
      join(dir, "inbox/s2.xlsx"),
      await cmrt(
        "Kyoto Contact Plating",
        [...no("Tantalum"), ...no("Tin"), ...yes("Gold"), ...no("Tungsten")],
        [{ cid: "CID002763", metal: "Gold" }],
      ),
    );
    // Out of scope (janitorial supplies), yet it sends a CMRT: neither a relevant supplier nor a source of smelters.
    writeFileSync(
      join(dir, "inbox/s4.xlsx"),
      await cmrt(
        "Spotless Janitorial Supplies",
        [...no("Tantalum"), ...no("Tin"), ...no("Gold"), ...yes("Tungsten")],
        [{ cid: "CID000004", metal: "Tungsten" }],
      ),
    );
    // In scope but its declaration has errors (no contact e-mail, no authorizer): not a response; its smelter is still reported.
    writeFileSync(
      join(dir, "inbox/s6.xlsx"),
      await cmrt(
        "Broken Boards Ltd",
        [...no("Tantalum"), ...yes("Tin"), ...no("Gold"), ...no("Tungsten")],
        [tin("CID003486")],
        false,
      ),
    );
    // Last year's declaration answers no request of the 2025 campaign: its supplier has not responded yet.
    writeFileSync(
      join(dir, "inbox/s7.xlsx"),
      await cmrt(
        "Old Alloys Trading",
        [...no("Tantalum"), ...yes("Tin"), ...no("Gold"), ...no("Tungsten")],
        [tin("CID002180")],
        true,
        "2024-06-01",
      ),
    );
    const configPath = join(dir, "assay.config.json");
    writeFileSync(
      configPath,
      JSON.stringify({
        company: COMPANY,
        period: "2025",
        inputs: { inbox: ["inbox"], supplierMaster: "suppliers.csv", outreachLog: "outreach.csv" },
        declaration: { answers: { A: "Yes", B: "Yes", C: "Yes", D: "Yes", E: "Yes", F: "Yes", G: "Yes", H: "No" } },
      }),
    );
    db = await Database.open(":memory:");
    const config = loadConfig(configPath);
    await runPipeline(buildStages, {
      db,
      config,
      asOf: "2026-01-31",
      period: "2025",
      log: () => {},
      progress: () => {},
    });
    const out = await reportDrafts(db, {
      company: COMPANY,
      declaration: DeclarationConfig.parse(config.config.declaration),
      asOf: "2026-01-31",
      period: "2025",
    });
    input = out.input;
    drafts = new Map(out.drafts.map((d) => [d.id, d.markdown]));
  }, 300_000);

  it("counts as relevant only the in-scope suppliers, and as responded only usable declarations", async () => {
    const coverage = familyCoverage((await loadRollupInput(db, { asOf: "2026-01-31" })).suppliers, "CMRT");
    const tin = coverage.minerals.find((m) => m.mineral === "Tin")!;
    expect(tin.relevant).toEqual(["S1", "S2", "S3", "S6", "S7"]);
    expect(tin.responded).toEqual(["S1", "S2"]);
    expect(tin.notResponded).toEqual(["S3", "S6", "S7"]);
    expect({ relevant: coverage.relevant, responded: coverage.responded }).toEqual({ relevant: 5, responded: 2 });
    const engagement = await db.all<{ in_scope: number; usable: number }>(
      "SELECT m.in_scope, m.usable FROM engagement_metrics m JOIN latest_engagement_runs r USING (run_id) WHERE m.dimension = 'all'",
    );
    expect(
      engagement.map((e) => [Number(e.in_scope), Number(e.usable)]),
      "the engagement stage agrees",
    ).toEqual([[5, 2]]);
  });

  it("answers the company CMRT from them: exact per-metal answers", () => {
    const r = input.cmrt!;
    const a = (meaning: string, metal: string) =>
      r.answers.find((x) => x.meaning === meaning && x.mineral === metal)?.answer ?? null;
    expect(
      ["Tantalum", "Tin", "Gold", "Tungsten"].map((m) => a("intentionally-added", m)),
      "the excluded supplier's tungsten does not count",
    ).toEqual(["No", "Yes", "Yes", "No"]);
    expect(a("response-share", "Tin"), "2 of 5 relevant suppliers").toBe("50% or less");
    expect(a("response-share", "Gold")).toBe("50% or less");
    expect(a("all-smelters-identified", "Tin"), "not every relevant supplier responded").toBe("No");
    expect(a("all-info-reported", "Tin")).toBe("Yes");
    expect(r.answers.find((x) => x.meaning === "response-share" && x.mineral === "Tin")?.question).toBe("Q6");
    expect(r.smelters.map((s) => `${s.metal} ${s.cid} ${s.suppliers.join("+")}`).sort()).toEqual([
      "Gold CID002763 S2",
      "Tin CID002180 S1+S7",
      "Tin CID003486 S6",
    ]);
  });

  it("the drafts quote the same figures, follow answer H = No and mark EU Article 7 not applicable", () => {
    const cmr = drafts.get("conflict-minerals-report")!;
    expect(cmr).toContain("it surveyed 5 relevant supplier(s); 2 responded with a usable declaration (40%)");
    expect(cmr).toContain("surveyed 5 relevant supplier(s) — the suppliers in scope of its minerals programme");
    expect(cmr).toContain("it is not filed under Rule 13p-1");
    expect(cmr).not.toContain("files this specialized disclosure report on Form SD under Rule 13p-1");
    expect(cmr, "readable when pasted").toContain("Northwind Instruments Ltd.");
    expect(drafts.get("eu-2017-821-article-7-report")).toContain("## Not applicable");
  });

  it("the annex lists exactly the scored smelters of the relevant suppliers, with the issue's columns", async () => {
    const csv = parseCsvRecords(smelterAnnexCsv(input.cmrt!.smelters, input.cmrt!.periodEnd)).map((r) => r.fields);
    expect(csv[0]).toEqual([
      "metal",
      "standard_name",
      "cid",
      "country",
      "country_iso2",
      "rmap_status",
      "rmap_status_vintage",
      "last_audit_date",
      "audit_current_at_period_end",
      "sanctions",
      "supplier_count",
    ]);
    const annex = csv
      .slice(1)
      .filter((r) => r.length > 1)
      .map((r) => `${r[0]!.toLowerCase()}|${r[2]}|${r[5]}`)
      .sort();
    const scored = (
      await db.all<{ k: string }>(
        `SELECT DISTINCT lower(s.metal) || '|' || s.cid || '|' || s.rmi_status AS k FROM smelter_scores s
         JOIN supplier_smelter_links l ON l.run_id = s.run_id AND l.smelter_key = s.smelter_key
         WHERE s.run_id = (SELECT max(run_id) FROM scoring_runs) AND l.supplier_id IN ('S1', 'S2', 'S3', 'S6', 'S7')`,
      )
    )
      .map((r) => r.k)
      .sort();
    expect(annex).toEqual(scored);
    expect(annex).toHaveLength(3);
  });

  it("the executive report names the company and quotes the same survey figures", async () => {
    const md = reportMarkdown(await reportData(db, { company: COMPANY.name, asOf: "2026-01-31" }));
    expect(md).toMatch(/^# Responsible-minerals programme of Northwind Instruments Ltd\.: executive report/);
    expect(md).toContain("CMRT: 2 of 5 relevant suppliers responded with a usable declaration (40%)");
    expect(md).toContain("| CMRT | 5 | 2 | 40% |");
  });
});
