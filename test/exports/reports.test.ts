import { describe, expect, it } from "vitest";
import { buildReportInput } from "../../src/exports/build-report-input.ts";
import { escapeMarkdown } from "../../src/exports/markdown.ts";
import { csvField, toCsv } from "../../src/text/csv.ts";
import {
  euBatteriesDueDiligence,
  euConflictMineralsReport,
  secConflictMineralsReport,
} from "../../src/exports/reports/index.ts";
import { DeclarationConfig, RollupInput } from "../../src/exports/rollup-input.ts";
import { smelterAnnexCsv } from "../../src/exports/smelter-annex-csv.ts";
import type { Vintages } from "../../src/exports/vintages.ts";
import { normalizeName } from "../../src/text/normalize.ts";
import { company, cmrtConfig } from "./_fixtures.ts";

const clean = ["Yes", "Yes", "No", "No", "No", "100%", "Yes", "Yes"];
const answers = (mineral: string, a: string[]) => a.map((answer, i) => ({ question: String(i + 1), mineral, answer }));
const reference = [
  {
    cid: "CID001105",
    metal: "Tin",
    standardName: "Malaysia Smelting Corporation (MSC)",
    country: "MALAYSIA",
    countryIso2: "MY",
    rmiStatus: "conformant",
  },
  {
    cid: "CID000313",
    metal: "Tin",
    standardName: "PT Bukit Timah",
    country: "INDONESIA",
    countryIso2: "ID",
    rmiStatus: "not-participating",
  },
  {
    cid: "CID002869",
    metal: "Cobalt",
    standardName: "Example Cobalt Refinery",
    country: "CHINA",
    countryIso2: "CN",
    rmiStatus: "active",
  },
];
const vintages: Vintages = {
  reference: [
    {
      kind: "rmi-status-conformant",
      source: "rmi_status_2023Q1_conformant.csv",
      vintage: "2023-01-01",
      loadedAt: "2026-03-01 10:00:00",
    },
  ],
  scoringRun: { runId: 7, period: "2025", asOf: "2026-03-01", modelVersion: "1" },
};

interface Variant {
  /** The status list's audit for MSC lapsed before the period end. */
  lapsed?: boolean;
  reaudit?: boolean;
  euImporter?: {
    unionImporter: boolean;
    aboveAnnexIThresholds?: boolean;
    basis?: string;
    imports?: { cnCode: string; kg: number; thresholdKg?: number }[];
  };
}

function input(letters: Record<string, string | undefined> = {}, v: Variant = {}) {
  const parsed = RollupInput.parse({
    suppliers: [
      {
        supplierId: "S1",
        name: "Harbin Precision Alloys",
        declarations: [
          {
            declarationId: "c1",
            template: "CMRT",
            version: "6.5",
            answers: [...answers("Tin", clean), ...answers("Gold", ["No"])],
            smelters: [
              { metal: "Tin", cid: "CID001105", name: "MSC", country: "MALAYSIA" },
              { metal: "Tin", cid: "CID000313", name: "Bukit", country: "INDONESIA" },
              {
                metal: "Tin",
                cid: null,
                name: "<script>alert(1)</script> **Tin** [x](http://evil)",
                country: "RWANDA",
              },
            ],
          },
          {
            declarationId: "e1",
            template: "EMRT",
            version: "2.1",
            answers: answers("Cobalt", ["Yes", "Yes", "No", "Yes", "100%", "Yes", "No"]),
            smelters: [{ metal: "Cobalt", cid: "CID002869", name: "x", country: "CHINA" }],
          },
        ],
      },
      { supplierId: "S2", name: "Silent", declarations: [] },
    ],
    reference: reference.map((r) =>
      r.cid === "CID001105"
        ? {
            ...r,
            lastAuditDate: v.lapsed ? "2023-06-30" : "2025-06-30",
            auditCycleMonths: 12,
            reauditInProgress: v.reaudit ?? false,
            statusVintage: v.lapsed ? "2023-02-15" : "2026-08-22",
          }
        : r.cid === "CID000313"
          ? {
              ...r,
              sanctions: [
                {
                  list: "EU country programme",
                  id: "EU-RU-GOLD",
                  name: "Council Regulation (EU) 2022/1269",
                  program: "EU RUSSIA",
                },
                { list: "OFAC SDN", id: "35318", name: "PT BUKIT TIMAH", program: "RUSSIA-EO14024" },
              ],
            }
          : r,
    ),
    countries: [{ iso2: "RW", names: ["RWANDA"], covered: true, cahra: false }],
  });
  const merged = Object.fromEntries(
    Object.entries({ ...cmrtConfig.answers, ...letters }).filter(([, a]) => a !== undefined),
  );
  const declaration = DeclarationConfig.parse({
    ...cmrtConfig,
    answers: merged,
    ...(v.euImporter ? { euImporter: v.euImporter } : {}),
  });
  return buildReportInput(parsed, {
    company: { ...company, name: "Northwind_Components *GmbH*" },
    declaration,
    asOf: "2026-03-01",
    period: "2025",
    vintages,
  });
}

