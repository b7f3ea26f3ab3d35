import { describe, expect, it } from "vitest";
import { responseBucket } from "../../src/exports/_answers.ts";
import { questionMeaning } from "../../src/rmi/questions.ts";
import { DeclarationConfig, RollupInput } from "../../src/exports/rollup-input.ts";
import { rollupDeclaration } from "../../src/exports/rollup.ts";
import { company, cmrtConfig } from "./_fixtures.ts";

const cmrt = (metals: Record<string, string[]>) =>
  Object.entries(metals).flatMap(([mineral, a]) =>
    a.map((answer, i) => ({ question: String(i + 1), mineral, answer: answer || null })),
  );

const supplier = (id: string, metals: Record<string, string[]>, smelters: object[] = [], version = "6.5") => ({
  supplierId: id,
  name: id,
  declarations: [{ declarationId: `d-${id}`, template: "CMRT", version, answers: cmrt(metals), smelters }],
});

const countries = [
  { iso2: "CD", names: ["CONGO, DEMOCRATIC REPUBLIC OF THE", "DR Congo"], covered: true, cahra: true },
  { iso2: "RW", names: ["RWANDA"], covered: true, cahra: false },
  { iso2: "MM", names: ["MYANMAR"], covered: false, cahra: true },
  { iso2: "MY", names: ["MALAYSIA"], covered: false, cahra: false },
];

function roll(suppliers: object[], extra: Record<string, unknown> = {}, products?: string[]) {
  const input = RollupInput.parse({ suppliers, countries, ...extra });
  return rollupDeclaration(input, {
    family: "CMRT",
    company,
    declaration: cmrtConfig,
    asOf: "2026-04-30",
    ...(products ? { products } : {}),
  });
}
const answer = (r: ReturnType<typeof roll>, q: string, mineral: string) =>
  r.answers.find((a) => a.question === q && a.mineral === mineral)?.answer;

const clean = ["Yes", "Yes", "No", "No", "No", "100%", "Yes", "Yes"];
const msc = { metal: "Tin", cid: "CID001105", name: "Malaysia Smelting Corporation (MSC)", country: "MALAYSIA" };

