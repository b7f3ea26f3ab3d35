import { describe, expect, it } from "vitest";
import { Supplier } from "../../src/engagement/inputs.ts";
import { parseScopeConfig, scopeSupplier, ScopeConfig } from "../../src/engagement/scope.ts";

const defaults = ScopeConfig.parse({});
const supplier = (commodity: string | null, extra: Partial<Supplier> = {}) =>
  Supplier.parse({ supplierId: "S-001", name: "Acme", commodity, ...extra });

describe("scopeSupplier with the default rules", () => {
  it.each([
    ["Printed circuit boards", true, "minerals", "printed circuit boards"],
    ["PCBA assembly", true, "minerals", "printed circuit boards"],
    ["Electronic components", true, "minerals", "electronics"],
    ["Power cables and wire harnesses", true, "minerals", "cables and wire"],
    ["Lithium-ion batteries", true, "minerals", "batteries"],
    ["Solder paste", true, "minerals", "solder"],
    ["Gold plating services", true, "minerals", "plating and surface finishing"],
    ["Stainless steel fasteners", true, "minerals", "metals and metal parts"],
    ["Aluminium die castings", true, "minerals", "metals and metal parts"],
    ["Plastic housings with brass inserts", true, "minerals", "metals and metal parts"],
    ["Legal services", false, "service", "professional services"],
    ["Accounting & tax", false, "service", "professional services"],
    ["Management consulting", false, "service", "professional services"],
    ["Logistics for electronics", false, "service", "logistics"],
    ["Freight forwarding", false, "service", "logistics"],
    ["Janitorial supplies", false, "no-minerals", "goods without minerals"],
    ["Wood pallets", false, "no-minerals", "goods without minerals"],
    ["Plastic products", false, "no-minerals", "goods without minerals"],
    ["Corrugated cardboard boxes", false, "no-minerals", "goods without minerals"],
    ["Office paper", false, "no-minerals", "goods without minerals"],
  ])("%s → in scope %s (%s)", (commodity, inScope, rule, category) => {
    const d = scopeSupplier(supplier(commodity), defaults);
    expect(d.inScope, d.reason).toBe(inScope);
    expect(d.rule).toBe(rule);
    expect(d.category).toBe(category);
    expect(d.reason).toContain(JSON.stringify(commodity));
  });

  it("matches regardless of case, punctuation and surrounding words", () => {
    expect(scopeSupplier(supplier("BATTERIES"), defaults).inScope).toBe(true);
    expect(scopeSupplier(supplier("  sub-assemblies: Connectors  "), defaults).category).toBe("electronics");
  });

  it("puts unclassified and empty commodities in scope by default, and says why", () => {
    const d = scopeSupplier(supplier("Widgets"), defaults);
    expect(d).toMatchObject({ inScope: true, rule: "unclassified", templates: ["CMRT"] });
    expect(d.reason).toBe('commodity "Widgets" matches no scope rule; in scope by default (scope.unclassified = "in")');
    expect(scopeSupplier(supplier(null), defaults).reason).toMatch(/^no commodity in the supplier master/);
    const strict = ScopeConfig.parse({ unclassified: "out" });
    expect(scopeSupplier(supplier("Widgets"), strict).inScope).toBe(false);
  });

  it("requests the EMRT as well from battery and electronics suppliers, the CMRT alone from solder suppliers", () => {
    expect(scopeSupplier(supplier("Battery packs"), defaults).templates).toEqual(["CMRT", "EMRT"]);
    expect(scopeSupplier(supplier("Solder wire"), defaults).templates).toEqual(["CMRT", "EMRT"]);
    expect(scopeSupplier(supplier("Solder bars"), defaults).templates).toEqual(["CMRT"]);
    expect(scopeSupplier(supplier("Legal services"), defaults).templates).toEqual([]);
  });
});

describe("spend threshold and explicit lists", () => {
  const config = ScopeConfig.parse({ minAnnualSpend: 10_000, include: ["S-INC"], exclude: ["S-EXC"] });

  it.each([
    [{ commodity: "Capacitors", annualSpend: 9_999.5 }, false, "spend", "annual spend 9,999.5 below threshold 10,000"],
    [{ commodity: "Capacitors", annualSpend: 10_000 }, true, "minerals", "may contain minerals"],
    [{ commodity: "Capacitors", annualSpend: null }, true, "minerals", "may contain minerals"],
    [{ commodity: "Widgets", annualSpend: 50 }, false, "spend", "below threshold"],
    [
      { supplierId: "S-INC", commodity: "Legal services", annualSpend: 1 },
      true,
      "include",
      "included by configuration (scope.include)",
    ],
    [
      { supplierId: "S-EXC", commodity: "Tantalum capacitors", annualSpend: 1e7 },
      false,
      "exclude",
      "excluded by configuration (scope.exclude)",
    ],
  ] as const)("%j → in scope %s by %s", (extra, inScope, rule, reason) => {
    const d = scopeSupplier(supplier(null, extra), config);
    expect(d.inScope).toBe(inScope);
    expect(d.rule).toBe(rule);
    expect(d.reason).toContain(reason);
  });

  it("exclude wins over include", () => {
    const both = ScopeConfig.parse({ include: ["S-001"], exclude: ["S-001"] });
    expect(scopeSupplier(supplier("Capacitors"), both).rule).toBe("exclude");
  });

  it("extra categories extend the defaults", () => {
    const config = ScopeConfig.parse({
      extraCategories: [{ name: "optics", kind: "minerals", keywords: ["lens"], templates: ["CMRT"] }],
    });
    expect(scopeSupplier(supplier("Camera lenses"), config)).toMatchObject({ inScope: true, category: "optics" });
  });
});

describe("parseScopeConfig", () => {
  it("fills defaults from nothing", () => {
    expect(parseScopeConfig(undefined).minAnnualSpend).toBeNull();
    expect(parseScopeConfig({}).categories.length).toBeGreaterThan(5);
  });

  it("names the bad key and value rule", () => {
    expect(() => parseScopeConfig({ minAnnualSpend: -5, unclassified: "maybe" })).toThrowErrorMatchingInlineSnapshot(`
      [AssayError: assay.config.json: scope.minAnnualSpend: Too small: expected number to be >=0
      assay.config.json: scope.unclassified: Invalid option: expected one of "in"|"out"]
    `);
    expect(() => parseScopeConfig({ includes: ["x"] })).toThrow(/assay\.config\.json: scope/);
  });
});
