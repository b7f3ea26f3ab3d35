import { describe, expect, it } from "vitest";
import { buildReportInput } from "../../src/exports/build-report-input.ts";
import { escapeMarkdown } from "../../src/exports/markdown.ts";
import { csvField, toCsv } from "../../src/text/csv.ts";
import { euBatteriesDueDiligence, euConflictMineralsReport, secConflictMineralsReport } from "../../src/exports/reports/index.ts";
import { DeclarationConfig, RollupInput } from "../../src/exports/rollup-input.ts";
import { smelterAnnexCsv } from "../../src/exports/smelter-annex-csv.ts";
import type { Vintages } from "../../src/exports/vintages.ts";
import { company, cmrtConfig } from "./_fixtures.ts";

const clean = ["Yes", "Yes", "No", "No", "No", "100%", "Yes", "Yes"];
const answers = (mineral: string, a: string[]) => a.map((answer, i) => ({ question: String(i + 1), mineral, answer }));
const reference = [
  { cid: "CID001105", metal: "Tin", standardName: "Malaysia Smelting Corporation (MSC)", country: "MALAYSIA", countryIso2: "MY", rmiStatus: "conformant" },
  { cid: "CID000313", metal: "Tin", standardName: "PT Bukit Timah", country: "INDONESIA", countryIso2: "ID", rmiStatus: "not-participating" },
  { cid: "CID002869", metal: "Cobalt", standardName: "Example Cobalt Refinery", country: "CHINA", countryIso2: "CN", rmiStatus: "active" },
];
const vintages: Vintages = {
  reference: [{ kind: "rmi-status-conformant", source: "rmi_status_2023Q1_conformant.csv", vintage: "2023-01-01", loadedAt: "2026-03-01 10:00:00" }],
  scoringRun: { runId: 7, period: "2025", asOf: "2026-03-01", modelVersion: "1" },
};

function input() {
  const parsed = RollupInput.parse({
    suppliers: [
      {
        supplierId: "S1", name: "Harbin Precision Alloys",
        declarations: [
          { declarationId: "c1", template: "CMRT", version: "6.5", answers: [...answers("Tin", clean), ...answers("Gold", ["No"])],
            smelters: [{ metal: "Tin", cid: "CID001105", name: "MSC", country: "MALAYSIA" }, { metal: "Tin", cid: "CID000313", name: "Bukit", country: "INDONESIA" },
              { metal: "Tin", cid: null, name: "<script>alert(1)</script> **Tin** [x](http://evil)", country: "RWANDA" }] },
          { declarationId: "e1", template: "EMRT", version: "2.1", answers: answers("Cobalt", ["Yes", "Yes", "No", "Yes", "100%", "Yes", "No"]),
            smelters: [{ metal: "Cobalt", cid: "CID002869", name: "x", country: "CHINA" }] },
        ],
      },
      { supplierId: "S2", name: "Silent", declarations: [] },
    ],
    reference,
    countries: [{ iso2: "RW", names: ["RWANDA"], covered: true, cahra: false }],
  });
  return buildReportInput(parsed, { company: { ...company, name: "Northwind_Components *GmbH*" }, declaration: cmrtConfig, asOf: "2026-03-01", period: "2025", vintages });
}

