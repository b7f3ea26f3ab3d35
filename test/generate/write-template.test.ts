import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { writeTemplate, type TemplateInput } from "../../src/generate/template/write-template.ts";

const input: TemplateInput = {
  company: {
    name: "Harrow Precision Components Ltd",
    scope: "Product",
    uniqueId: "219876543",
    uniqueIdAuthority: "DUNS",
    contactName: "Mira Holt",
    contactEmail: "mira.holt@harrow.example",
    contactPhone: "+44 20 7946 0000",
    authorizer: "Daniel Price",
    authorizerEmail: "d.price@harrow.example",
    effectiveDate: "2025-02-28",
  },
  answers: [
    { question: "Q1", mineral: "Tin", answer: "Yes", comment: null },
    { question: "Q2", mineral: "Tin", answer: "Yes", comment: null },
    { question: "Q6", mineral: "Tin", answer: "100%", comment: null },
    { question: "Q1", mineral: "Gold", answer: "No", comment: "no gold in scope" },
  ],
  companyAnswers: [
    { question: "A", mineral: null, answer: "Yes", comment: null },
    { question: "B", mineral: null, answer: "Yes", comment: "https://harrow.example/minerals-policy" },
    { question: "H", mineral: null, answer: "No", comment: null },
  ],
  smelters: [
    { cid: "CID000929" },
    { metal: "Tin", lookupName: "Smelter not listed", name: "Yunnan Tin Company Limitd", country: "CHINA" },
  ],
  products: [{ number: "HP-100", name: "Sensor housing", comments: null }],
};

