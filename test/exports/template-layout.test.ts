import { describe, expect, it } from "vitest";
import { templateLayout } from "../../src/exports/_template-layout.ts";

// The writer's cell positions come from src/rmi/layouts.ts; these are the cells DOMAIN.md §3 and §4.2 document for
// the blanks the exporter fills.

describe("templateLayout (from the one cell map)", () => {
  it("puts the CMRT 6.x company declaration, questions and company questions in the documented cells", () => {
    const l = templateLayout("CMRT", "6.5");
    expect(l.company).toEqual({
      name: "D8",
      uniqueId: "D12",
      uniqueIdAuthority: "D13",
      address: "D14",
      contactName: "D15",
      contactEmail: "D16",
      contactPhone: "D17",
      authorizer: "D18",
      authorizerTitle: "D19",
      authorizerEmail: "D20",
      authorizerPhone: "D21",
    });
    expect([l.scope, l.scopeDescription, l.effectiveDate]).toEqual(["D9", "D10", "D22"]);
    expect([1, 2, 8].map((n) => l.questionRow(n))).toEqual([26, 32, 68]);
    expect(l.rowsPerQuestion).toBe(4);
    expect(l.companyRows).toEqual({ A: 75, B: 77, C: 79, D: 81, E: 83, F: 85, G: 87, H: 89 });
    expect(l.mineralPolicyRows).toBeNull();
    expect(l.productColumns).toEqual({ number: "B", name: "C", comments: "D" });
    expect(l.smelterList.firstRow).toBe(5);
    expect([l.smelterList.columns.cidInput, l.smelterList.columns.name, l.smelterList.columns.comments]).toEqual([
      "A",
      "D",
      "Q",
    ]);
    expect(l.mineList, "CMRT has no Mine List").toBeNull();
  });

  it("puts the EMRT 2.x cells where the EMRT blanks have them, with 2.1's Product List comments in F", () => {
    const l20 = templateLayout("EMRT", "2.0");
    const l21 = templateLayout("EMRT", "2.1");
    expect([l21.company.name, l21.company.uniqueId, l21.company.authorizerPhone, l21.effectiveDate]).toEqual([
      "D8",
      "D16",
      "D25",
      "D26",
    ]);
    expect([1, 2, 7].map((n) => l21.questionRow(n))).toEqual([30, 42, 102]);
    expect(l21.rowsPerQuestion).toBe(10);
    expect(l21.companyRows).toEqual({ A: 115, B: 117, D: 131, E: 133, F: 135, G: 137 });
    expect(l21.mineralPolicyRows).toBe(120);
    expect(l20.productColumns.comments).toBe("D");
    expect(l21.productColumns.comments).toBe("F");
    expect([l20.defaultLastSmelterRow, l21.defaultLastSmelterRow]).toEqual([2504, 2497]);
    // DOMAIN.md §4.2: header row 4, data 5–2504; A metal, B smelter, C mine name, D/E ID and source, F country, M
    // comments, hidden Q = A&B; revision in M3.
    for (const l of [l20, l21]) {
      expect(l.mineList?.firstRow).toBe(5);
      expect(l.mineList?.revisionCell).toBe("M3");
      const c = l.mineList!.columns;
      expect([c.metal, c.smelterName, c.name, c.mineId, c.idSource, c.country, c.comments, c.combined]).toEqual([
        "A",
        "B",
        "C",
        "D",
        "E",
        "F",
        "M",
        "Q",
      ]);
      expect(l.defaultLastMineRow).toBe(2504);
    }
  });
});
