import { describe, expect, it } from "vitest";
import type { Declaration } from "../../src/rmi/declaration.ts";
import { Declaration as DeclarationSchema } from "../../src/rmi/declaration.ts";
import { readTemplate } from "../../loaders/template/read-template.ts";
import { writeTemplate, type TemplateInput } from "../../src/generate/template/write-template.ts";
import { cleanCmrt } from "./sample-input.ts";

const AS_OF = "2025-06-01";

async function read(input: TemplateInput, version = "6.5", defects = {}): Promise<Declaration> {
  const bytes = await writeTemplate(input, { template: "CMRT", version, defects });
  return readTemplate(bytes, { file: "supplier.xlsx", asOf: AS_OF });
}

const codes = (d: Declaration) => d.findings.map((f) => `${f.severity}:${f.code}@${f.sheet ?? ""}!${f.cell ?? ""}`);

describe("readTemplate on generated CMRT workbooks", () => {
  it("reads a clean 6.5 response exactly, with no findings", async () => {
    const d = await read(cleanCmrt());
    expect(DeclarationSchema.safeParse(d).success).toBe(true);
    expect(d.template).toBe("CMRT");
    expect(d.version).toBe("6.5");
    expect(d.company.name).toBe("Kestrel Components Ltd.");
    expect(d.company.effectiveDate).toBe("2025-03-14");
    expect(d.minerals).toEqual(["Tantalum", "Tungsten"]);
    expect(d.answers.find((a) => a.question === "6" && a.mineral === "Tungsten")?.answer).toBe("100%");
    expect(d.companyAnswers.find((a) => a.question === "B")?.comment).toBe("https://kestrel.example.com/policy");
    expect(d.smelters.map((s) => [s.row, s.metal, s.cid, s.country])).toEqual([
      [5, "Tantalum", "CID002558", "JAPAN"],
      [6, "Tungsten", "CID002044", "AUSTRIA"],
    ]);
    expect(d.findings).toEqual([]);
  });

  it("reads the number 1 of a 6.22 Q6 as 100% and flags the outdated version", async () => {
    const d = await read(cleanCmrt(), "6.22");
    expect(d.version).toBe("6.22");
    expect(d.answers.filter((a) => a.question === "6" && a.answer === "100%")).toHaveLength(2);
    expect(codes(d)).toEqual(["warning:template-outdated@Declaration!J3"]);
  });

  it("survives pasted values, text dates, whitespace noise, CIDs only in F, spaced CIDs and deleted rows", async () => {
    const d = await read(cleanCmrt(), "6.4", {
      effectiveDateAsText: true,
      cidOnlyInF: true,
      pastedZeros: true,
      whitespaceNoise: true,
      deletedRows: 80,
      hyperlinkEmails: true,
    });
    expect(d.company.effectiveDate).toBe("2025-03-14");
    expect(d.company.name).toBe("Kestrel Components Ltd.");
    expect(d.company.contactEmail).toBe("ana.silva@kestrel.example.com");
    expect(d.smelters.map((s) => s.cid)).toEqual(["CID002558", "CID002044"]);
    expect(d.smelters.every((s) => s.street === null && s.contactName === null)).toBe(true);
    const spaced = await read(cleanCmrt(), "6.5", { spacedCids: true });
    expect(spaced.smelters.map((s) => s.cid)).toEqual(["CID002558", "CID002044"]);
  });

  it("reports every required company field the RMI Checker requires, at its cell", async () => {
    const d = await read(cleanCmrt({ company: { scope: "User defined" } }));
    const missing = d.findings.filter((f) => f.code === "required-field-missing").map((f) => f.cell);
    expect(missing.sort()).toEqual(["D10", "D15", "D16", "D17", "D18", "D20", "D22", "D8"].sort());
  });

  it("flags e-mails without @ as errors and malformed ones as warnings", async () => {
    const base = cleanCmrt();
    const d = await read({
      ...base,
      company: { ...base.company, contactEmail: "first,last@domain.com", authorizerEmail: "not available" },
    });
    expect(codes(d)).toContain("warning:email-invalid@Declaration!D16");
    expect(codes(d)).toContain("error:email-missing-at@Declaration!D20");
  });

  it("applies the Q1/Q2 gates: answers required only for metals in scope", async () => {
    const base = cleanCmrt();
    const d = await read({
      ...base,
      answers: base.answers!.filter(
        (a) => !(a.question === "3" && a.mineral === "Tungsten") && !(a.question === "1" && a.mineral === "Gold"),
      ),
    });
    expect(codes(d)).toContain("error:answer-missing@Declaration!D41");
    expect(codes(d)).toContain("error:answer-missing@Declaration!D28");
    // A blank Q1 leaves Gold undecided, so the Checker requires Gold's Q2–Q8 too: 1 + 7 + Tungsten's Q3.
    expect(codes(d).filter((c) => c.includes("answer-missing"))).toHaveLength(9);
    expect(codes(d)).not.toContain("error:answer-missing@Declaration!D39");
  });

  it("requires the policy URL when question B is Yes, and company answers when a metal is in scope", async () => {
    const base = cleanCmrt();
    const d = await read({
      ...base,
      companyAnswers: base
        .companyAnswers!.map((a) => (a.question === "B" ? { question: "B", answer: "Yes" } : a))
        .filter((a) => a.question !== "D"),
    });
    expect(codes(d)).toContain("error:policy-url-missing@Declaration!G77");
    expect(codes(d)).toContain("error:company-answer-missing@Declaration!D81");
  });

  it("needs a smelter per declared metal and warns about smelters of an undeclared metal", async () => {
    const base = cleanCmrt();
    const d = await read({
      ...base,
      smelters: [
        { metal: "Tantalum", lookupName: "Global Advanced Metals Aizu", cid: "CID002558" },
        { metal: "Gold", lookupName: "Smelter not listed", name: "Some Refinery" },
      ],
    });
    expect(codes(d)).toContain("error:metal-without-smelters@Smelter List!B5");
    expect(d.findings.find((f) => f.code === "metal-without-smelters")?.message).toContain("Tungsten");
    expect(codes(d), "points at Gold's question 1 answer").toContain(
      "warning:smelters-for-undeclared-metal@Declaration!D28",
    );
    expect(codes(d), "the audit warning beside the Checker error, at Tungsten's question 1 answer").toContain(
      "warning:declared-metal-without-smelters@Declaration!D29",
    );
    expect(codes(d)).toContain("error:smelter-not-listed-incomplete@Smelter List!E6");
  });

  it("warns on duplicates, malformed and unknown CIDs, Q7/Q8 No, stale dates and product scope without products", async () => {
    const base = cleanCmrt();
    const d = await read({
      ...base,
      company: { ...base.company, scope: "Product", effectiveDate: "2023-01-10" },
      answers: base.answers!.map((a) =>
        (a.question === "7" || a.question === "8") && a.mineral === "Tungsten" ? { ...a, answer: "No" } : a,
      ),
      smelters: [
        ...base.smelters!,
        { metal: "Tungsten", lookupName: "Wolfram Bergbau und Hutten AG", cid: "CID002044", comments: "again" },
        { metal: "Tungsten", lookupName: "Smelter not listed", name: "Old Mill", country: "CHINA", cid: "4CHN005" },
        { metal: "Tantalum", lookupName: "Smelter not listed", name: "New Co", country: "JAPAN", cid: "CID999999" },
        { metal: "Tin", lookupName: "Smelter not listed", name: "Mystery Tin", country: "PERU", cid: "RMI-4471" },
      ],
    });
    const c = codes(d);
    expect(c).toContain("warning:duplicate-smelter@Smelter List!B7");
    expect(c).toContain("info:legacy-smelter-id@Smelter List!F8");
    expect(c).not.toContain("warning:cid-malformed@Smelter List!F8");
    expect(c).toContain("warning:cid-malformed@Smelter List!F10");
    expect(c).toContain("warning:cid-unknown@Smelter List!F9");
    expect(c).toContain("warning:smelters-not-all-identified@Declaration!D65");
    expect(c).toContain("warning:smelter-info-not-all-reported@Declaration!D71");
    expect(c).toContain("warning:effective-date-stale@Declaration!D22");
    expect(c).toContain("error:product-list-empty@Product List!B6");
  });

  it("warns about an effective date after --as-of", async () => {
    const base = cleanCmrt();
    const d = await read({ ...base, company: { ...base.company, effectiveDate: "2025-07-01" } });
    expect(codes(d)).toEqual(["warning:effective-date-future@Declaration!D22"]);
  });

  it("reads products, skips the copyright footer and flags a product without a number", async () => {
    const base = cleanCmrt();
    const d = await read({
      ...base,
      company: { ...base.company, scope: "Product" },
      products: [
        { number: "KC-100", name: "Capacitor" },
        { name: "WF6", comments: "gas" },
      ],
    });
    expect(d.products).toEqual([
      { row: 6, number: "KC-100", name: "Capacitor", comments: null },
      { row: 7, number: null, name: "WF6", comments: "gas" },
    ]);
    expect(codes(d)).toEqual(["warning:product-number-missing@Product List!B7"]);
  });

  it("reads EMRT 2.1: selected minerals, per-mineral rows, requester product columns and the Mine List", async () => {
    const bytes = await writeTemplate(
      {
        company: cleanCmrt().company,
        minerals: ["Cobalt", "Mica"],
        answers: [
          { question: "1", mineral: "Cobalt", answer: "Yes" },
          { question: "1", mineral: "Mica", answer: "No" },
          { question: "5", mineral: "Cobalt", answer: "Did not survey" },
        ],
        smelters: [
          {
            metal: "Cobalt",
            lookupName: "Smelter not listed",
            name: "Kolwezi Refinery",
            country: "CONGO, DEMOCRATIC REPUBLIC OF THE",
          },
        ],
        products: [{ number: "P-1", name: "Battery", requesterNumber: "R-9", requesterName: "Pack", comments: "note" }],
        mines: [
          {
            metal: "Cobalt",
            smelterName: "Kolwezi Refinery",
            name: "Mutoshi",
            country: "CONGO, DEMOCRATIC REPUBLIC OF THE",
          },
        ],
      },
      { template: "EMRT", version: "2.1" },
    );
    const d = readTemplate(bytes, { file: "e.xlsx", asOf: AS_OF });
    expect([d.template, d.version]).toEqual(["EMRT", "2.1"]);
    expect(d.minerals).toEqual(["Cobalt", "Mica"]);
    expect(d.answers.find((a) => a.question === "5" && a.mineral === "Cobalt")?.answer).toBe("Did not survey");
    expect(d.products).toEqual([{ row: 6, number: "P-1", name: "Battery", comments: "note" }]);
    expect(d.mines.map((m) => [m.metal, m.smelterName, m.name])).toEqual([["Cobalt", "Kolwezi Refinery", "Mutoshi"]]);
    expect(d.smelters[0]?.name).toBe("Kolwezi Refinery");
  });
});
