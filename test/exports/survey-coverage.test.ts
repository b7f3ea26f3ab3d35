import { describe, expect, it } from "vitest";
import { RollupInput } from "../../src/exports/rollup-input.ts";
import { familyCoverage, mineralCoverage } from "../../src/exports/survey-coverage.ts";

const q = (mineral: string, answers: string[]) =>
  answers.map((answer, i) => ({ question: String(i + 1), mineral, answer }));
const { suppliers } = RollupInput.parse({
  suppliers: [
    // Asked for a CMRT only, but also sent an EMRT declaring nickel (the sample's Väster Zenith Motion AB).
    {
      supplierId: "A",
      name: "Asked CMRT, sent EMRT",
      templates: ["CMRT"],
      answered: true,
      declarations: [
        { declarationId: "a1", template: "CMRT", answers: q("Tin", ["Yes", "Yes"]), smelters: [] },
        {
          declarationId: "a2",
          template: "EMRT",
          answers: q("Nickel", ["Yes", "Yes"]),
          smelters: [{ metal: "Nickel", cid: "CID003000", name: "N", country: "JAPAN" }],
        },
      ],
    },
    {
      supplierId: "B",
      name: "Asked EMRT for cobalt, declares cobalt and nickel",
      templates: ["EMRT"],
      minerals: ["Cobalt"],
      answered: true,
      declarations: [
        {
          declarationId: "b1",
          template: "EMRT",
          answers: [...q("Cobalt", ["Yes"]), ...q("Nickel", ["Yes"])],
          smelters: [],
        },
      ],
    },
    { supplierId: "C", name: "Asked EMRT, silent", templates: ["EMRT"], declarations: [] },
    {
      supplierId: "D",
      name: "Out of scope, sent an EMRT",
      inScope: false,
      templates: ["EMRT"],
      declarations: [{ declarationId: "d1", template: "EMRT", answers: q("Nickel", ["Yes"]), smelters: [] }],
    },
  ],
});

describe("survey coverage: who is relevant for a mineral", () => {
  it("counts an in-scope supplier whose declaration answers for the mineral, asked for that template or not", () => {
    expect(mineralCoverage(suppliers, "EMRT", "Nickel")).toMatchObject({
      relevant: ["A", "B", "C"],
      responded: ["A", "B"],
      notResponded: ["C"],
    });
    expect(mineralCoverage(suppliers, "EMRT", "Cobalt")).toMatchObject({ relevant: ["B", "C"], responded: ["B"] });
  });

  it("keeps out-of-scope suppliers out whatever they send, and CMRT coverage to the suppliers asked for it", () => {
    expect(familyCoverage(suppliers, "EMRT")).toMatchObject({ relevant: 3, responded: 2 });
    expect(mineralCoverage(suppliers, "CMRT", "Tin")).toMatchObject({ relevant: ["A"], responded: ["A"] });
  });
});
