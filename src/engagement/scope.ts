import { normalizeName } from "../text/normalize.ts";
import type { Supplier } from "./inputs.ts";
import type { ScopeCategory, ScopeConfig } from "./scope-config.ts";

export { ScopeConfig, parseScopeConfig, DEFAULT_CATEGORIES } from "./scope-config.ts";

export type ScopeRule = "exclude" | "include" | "service" | "no-minerals" | "spend" | "minerals" | "unclassified";

export interface ScopeDecision {
  supplierId: string;
  inScope: boolean;
  /** Which rule decided: explicit lists, a commodity category, the spend threshold or the unclassified default. */
  rule: ScopeRule;
  /** The category that matched, if any. */
  category: string | null;
  reason: string;
  /** RMI templates to request (empty when out of scope). */
  templates: string[];
}

/** Same word up to an English plural ending: cable/cables, box/boxes, battery/batteries. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (short.length < 2) return false;
  return long === `${short}s` || long === `${short}es` || (short.endsWith("y") && long === `${short.slice(0, -1)}ies`);
}

function tokens(text: string): string[] {
  const n = normalizeName(text);
  return n === "" ? [] : n.split(" ");
}

function containsPhrase(haystack: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0 || phrase.length > haystack.length) return false;
  outer: for (let i = 0; i + phrase.length <= haystack.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (!sameWord(haystack[i + j]!, phrase[j]!)) continue outer;
    return true;
  }
  return false;
}

interface CategoryMatch {
  category: ScopeCategory;
  keyword: string;
}

/** The first category of `kind` with a keyword found in the commodity text. */
function firstMatch(
  commodity: readonly string[],
  categories: readonly ScopeCategory[],
  kind: ScopeCategory["kind"],
): CategoryMatch | null {
  for (const category of categories) {
    if (category.kind !== kind) continue;
    for (const keyword of category.keywords)
      if (containsPhrase(commodity, tokens(keyword))) return { category, keyword };
  }
  return null;
}

const money = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });

/**
 * Decides whether a supplier must provide a minerals declaration, and why.
 * Precedence: exclude list, include list, service categories (out), minerals categories (in, unless spend is
 * below `minAnnualSpend`), goods-without-minerals categories (out), then `unclassified` (default in).
 * Mixed commodities ("plastic housings with metal inserts") are in scope: any mineral keyword beats a no-minerals keyword.
 */
export function scopeSupplier(supplier: Supplier, config: ScopeConfig): ScopeDecision {
  const id = supplier.supplierId;
  const out = (rule: ScopeRule, reason: string, category: string | null = null): ScopeDecision => ({
    supplierId: id,
    inScope: false,
    rule,
    category,
    reason,
    templates: [],
  });
  if (config.exclude.includes(id)) return out("exclude", "excluded by configuration (scope.exclude)");
  if (config.include.includes(id)) {
    return {
      supplierId: id,
      inScope: true,
      rule: "include",
      category: null,
      reason: "included by configuration (scope.include)",
      templates: [...config.defaultTemplates],
    };
  }
  const categories = [...config.categories, ...config.extraCategories];
  const commodityText = supplier.commodity?.trim() ?? "";
  const commodity = tokens(commodityText);
  const quoted = JSON.stringify(commodityText);

  const service = firstMatch(commodity, categories, "service");
  if (service)
    return out(
      "service",
      `service provider: commodity ${quoted} matches "${service.keyword}" (${service.category.name})`,
      service.category.name,
    );

  const minerals = firstMatch(commodity, categories, "minerals");
  const spendCheck = (
    inReason: string,
    templates: string[],
    rule: ScopeRule,
    category: string | null,
  ): ScopeDecision => {
    const threshold = config.minAnnualSpend;
    if (threshold !== null && supplier.annualSpend !== null && supplier.annualSpend < threshold) {
      return out(
        "spend",
        `annual spend ${money(supplier.annualSpend)} below threshold ${money(threshold)} (${inReason})`,
        category,
      );
    }
    return { supplierId: id, inScope: true, rule, category, reason: inReason, templates };
  };
  if (minerals) {
    const reason = `commodity ${quoted} matches "${minerals.keyword}" (${minerals.category.name}): may contain minerals`;
    return spendCheck(reason, [...minerals.category.templates], "minerals", minerals.category.name);
  }

  const none = firstMatch(commodity, categories, "no-minerals");
  if (none)
    return out(
      "no-minerals",
      `goods without minerals: commodity ${quoted} matches "${none.keyword}" (${none.category.name})`,
      none.category.name,
    );

  const what =
    commodityText === "" ? "no commodity in the supplier master" : `commodity ${quoted} matches no scope rule`;
  if (config.unclassified === "out")
    return out("unclassified", `${what}; out of scope by default (scope.unclassified = "out")`);
  return spendCheck(
    `${what}; in scope by default (scope.unclassified = "in")`,
    [...config.defaultTemplates],
    "unclassified",
    null,
  );
}

/** Applies scopeSupplier to every supplier, in input order. */
export function scopeSuppliers(suppliers: readonly Supplier[], config: ScopeConfig): ScopeDecision[] {
  return suppliers.map((s) => scopeSupplier(s, config));
}
