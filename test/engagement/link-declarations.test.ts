import { describe, expect, it } from "vitest";
import { DeclarationRef, Supplier } from "../../src/engagement/inputs.ts";
import { companyKey, compactId, linkDeclarations } from "../../src/engagement/link-declarations.ts";

const suppliers = [
  Supplier.parse({ supplierId: "SUP-1", name: "Honeywell International Inc.", uniqueId: "139691877" }),
  Supplier.parse({ supplierId: "SUP-2", name: "SK specialty Co., Ltd.", uniqueId: "4598802246" }),
  Supplier.parse({
    supplierId: "SUP-3",
    name: "Alder Electronics Sdn. Bhd.",
    declarationName: "ALDER ELECTRONICS SDN. BHD. (Penang plant)",
  }),
  Supplier.parse({ supplierId: "SUP-4", name: "Bluefin Capacitor Limited" }),
  Supplier.parse({ supplierId: "SUP-5", name: "Hütten Metall GmbH" }),
  Supplier.parse({ supplierId: "SUP-6", name: "Orion Circuits Co., Ltd." }),
  Supplier.parse({ supplierId: "SUP-7", name: "Orion Circuits Corporation" }),
];
const decl = (declarationId: string, extra: Record<string, unknown>) =>
  DeclarationRef.parse({ declarationId, ...extra });

describe("linkDeclarations", () => {
  it.each([
    [
      "a unique ID inside free text",
      { companyName: "Something else", uniqueId: "139691877 Honeywell International Inc." },
      "SUP-1",
      "unique-id",
    ],
    [
      "a Korean business number with dashes",
      { companyName: "SK specialty", uniqueId: "459-88-02246" },
      "SUP-2",
      "unique-id",
    ],
    [
      "the declaration name of the master",
      { companyName: "Alder Electronics Sdn Bhd (Penang Plant)" },
      "SUP-3",
      "name",
    ],
    ["a name with tabs and another legal form", { companyName: "Bluefin Capacitor Ltd\t\t\t" }, "SUP-4", "name"],
    ["diacritics folded", { companyName: "HUTTEN METALL GMBH" }, "SUP-5", "name"],
    ["the supplier id set at ingest", { supplierId: "SUP-4", companyName: "Unrelated Name" }, "SUP-4", "supplier-id"],
    ["a unique name prefix", { companyName: "Bluefin Capacitor Limited, Chennai Works" }, "SUP-4", "name-prefix"],
    [
      "the file name of a blank declaration",
      { companyName: null, file: "inbox/CMRT_Bluefin_Capacitor_Limited_2025.xlsx" },
      "SUP-4",
      "file-name",
    ],
    [
      "the file name of a placeholder declaration",
      { companyName: "ABC", file: "/x/Hutten_Metall-2025.xlsx" },
      "SUP-5",
      "file-name",
    ],
  ])("links by %s", (_, extra, supplierId, method) => {
    const { links, unlinked } = linkDeclarations(suppliers, [decl("D1", extra)]);
    expect(unlinked).toEqual([]);
    expect(links[0]).toMatchObject({ supplierId, method });
  });

  it.each([
    [
      "an unknown company",
      { companyName: "Zenith Tantalum Ltd", uniqueId: "N/A" },
      'no supplier in the master matches company name "Zenith Tantalum Ltd", unique ID "N/A"',
    ],
    [
      "two suppliers with the same name key",
      { companyName: "Orion Circuits Ltd" },
      'ambiguous: company name "Orion Circuits Ltd" matches suppliers SUP-6, SUP-7',
    ],
    [
      "no name and an uninformative file",
      { companyName: null, file: "upload-interrupted.xlsx" },
      "no supplier in the master matches no company name",
    ],
    [
      "a placeholder ID only",
      { companyName: null, uniqueId: "0000000" },
      "no supplier in the master matches no company name",
    ],
  ])("reports %s as unlinked, with the reason", (_, extra, reason) => {
    const { links, unlinked } = linkDeclarations(suppliers, [decl("D9", extra)]);
    expect(links).toEqual([]);
    expect(unlinked[0]?.reason).toContain(reason);
    expect(unlinked[0]?.declaration.declarationId).toBe("D9");
  });

  it("does not trust a file name when the declaration names another company", () => {
    const { unlinked } = linkDeclarations(suppliers, [
      decl("D2", { companyName: "Zenith Tantalum Ltd", file: "CMRT_Bluefin_Capacitor_Limited_2025.xlsx" }),
    ]);
    expect(unlinked).toHaveLength(1);
  });

  it("normalises keys", () => {
    expect(companyKey("Kunshan Precision Co., Ltd.")).toBe("kunshan precision");
    expect(companyKey("Limited")).toBe("limited");
    expect(compactId("459-88-02246")).toBe("4598802246");
    expect(compactId("N/A")).toBe("");
    expect(compactId("+0000000000")).toBe("");
  });

  it.each([
    [
      "Acme Electronics Kabushiki Kaisha",
      "Acme Electronics",
      "multi-word legal forms (were never matched word by word)",
    ],
    ["江西铜业股份有限公司", "江西铜业", "CJK legal suffix"],
    ["ООО «Ромашка»", "Romashka", "Cyrillic transliterated, ООО dropped"],
    ["Bank of Kunshan Holdings", "Bank Kunshan", "stop words and filler words"],
  ])("reduces %s like %s (%s): the one legal-form list of src/rmi", (a, b) => {
    expect(companyKey(a)).toBe(companyKey(b));
    expect(companyKey(a)).not.toBe("");
  });
});