describe("report drafts", () => {
  it("the Conflict Minerals Report states the RCOI result, the OECD steps with numbers and a split smelter annex", () => {
    const md = secConflictMineralsReport(input());
    expect(md).toContain("# Conflict Minerals Report of Northwind\\_Components \\*GmbH\\* for the year 2025");
    expect(md).toMatch(/surveyed 2 relevant supplier\(s\).*; 1 responded \(50%\)/);
    expect(md, "a Rwandan smelter makes Q3 Yes").toContain("has reason to believe that a portion of its necessary conflict minerals may have originated in the Covered Countries");
    for (const step of ["Step 1", "Step 2", "Step 3", "Step 4", "Step 5"]) expect(md).toContain(`### ${step} — `);
    expect(md).toContain("- 1 are RMAP conformant, 0 active in an RMAP assessment, and 2 are neither");
    const annex = md.slice(md.indexOf("### A.1"));
    const conformant = annex.slice(0, annex.indexOf("### A.2"));
    const rest = annex.slice(annex.indexOf("### A.2"));
    expect(conformant).toContain("| Tin | Malaysia Smelting Corporation \\(MSC\\) | CID001105 | MALAYSIA | Conformant |");
    expect(conformant).not.toContain("CID000313");
    expect(rest).toContain("| Tin | PT Bukit Timah | CID000313 | INDONESIA | Not participating |");
    expect(md).toContain("## Data vintages");
    expect(md).toContain("Scoring run 7 (period 2025, as of 2026-03-01, model 1).");
    expect(md).toContain("| rmi\\-status\\-conformant | rmi\\_status\\_2023Q1\\_conformant\\.csv | 2023\\-01\\-01 |");
  });

  it("escapes supplier text so it cannot inject HTML, links or emphasis", () => {
    const md = secConflictMineralsReport(input());
    expect(md).not.toContain("<script>");
    expect(md).not.toMatch(/\[x\]\(http/);
    expect(md).toContain("&lt;script&gt;alert\\(1\\)&lt;/script&gt; \\*\\*Tin\\*\\* \\[x\\]\\(http&#58;//evil\\)");
    expect(md, "no live link can come from supplier text").not.toContain("http://evil");
    expect(escapeMarkdown("a|b\nc")).toBe("a\\|b c");
  });

  it("the EU Article 7 draft covers Articles 4–6 and names the recycled or CAHRA determinations", () => {
    const md = euConflictMineralsReport(input());
    expect(md).toContain("Article 7(3) of Regulation (EU) 2017/821");
    for (const h of ["## 1. Management system (Article 4)", "## 2. Risk management (Article 5)", "## 3. Third-party audits (Article 6)"]) expect(md).toContain(h);
    expect(md).toContain("| Tin | Yes | No | No | 3 | 1 |");
    expect(md).toContain("1 of 3 identified smelters and refiners (33.3%)");
  });

  it("the batteries section covers cobalt, lithium, nickel and natural graphite only", () => {
    const md = euBatteriesDueDiligence(input());
    expect(md).toContain("18 August 2027");
    expect(md, "the silent supplier counts as relevant to a mineral others declare").toContain("| Cobalt | Yes | 1 of 2 | No | 1 | 0 |");
    expect(md).toContain("| Natural graphite | Not declaring | 0 of 0 |");
    expect(md).not.toMatch(/\| Copper \|/);
    expect(md).toContain("| Cobalt | Example Cobalt Refinery | CID002869 | CHINA | Active |");
  });

  it("CSV exports neutralise formula triggers and quote delimiters", () => {
    expect(csvField("=1+2")).toBe("'=1+2");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-2+3,4")).toBe(`"'-2+3,4"`);
    expect(csvField("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(csvField("Tin")).toBe("Tin");
    expect(toCsv(["a"], [[`say "hi"`]])).toBe(`a\r\n"say ""hi"""\r\n`);
    const csv = smelterAnnexCsv([{ metal: "Gold", cid: null, name: "=HYPERLINK(\"http://x\")", country: "PERU", countryIso2: "PE", rmiStatus: "unknown", inReference: false, suppliers: ["S1"], mineCountries: [], recycledScrap: null }]);
    expect(csv.split("\r\n")[1]).toBe(`Gold,"'=HYPERLINK(""http://x"")",,PERU,PE,unknown,1`);
  });

  it("declaration config rejects unknown keys and letters", () => {
    expect(DeclarationConfig.safeParse({ answers: { Z: "Yes" } }).success).toBe(false);
    expect(DeclarationConfig.safeParse({ scope: "Product", answers: { a: "Yes" } }).success).toBe(true);
    expect(DeclarationConfig.safeParse({ scopes: "x" }).success).toBe(false);
  });
});
