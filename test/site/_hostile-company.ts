import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readTemplate } from "../../loaders/template/read-template.ts";
import { writeTemplate } from "../../src/generate/template/write-template.ts";
import { repoRoot } from "../helpers/paths.ts";

/** The marker every hostile field carries; a page shows it as text when the field is rendered inertly. */
export const SCRIPT_MARK = "<script>window.__xss=1</script>";

/**
 * Supplier text that would run, inject or format if any page treated it as HTML, Markdown, a Framework
 * `${…}` expression or a spreadsheet formula. Each field gets its own label so a leak names the field.
 */
export function hostile(field: string): string {
  return `=HYPERLINK("http://evil.example/${field}","${field}")${hostileText(field)}`;
}

/** The same without the leading formula: what a supplier master or BOM (which reject formula text) can carry. */
export function hostileText(field: string): string {
  return `${field} ${SCRIPT_MARK}<img src=x onerror="window.__xss=2"> \${window.__xss=3} **${field}** \`x\` [a](javascript:window.__xss=4) <!-- x`;
}

/** What the hostile CMRT types for a sanctioned refiner (OFAC SDN 35318, PREMIER GOLD REFINERY LLC, DRCONGO). */
export const SANCTIONED = {
  typed: "Premier Gold Refinery L.L.C.",
  entry: "35318",
  listed: "PREMIER GOLD REFINERY LLC",
};

function csvField(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

/**
 * Copies the sample company into `dir` and turns one supplier (SUP-0003, Bluefin Capacitor) hostile:
 * its master-data name, commodity and contact, a BOM product and part, an outreach note, and in its CMRT
 * (linked by DUNS) the company, contact and authorizer fields, answer comments, product rows, smelter
 * comments and three "Smelter not listed" rows with hostile names and mine names, plus a fourth naming a sanctioned
 * refiner (SANCTIONED).
 * Returns the config file to pass to `assay build --config`.
 */
export async function writeHostileCompany(dir: string): Promise<{ config: string; supplierId: string; name: string }> {
  cpSync(join(repoRoot, "data/sample"), dir, { recursive: true });
  const name = hostileText("Bluefin");
  const supplierId = "SUP-0003";
  const masterPath = join(dir, "suppliers.csv");
  const master = readFileSync(masterPath, "utf8").split("\n");
  const at = master.findIndex((l) => l.startsWith(`${supplierId},`));
  if (at < 0) throw new Error(`${masterPath}: ${supplierId} not found`);
  master[at] = [
    supplierId,
    csvField(name),
    "India",
    csvField(hostileText("commodity")),
    "268785",
    csvField(hostileText("contact")),
    "ravi.wang@bluefin-capacitor.example.in",
    "181676676",
    "",
  ].join(",");
  writeFileSync(masterPath, master.join("\n"));
  // A product and a part only this supplier supplies, with hostile names; and a hostile outreach note.
  const boms = join(dir, "boms.csv");
  writeFileSync(
    boms,
    `${readFileSync(boms, "utf8").trimEnd()}\nPRD-9999,${csvField(hostileText("bom-product"))},PN-999999,${csvField(hostileText("part"))},${supplierId}\n`,
  );
  const outreach = join(dir, "outreach.csv");
  writeFileSync(
    outreach,
    `${readFileSync(outreach, "utf8").trimEnd()}\n${supplierId},2025-03-01,email,ravi.wang@bluefin-capacitor.example.in,reminder,${csvField(hostile("note"))}\n`,
  );

  const file = join(dir, "inbox", "CMRT_Bluefin_Capacitor_Limited_2025.xlsx");
  const decl = readTemplate(readFileSync(file), {
    file: "CMRT_Bluefin_Capacitor_Limited_2025.xlsx",
    asOf: "2026-06-30",
  });
  const notListed = ["Tin", "Tantalum", "Gold"].map((metal, i) => ({
    metal,
    lookupName: "Smelter not listed",
    name: hostile(`smelter${i}`),
    country: "CHINA",
    mineNames: hostile(`mine${i}`),
    mineCountries: "CHINA",
    comments: hostile(`smelter-comment${i}`),
  }));
  // A sanctioned refiner that is no RMI facility, typed as "Smelter not listed": only the screening of reported
  // spellings (reported_smelter_screening) can find it.
  notListed.push({
    metal: "Gold",
    lookupName: "Smelter not listed",
    name: SANCTIONED.typed,
    country: "UNITED ARAB EMIRATES",
    mineNames: "",
    mineCountries: "",
    comments: "",
  });
  const bytes = await writeTemplate(
    {
      ...decl,
      company: {
        ...decl.company,
        name: hostile("company"),
        scopeDescription: hostile("scope"),
        contactName: hostile("contact"),
        contactEmail: `x@evil.example"><script>window.__xss=5</script>`,
        authorizer: hostile("authorizer"),
        authorizerTitle: hostile("title"),
        address: hostile("address"),
      },
      answers: decl.answers.map((a) => ({ ...a, comment: hostile(`answer-${a.question}`) })),
      companyAnswers: decl.companyAnswers.map((a) => ({ ...a, comment: hostile(`company-answer-${a.question}`) })),
      smelters: [...decl.smelters.map((s) => ({ ...s, comments: hostile(`comment-${s.row}`) })), ...notListed],
      products: [
        ...decl.products,
        { number: hostile("product-number"), name: hostile("product"), comments: hostile("product-comment") },
      ],
    },
    { template: "CMRT", version: "6.5" },
  );
  writeFileSync(file, bytes);

  const config = join(dir, "assay.config.json");
  writeFileSync(
    config,
    JSON.stringify({
      company: {
        name: "Northwind Instruments Ltd.",
        contactName: "Responsible Sourcing Team",
        contactEmail: "responsible.sourcing@northwind.example",
      },
      period: "2025",
      inputs: { inbox: ["inbox"], supplierMaster: "suppliers.csv", boms: ["boms.csv"], outreachLog: "outreach.csv" },
    }),
  );
  return { config, supplierId, name };
}