describe("rollupDeclaration (CMRT)", () => {
  it("Q1 is Yes when any in-scope supplier says Yes, No when all responders say No", () => {
    const r = roll([supplier("A", { Tin: ["No"], Gold: ["No"] }), supplier("B", { Tin: clean, Gold: ["No"] }, [msc])]);
    expect(answer(r, "Q1", "Tin"), "one Yes is enough").toBe("Yes");
    expect(answer(r, "Q1", "Gold"), "all No").toBe("No");
    expect(answer(r, "Q3", "Gold"), "Q3–Q8 stay blank for a metal not used").toBeNull();
  });

  it("Q3/Q4 follow the smelter's country even when every supplier says No", () => {
    const rwanda = { metal: "Tin", cid: null, name: "Rwanda Tin Refinery", country: "RWANDA" };
    const r = roll([supplier("A", { Tin: clean }, [msc, rwanda])]);
    expect(answer(r, "Q3", "Tin"), "a smelter in a covered country").toBe("Yes");
    expect(answer(r, "Q4", "Tin"), "Rwanda is not on the CAHRA list given").toBe("No");
    const mm = roll([supplier("A", { Tin: clean }, [{ ...msc, mineCountries: "Malaysia, Myanmar" }])]);
    expect(answer(mm, "Q4", "Tin"), "mine country Myanmar is a CAHRA").toBe("Yes");
    expect(answer(mm, "Q3", "Tin")).toBe("No");
  });

  it("Q3/Q4 are Unknown when any using supplier answers Unknown or leaves them blank", () => {
    const r = roll([
      supplier("A", { Tin: clean }, [msc]),
      supplier("B", { Tin: ["Yes", "Yes", "Unknown", "", "No", "100%", "Yes", "Yes"] }, [msc]),
    ]);
    expect(answer(r, "Q3", "Tin")).toBe("Unknown");
    expect(answer(r, "Q4", "Tin"), "blank counts as unknown").toBe("Unknown");
  });

  it("Q5 is Yes only when every using supplier declares 100% recycled", () => {
    const recycled = ["Yes", "Yes", "No", "No", "Yes", "100%", "Yes", "Yes"];
    expect(answer(roll([supplier("A", { Gold: recycled }), supplier("B", { Gold: recycled })]), "Q5", "Gold")).toBe(
      "Yes",
    );
    expect(answer(roll([supplier("A", { Gold: recycled }), supplier("B", { Gold: clean })]), "Q5", "Gold")).toBe("No");
    expect(
      answer(
        roll([supplier("A", { Gold: recycled }), supplier("B", { Gold: ["Yes", "Yes", "No", "No", "Unknown"] })]),
        "Q5",
        "Gold",
      ),
    ).toBe("Unknown");
  });

  it.each([
    [4, 4, "100%"],
    [10, 11, "Greater than 90%"],
    [9, 11, "Greater than 75%"],
    [3, 4, "Greater than 50%"],
    [1, 2, "50% or less"],
    [0, 3, "None"],
  ])("Q6 buckets %i of %i responders as %s", (responded, relevant, expected) => {
    expect(responseBucket(responded, relevant, "CMRT")).toBe(expected);
  });

  it("Q6 and Q7 count suppliers that have not answered", () => {
    const r = roll([supplier("A", { Tin: clean }, [msc]), { supplierId: "B", name: "B", declarations: [] }]);
    expect(answer(r, "Q6", "Tin")).toBe("50% or less");
    expect(answer(r, "Q7", "Tin"), "a silent supplier may hide smelters").toBe("No");
    const all = roll([supplier("A", { Tin: clean }, [msc])]);
    expect(answer(all, "Q7", "Tin")).toBe("Yes");
    const gap = roll([
      supplier("A", { Tin: clean }, [
        msc,
        { metal: "Tin", cid: null, name: "Smelter not yet identified", country: null },
      ]),
    ]);
    expect(answer(gap, "Q7", "Tin"), "an unidentified row").toBe("No");
  });

  it("deduplicates smelters by metal and CID across suppliers and keeps who listed them", () => {
    const r = roll(
      [
        supplier("A", { Tin: clean }, [msc, { ...msc, cid: "CID 001105", name: "MSC" }]),
        supplier("B", { Tin: clean }, [{ ...msc, cid: "cid-001105" }]),
      ],
      {
        reference: [
          {
            cid: "CID001105",
            metal: "Tin",
            standardName: "Malaysia Smelting Corporation (MSC)",
            country: "MALAYSIA",
            countryIso2: "MY",
            rmiStatus: "conformant",
          },
        ],
      },
    );
    expect(r.smelters).toHaveLength(1);
    expect(r.smelters[0]).toMatchObject({
      cid: "CID001105",
      rmiStatus: "conformant",
      suppliers: ["A", "B"],
      inReference: true,
    });
  });

  it("reads earlier CMRT generations by meaning, not by number (5.x has no CAHRA question)", () => {
    expect(questionMeaning("CMRT", "5.12", "Q4")).toBe("recycled-scrap");
    expect(questionMeaning("CMRT", "6.5", "Q4")).toBe("cahra");
    expect(questionMeaning("EMRT", "2.1", "Q5")).toBe("response-share");
    expect(questionMeaning("EMRT", "1.3", "Q4")).toBe("recycled-scrap");
    const r = roll([supplier("A", { Tin: ["Yes", "Yes", "No", "Yes", "100%", "Yes", "Yes"] }, [msc], "5.12")]);
    expect(answer(r, "Q5", "Tin"), "5.x Q4 (recycled) → 6.x Q5").toBe("Yes");
    expect(answer(r, "Q4", "Tin"), "no 5.x answer for CAHRA").toBe("Unknown");
  });

  it("restricts a per-product roll-up to the product's BOM suppliers", () => {
    const suppliers = [supplier("A", { Tin: clean }, [msc]), supplier("B", { Gold: clean })];
    const products = [
      { number: "PCB-100", name: "Controller board", supplierIds: ["A"] },
      { number: "CAB-7", name: null, supplierIds: ["B"] },
    ];
    const r = roll(suppliers, { products }, ["PCB-100"]);
    expect(r.scope).toBe("Product");
    expect(r.products).toEqual([{ number: "PCB-100", name: "Controller board" }]);
    expect(answer(r, "Q1", "Gold"), "B is not on this BOM").toBe("No");
    expect(() => roll(suppliers, { products }, ["NOPE-1"])).toThrow(/unknown product NOPE-1 \(known: PCB-100, CAB-7\)/);
  });

  it("maps company answers to the template's option texts and rejects ambiguous ones", () => {
    const r = roll([supplier("A", { Tin: clean }, [msc])]);
    expect(r.companyAnswers.find((c) => c.question === "E")?.answer).toBe(
      "Yes, in conformance with IPC1755 (e.g., CMRT)",
    );
    expect(r.companyAnswers.find((c) => c.question === "B")?.comment).toBe(company.policyUrl);
    const bad = DeclarationConfig.parse({ answers: { H: "Yes" } });
    expect(() =>
      rollupDeclaration(RollupInput.parse({ suppliers: [] }), {
        family: "CMRT",
        company,
        declaration: bad,
        asOf: "2026-04-30",
      }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[AssayError: assay.config.json › declaration.answers.H: not an answer of CMRT question H: "Yes" (expected one of "Yes, with the SEC", "Yes, with the EU", "Yes, with the SEC and the EU", "No")]`,
    );
  });
});