describe("report drafts", () => {
  it("the Form SD draft has Items 1.01/1.02 and 2.01, Exhibit 1.01's elements, the RCOI figures and a split smelter annex", () => {
    const md = secConflictMineralsReport(input());
    expect(md).toContain("# Form SD — Specialized Disclosure Report of Northwind\\_Components \\*GmbH\\* for 2025");
    for (const h of [
      "### Item 1.01 Conflict Minerals Disclosure and Report",
      "### Item 1.02 Exhibit",
      "### Item 2.01 Exhibits",
      "## Exhibit 1.01 — Conflict Minerals Report",
      "### 1. Company and products covered",
      "### 4. Due diligence determination",
      "### 5. Facilities that processed the necessary conflict minerals and their countries of origin",
      "### 6. Efforts to determine the mine or location of origin with the greatest possible specificity",
    ])
      expect(md).toContain(h);
    expect(md).toContain("it surveyed 2 relevant supplier(s); 1 responded with a usable declaration (50%)");
    expect(md, "a Rwandan smelter makes the covered-countries answer Yes").toContain(
      "has reason to believe that a portion of its necessary conflict minerals may have originated in the Covered Countries",
    );
    for (const step of ["Step 1", "Step 2", "Step 3", "Step 4", "Step 5"]) expect(md).toContain(`#### ${step} — `);
    expect(md).toContain(
      "- 1 are RMAP conformant with an audit current at 2025-12-31, 0 are active in an RMAP assessment, and 2 are neither",
    );
    expect(md, "one supplier is silent: the origin cannot be determined").toContain(
      "was unable to determine the country of origin of all necessary conflict minerals",
    );
    const annex = md.slice(md.indexOf("### A.1"));
    const conformant = annex.slice(0, annex.indexOf("### A.2"));
    const rest = annex.slice(annex.indexOf("### A.2"));
    expect(conformant).toContain(
      "| Tin | Malaysia Smelting Corporation (MSC) | CID001105 | MALAYSIA | Conformant | current | 2025-06-30 | — |",
    );
    expect(conformant).not.toContain("CID000313");
    expect(rest, "the annex names the strongest designation").toContain(
      "| Tin | PT Bukit Timah | CID000313 | INDONESIA | Not participating | — | — | OFAC SDN 35318 (RUSSIA-EO14024) |",
    );
    expect(md).toContain("## Data vintages");
    expect(md).toContain("Scoring run 7 (period 2025, as of 2026-03-01, model 1).");
    expect(md).toContain("| rmi-status-conformant | rmi\\_status\\_2023Q1\\_conformant.csv | 2023-01-01 |");
  });

  it("follows the company's answer to H: filed under Rule 13p-1 only when it files with the SEC", () => {
    const withSec = secConflictMineralsReport(input({ H: "Yes, with the SEC and the EU" }));
    expect(withSec).toContain("files this specialized disclosure report on Form SD under Rule 13p-1");
    const notFiler = secConflictMineralsReport(input({ H: "No" }));
    expect(notFiler).not.toContain("files this specialized disclosure report");
    expect(notFiler).toContain("it is not filed under Rule 13p-1");
    const unstated = secConflictMineralsReport(input({ H: undefined }));
    expect(unstated).toContain("[Company question H is not answered in the configuration");
  });

  it("counts as conformant only audits current at the period end (a re-audit in progress counts), warns on an old status list and names sanctioned facilities", () => {
    const md = secConflictMineralsReport(input({}, { lapsed: true }));
    expect(md).toContain(
      "0 are RMAP conformant with an audit current at 2025-12-31, 1 are listed as conformant but their audit had lapsed by then",
    );
    expect(md).toContain(
      "| Tin | Malaysia Smelting Corporation (MSC) | CID001105 | MALAYSIA | Conformant | not current | 2023-06-30 |",
    );
    const reaudit = secConflictMineralsReport(input({}, { lapsed: true, reaudit: true }));
    expect(reaudit).toContain("- 1 are RMAP conformant with an audit current at 2025-12-31");
    expect(md).toContain(
      "RMAP statuses rest on the RMI facility list(s) of 2023-02-15. **Warning:** the newest list predates the period end (2025-12-31)",
    );
    expect(md).toContain("### 7. Sanctions screening of the facilities");
    expect(md, "the SDN designation comes before the import ban").toContain(
      "| Tin | PT Bukit Timah | CID000313 | INDONESIA | OFAC SDN 35318 (RUSSIA-EO14024); EU country programme EU-RU-GOLD (EU RUSSIA) | 1 |",
    );
  });

  it("escapes supplier text so it cannot inject HTML, links or emphasis, yet stays readable when pasted", () => {
    const md = secConflictMineralsReport(input());
    expect(md).not.toContain("<script>");
    expect(md).not.toMatch(/\[x\]\(http/);
    expect(md).toContain("&lt;script&gt;alert(1)&lt;/script&gt; \\*\\*Tin\\*\\* \\[x\\]\\(http&#58;//evil)");
    expect(md, "no live link can come from supplier text").not.toContain("http://evil");
    expect(escapeMarkdown("a|b\nc")).toBe("a\\|b c");
    expect(escapeMarkdown("Acme Metals Co., Ltd. (Thailand) - Plant #2")).toBe(
      "Acme Metals Co., Ltd. (Thailand) - Plant #2",
    );
    expect(escapeMarkdown(`1. $${"{x}"} # <b>`)).toBe("1\\. \\$\\{x\\} # &lt;b&gt;");
    expect(escapeMarkdown("# heading")).toBe("\\# heading");
  });

  it("the EU Article 7 draft covers Articles 4–6 only for a Union importer above the Annex I thresholds", () => {
    const na = euConflictMineralsReport(input());
    expect(na).toContain("## Not applicable");
    expect(na).toContain("the configuration does not state that it is a Union importer");
    expect(na).not.toContain("## 1. Management system");
    const below = euConflictMineralsReport(
      input({}, { euImporter: { unionImporter: true, aboveAnnexIThresholds: false } }),
    );
    expect(below).toContain("do not reach the thresholds of Annex I");
    const md = euConflictMineralsReport(
      input(
        {},
        {
          euImporter: { unionImporter: true, aboveAnnexIThresholds: true, basis: "CN 8001 10 00 unwrought tin, 240 t" },
        },
      ),
    );
    expect(md).toContain("Article 7(3) of Regulation (EU) 2017/821");
    expect(md).toContain("(CN 8001 10 00 unwrought tin, 240 t)");
    for (const h of [
      "## 1. Management system (Article 4)",
      "## 2. Risk management (Article 5)",
      "## 3. Third-party audits (Article 6)",
      "## 4. Sanctions screening",
    ])
      expect(md).toContain(h);
    expect(md).toContain("| Tin | Yes | No | No | 3 | 1 |");
    expect(md).toContain("1 of 3 identified smelters and refiners (33.3%) were conformant with a current audit");
    expect(md).toContain("surveyed 2 relevant supplier(s), 1 responded with a usable declaration (50%)");
  });

  it("the EU Article 7 draft decides applicability from the configured imports per CN code against Annex I", () => {
    const eu = (imports: { cnCode: string; kg: number; thresholdKg?: number }[], aboveAnnexIThresholds = false) =>
      euConflictMineralsReport(input({}, { euImporter: { unionImporter: true, aboveAnnexIThresholds, imports } }));
    const applies = eu([
      { cnCode: "2609 00 00", kg: 7_500 },
      { cnCode: "2825 90 40", kg: 20_000 },
    ]);
    expect(applies).toContain("## 1. Management system (Article 4)");
    expect(applies).toContain(
      "is a Union importer within the Regulation: its configured annual imports reach the Annex I threshold for CN 2609 00 00 (7,500 kg).",
    );
    expect(applies).toContain(
      "| 2609 00 00 | Tin ores and concentrates | 7,500 kg | 5,000 kg | reaches the threshold |",
    );
    expect(applies).toContain(
      "| 2825 90 40 | Tungsten oxides and hydroxides | 20,000 kg | 100,000 kg | below the threshold |",
    );

    const exempt = eu(
      [
        { cnCode: "26090000", kg: 4_000 },
        { cnCode: "ex 7108", kg: 50 },
      ],
      true,
    );
    expect(exempt).toContain("## Not applicable");
    expect(exempt).not.toContain("## 1. Management system");
    expect(exempt).toContain(
      "its configured annual imports are below the Annex I threshold for every CN code: CN 2609 00 00 4,000 kg (threshold 5,000 kg); CN ex 7108 50 kg (threshold 100 kg).",
    );
    expect(exempt, "the stale flag is named, the volumes win").toContain(
      "The configuration's `aboveAnnexIThresholds: true` disagrees with the volumes; the volumes are used.",
    );

    const unknown = eu([{ cnCode: "8001 10 00", kg: 240_000 }]);
    expect(unknown).toContain("## Applicability not determined");
    expect(unknown).toContain("the threshold for CN 8001 10 00 is unknown — check Annex I of the Regulation");
    expect(unknown).toContain(
      "| 8001 10 00 | not listed in Assay's Annex I table | 240,000 kg | unknown | unknown — check (CN code not in Assay's Annex I table) |",
    );
    const configured = eu([{ cnCode: "8001 10 00", kg: 240_000, thresholdKg: 100_000 }]);
    expect(configured).toContain(
      "| 8001 10 00 | not listed in Assay's Annex I table | 240,000 kg | 100,000 kg (from the configuration) | reaches the threshold |",
    );
    expect(configured).toContain("## 2. Risk management (Article 5)");

    const trusted = euConflictMineralsReport(
      input({}, { euImporter: { unionImporter: true, aboveAnnexIThresholds: true } }),
    );
    expect(trusted).toContain(
      "according to the company's statement in the configuration (no import volumes per CN code were given, so Assay did not compare them with Annex I)",
    );
  });

  it("the batteries section covers cobalt, lithium, nickel and natural graphite only", () => {
    const md = euBatteriesDueDiligence(input());
    expect(md).toContain("18 August 2027");
    expect(md, "the silent supplier counts as relevant to a mineral others declare").toContain(
      "| Cobalt | Yes | 1 of 2 | No | 1 | 0 |",
    );
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
    const csv = smelterAnnexCsv(
      [
        {
          metal: "Gold",
          cid: null,
          name: '=HYPERLINK("http://x")',
          country: "PERU",
          countryIso2: "PE",
          rmiStatus: "unknown",
          lastAuditDate: null,
          auditCycleMonths: null,
          reauditInProgress: null,
          statusVintage: null,
          sanctions: [],
          inReference: false,
          suppliers: ["S1"],
          mineCountries: [],
          recycledScrap: null,
        },
      ],
      "2025-12-31",
    );
    expect(csv.split("\r\n")[0]).toBe(
      "metal,standard_name,cid,country,country_iso2,rmap_status,rmap_status_vintage,last_audit_date,audit_current_at_period_end,sanctions,supplier_count",
    );
    expect(csv.split("\r\n")[1]).toBe(`Gold,"'=HYPERLINK(""http://x"")",,PERU,PE,unknown,,,no,,1`);
  });

  it("declaration config rejects unknown keys and letters", () => {
    expect(DeclarationConfig.safeParse({ answers: { Z: "Yes" } }).success).toBe(false);
    expect(DeclarationConfig.safeParse({ scope: "Product", answers: { a: "Yes" } }).success).toBe(true);
    expect(DeclarationConfig.safeParse({ scopes: "x" }).success).toBe(false);
  });
});

describe("sanctions of facilities no CID identifies", () => {
  it("a typed refiner the screening matched to the SDN list is named in the drafts and the annex", () => {
    const typed = "Premier Gold Refinery L.L.C.";
    const parsed = RollupInput.parse({
      suppliers: [
        {
          supplierId: "S1",
          name: "Kivu Trading",
          declarations: [
            {
              declarationId: "g1",
              template: "CMRT",
              version: "6.5",
              answers: [...answers("Gold", clean)],
              smelters: [{ metal: "Gold", cid: null, name: typed, country: "CONGO, DEMOCRATIC REPUBLIC OF THE" }],
            },
          ],
        },
      ],
      reportedSanctions: [
        {
          key: `unmatched:gold:${normalizeName(typed)}`,
          hits: [{ list: "OFAC SDN", id: "35318", name: "PREMIER GOLD REFINERY LLC", program: "DRCONGO" }],
        },
      ],
    });
    const r = buildReportInput(parsed, {
      company,
      declaration: cmrtConfig,
      asOf: "2026-03-01",
      period: "2025",
      vintages,
    });
    expect(r.cmrt!.smelters[0]!.sanctions.map((h) => h.id)).toEqual(["35318"]);
    const md = secConflictMineralsReport(r);
    expect(md).toContain("1 reported facility(ies) are designated on a sanctions list");
    expect(md).toContain(
      "| Gold | Premier Gold Refinery L.L.C. | — | CONGO, DEMOCRATIC REPUBLIC OF THE | OFAC SDN 35318 (DRCONGO) | 1 |",
    );
    expect(smelterAnnexCsv(r.cmrt!.smelters, "2025-12-31").split("\r\n")[1]).toBe(
      'Gold,Premier Gold Refinery L.L.C.,,"CONGO, DEMOCRATIC REPUBLIC OF THE",CD,unknown,,,no,OFAC SDN 35318 (DRCONGO),1',
    );
  });
});