async function read(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** The cached value a reader sees: formula results unwrapped, hyperlinks as text. */
function value(wb: ExcelJS.Workbook, sheet: string, cell: string): unknown {
  const v = wb.getWorksheet(sheet)?.getCell(cell).value;
  if (v && typeof v === "object" && "formula" in v) return v.result ?? null;
  if (v && typeof v === "object" && "hyperlink" in v) return v.text;
  return v ?? null;
}

describe("writeTemplate CMRT 6.5", () => {
  it("lays out sheets and key cells like RMI's template", async () => {
    const wb = await read(await writeTemplate(input, { template: "CMRT", version: "6.5" }));
    expect(wb.worksheets.map((w) => `${w.name}${w.state === "hidden" ? "*" : ""}`)).toEqual([
      "Revision",
      "Instructions",
      "Definitions",
      "Declaration",
      "Smelter List",
      "Checker",
      "Product List",
      "Smelter Look-up",
      "L*",
      "C*",
      "SorP*",
    ]);
    expect(value(wb, "Declaration", "D2"), "title").toBe("Conflict Minerals Reporting Template (CMRT)");
    expect(String(value(wb, "Declaration", "J3")).replace(/\r/g, "")).toBe("Revision 6.5\nApril 25, 2025");
    expect(value(wb, "Declaration", "D8")).toBe("Harrow Precision Components Ltd");
    expect(value(wb, "Declaration", "D9")).toBe("B. Product (or List of Products)");
    expect(value(wb, "Declaration", "D12")).toBe("219876543");
    expect(value(wb, "Declaration", "D16")).toBe("mira.holt@harrow.example");
    expect((value(wb, "Declaration", "D22") as Date).toISOString().slice(0, 10), "effective date serial").toBe(
      "2025-02-28",
    );
    expect(value(wb, "Declaration", "D27"), "Q1 Tin").toBe("Yes");
    expect(value(wb, "Declaration", "D57"), "Q6 Tin (6.31+: text)").toBe("100%");
    expect(value(wb, "Declaration", "G28"), "Q1 Gold comment").toBe("no gold in scope");
    expect(value(wb, "Declaration", "D75")).toBe("Yes");
    expect(value(wb, "Declaration", "G77"), "B URL").toBe("https://harrow.example/minerals-policy");
    expect(value(wb, "Declaration", "D89")).toBe("No");
    expect(wb.getWorksheet("Declaration")!.getCell("E8").master.address, "company fields merged D:J").toBe("D8");
    // Revision table: last row of the history is the version.
    const rev = wb.getWorksheet("Revision")!;
    expect(value(wb, "Revision", "B12")).toBe("REVISION");
    let last: unknown = null;
    for (let r = 13; r <= rev.rowCount; r++)
      if (typeof rev.getCell(`B${r}`).value === "number") last = rev.getCell(`B${r}`).value;
    expect(last).toBe(6.5);
    // Smelter List: CID in A and F, look-up filled from the reference list.
    expect(value(wb, "Smelter List", "A5")).toBe("CID000929");
    expect(value(wb, "Smelter List", "B5")).toBe("Gold");
    expect(value(wb, "Smelter List", "C5")).toBe("JSC Uralelectromed");
    expect(value(wb, "Smelter List", "E5")).toBe("RUSSIAN FEDERATION");
    expect(value(wb, "Smelter List", "F5")).toBe("CID000929");
    expect(value(wb, "Smelter List", "C6")).toBe("Smelter not listed");
    expect(value(wb, "Smelter List", "D6")).toBe("Yunnan Tin Company Limitd");
    expect(value(wb, "Smelter List", "E6")).toBe("CHINA");
    expect(value(wb, "Smelter List", "A7")).toBeNull();
    // Product List header row 5, data row 6, copyright footer in B2006.
    expect(value(wb, "Product List", "B5")).toBe("Responder's Product Number (*)");
    expect(value(wb, "Product List", "B6")).toBe("HP-100");
    expect(String(value(wb, "Product List", "B2006"))).toMatch(/^© 2025 Responsible Minerals Initiative/);
    // Look-up header row 4, the full shipped list from row 5.
    const lookup = wb.getWorksheet("Smelter Look-up")!;
    expect(value(wb, "Smelter Look-up", "E4")).toBe("Smelter ID");
    expect(lookup.rowCount - 4, "CMRT 6.5 look-up rows").toBe(637);
  });

  it("stores Q6 100% as the number 1 up to 6.22", async () => {
    const wb = await read(await writeTemplate(input, { template: "CMRT", version: "6.22" }));
    expect(value(wb, "Declaration", "D57")).toBe(1);
    expect(value(wb, "Product List", "B5")).toBe("Manufacturer's Product Number (*)");
  });

  it("injects the real-world defects on request", async () => {
    const buf = await writeTemplate(
      {
        ...input,
        smelters: [{ cid: "CID000929" }, { cid: "CID001105" }],
        company: { ...input.company, name: "Harrow" },
      },
      {
        template: "CMRT",
        version: "6.4",
        defects: {
          effectiveDateAsText: true,
          cidOnlyInF: true,
          pastedZeros: true,
          whitespaceNoise: true,
          hyperlinkEmails: true,
        },
      },
    );
    const wb = await read(buf);
    expect(value(wb, "Declaration", "D22")).toBe("28-Feb-2025");
    expect(value(wb, "Declaration", "D8")).toBe("Harrow\t\t\t\t\t\t");
    expect(wb.getWorksheet("Declaration")!.getCell("D16").value).toEqual({
      text: "mira.holt@harrow.example",
      hyperlink: "mailto:mira.holt@harrow.example",
    });
    expect(value(wb, "Smelter List", "A5"), "CID only in F").toBeNull();
    expect(value(wb, "Smelter List", "F6")).toBe("CID001105");
    expect(value(wb, "Smelter List", "H5"), "pasted street").toBe(0);
    const spaced = await read(
      await writeTemplate(
        { smelters: [{ cid: "CID000801" }] },
        { template: "CMRT", version: "6.5", defects: { spacedCids: true } },
      ),
    );
    expect(value(spaced, "Smelter List", "A5")).toBe("CID 000801");
  });

  it("fills a real-size Smelter List with helper formulas and honours deleted rows", async () => {
    const buf = await writeTemplate(input, {
      template: "CMRT",
      version: "6.5",
      realSize: true,
      defects: { deletedRows: 77 },
    });
    expect(buf.length, "real-size file is several hundred KB").toBeGreaterThan(300_000);
    const wb = await read(buf);
    const list = wb.getWorksheet("Smelter List")!;
    expect(list.rowCount).toBe(2504 - 77);
    expect(list.getCell("AB2427").value).toMatchObject({ formula: "B2427&C2427" });
    expect(list.getColumn("R").hidden).toBe(true);
  });

  it("is byte-identical for identical input", async () => {
    const a = await writeTemplate(input, { template: "CMRT", version: "6.5" });
    await new Promise((r) => setTimeout(r, 1100));
    const b = await writeTemplate(input, { template: "CMRT", version: "6.5" });
    expect(createHash("sha256").update(a).digest("hex")).toBe(createHash("sha256").update(b).digest("hex"));
  });

  it("rejects an unknown version with the allowed list", async () => {
    await expect(writeTemplate(input, { template: "CMRT", version: "7.0" })).rejects.toThrowErrorMatchingInlineSnapshot(
      `[AssayError: writeTemplate: unsupported CMRT version: 7.0 (expected one of 6.01, 6.1, 6.22, 6.31, 6.4, 6.5)]`,
    );
  });
});

describe("writeTemplate EMRT 2.1", () => {
  const emrt: TemplateInput = {
    company: { name: "Cobaltia Batteries SA", scope: "Company", effectiveDate: "2025-11-03" },
    minerals: ["Nickel", "cobalt", "Mica"],
    answers: [
      { question: "1", mineral: "Cobalt", answer: "Yes", comment: null },
      { question: "5", mineral: "Nickel", answer: "Did not survey", comment: null },
    ],
    companyAnswers: [
      { question: "C", mineral: "Mica", answer: "Yes, when more processors are validated", comment: null },
      { question: "G", mineral: null, answer: "No", comment: null },
    ],
    smelters: [{ cid: "CID003264" }],
    products: [{ number: "B-7", name: "Cell", requesterNumber: "R-7", requesterName: "Cell pack", comments: null }],
    mines: [
      {
        metal: "Cobalt",
        smelterName: "Chemaf Etoile",
        name: "Etoile mine",
        country: "CONGO, DEMOCRATIC REPUBLIC OF THE",
      },
    ],
  };

  it("writes the shifted company block, sorted mineral rows, Mine List and 2.1 product columns", async () => {
    const wb = await read(await writeTemplate(emrt, { template: "EMRT", version: "2.1" }));
    expect(wb.worksheets.filter((w) => w.state !== "hidden").map((w) => w.name)).toEqual([
      "Revision",
      "Instructions",
      "Definitions",
      "Declaration",
      "Smelter List",
      "Checker",
      "Mine List",
      "Product List",
      "Smelter Look-up",
    ]);
    expect(String(value(wb, "Declaration", "J3")).replace(/\r/g, "")).toBe("Revision 2.1\nOctober 17, 2025");
    expect(value(wb, "Declaration", "D9")).toBe("A. Company");
    expect(["D12", "E12", "G12", "D13", "E13", "G13"].map((c) => value(wb, "Declaration", c))).toEqual([
      "Cobalt",
      "(Delete Copper)",
      "(Delete Graphite)",
      "(Delete Lithium)",
      "Mica",
      "Nickel",
    ]);
    expect((value(wb, "Declaration", "D26") as Date).toISOString().slice(0, 10)).toBe("2025-11-03");
    expect(["B30", "B31", "B32", "B33"].map((c) => value(wb, "Declaration", c))).toEqual([
      "Cobalt(*)",
      "Mica(*)",
      "Nickel(*)",
      null,
    ]);
    expect(value(wb, "Declaration", "D30")).toBe("Yes");
    expect(value(wb, "Declaration", "D80"), "Q5 Nickel is the third mineral row").toBe("Did not survey");
    expect(value(wb, "Declaration", "D121"), "C per mineral: Mica").toBe("Yes, when more processors are validated");
    expect(value(wb, "Declaration", "D137")).toBe("No");
    expect(value(wb, "Smelter List", "D4")).toBe("Smelter Name (*)");
    expect(value(wb, "Smelter List", "B5")).toBe("Cobalt");
    expect(value(wb, "Smelter List", "C5")).toBe("Chemaf Etoile");
    expect(String(value(wb, "Mine List", "M3")).replace(/\r/g, "")).toBe("Revision 2.1\nOctober 17, 2025");
    expect(value(wb, "Mine List", "C5")).toBe("Etoile mine");
    expect(value(wb, "Product List", "D5")).toBe("Requester Product Number");
    expect(value(wb, "Product List", "E6")).toBe("Cell pack");
    expect(String(value(wb, "Product List", "B1001"))).toMatch(/^© 2025/);
  });

  it("starts EMRT 2.0 with Instructions", async () => {
    const wb = await read(await writeTemplate(emrt, { template: "EMRT", version: "2.0" }));
    expect(wb.worksheets.slice(0, 2).map((w) => w.name)).toEqual(["Instructions", "Revision"]);
    expect(value(wb, "Product List", "D5")).toBe("Comments");
  });
});
