import { canonicalMineral, familyMinerals } from "../rmi/minerals.ts";
import { verdictOf } from "./_answers.ts";
import type { RollupDeclaration, RollupFamily, RollupSupplier } from "./rollup-input.ts";

/**
 * The one survey-coverage computation (issue #14): the roll-up's response share and Q1/Q7-style answers, the CMR's
 * RCOI sentence, the Batteries figures, the executive report and the site all read it.
 *
 * - relevant = suppliers the engagement stage put in scope and asked for this template family (for EMRT, those
 *   declaring the mineral, and the silent ones for every mineral someone declares), and any in-scope supplier whose
 *   declaration answers for the mineral although it was not asked for it (an EMRT from a CMRT-only supplier);
 * - responded = relevant suppliers with a usable current declaration (no error findings) that speaks for the mineral,
 *   and — when the engagement stage ran — whose answer it accepted for this campaign (not dated before it).
 */
export interface MineralCoverage {
  family: RollupFamily;
  mineral: string;
  /** Supplier ids, sorted. */
  relevant: string[];
  responded: string[];
  /** Relevant suppliers without a usable declaration: silent, or whose declaration has errors. */
  notResponded: string[];
}

export interface FamilyCoverage {
  family: RollupFamily;
  /** Suppliers relevant for at least one mineral of the family. */
  relevant: number;
  /** Of those, the ones with a usable declaration for every mineral they are relevant for (each supplier once). */
  responded: number;
  minerals: MineralCoverage[];
}

const EMRT_FAMILY = new Set(["EMRT", "CRT", "AMRT"]);

function inFamily(d: RollupDeclaration, family: RollupFamily): boolean {
  const t = d.template.toUpperCase();
  return family === "CMRT" ? t === "CMRT" : EMRT_FAMILY.has(t);
}

/** Whether the engagement stage asked this supplier for the family's template (CRT/AMRT answer for EMRT minerals). */
function asked(s: RollupSupplier, family: RollupFamily): boolean {
  if (s.templates === null) return true;
  return s.templates.some((t) => (family === "CMRT" ? t.toUpperCase() === "CMRT" : EMRT_FAMILY.has(t.toUpperCase())));
}

/** The supplier's newest declaration of the family that speaks for `mineral` (a CMRT covers all four metals). */
export function declarationFor(
  s: RollupSupplier,
  family: RollupFamily,
  mineral: string,
  options: { usableOnly?: boolean } = {},
): RollupDeclaration | null {
  const fits = s.declarations.filter((d) => {
    if (!inFamily(d, family) || (options.usableOnly && !d.usable)) return false;
    if (d.template.toUpperCase() === "CMRT") return true;
    return d.answers.some((a) => canonicalMineral(a.mineral) === mineral && verdictOf(a.answer) !== "not-declaring");
  });
  fits.sort((a, b) => (b.effectiveDate ?? "").localeCompare(a.effectiveDate ?? ""));
  return fits[0] ?? null;
}

function isRelevant(s: RollupSupplier, family: RollupFamily, mineral: string, declaredByAny: boolean): boolean {
  if (!s.inScope) return false;
  const forMineral = (m: string) => canonicalMineral(m) === mineral;
  // A declaration that answers for the mineral makes an in-scope supplier relevant, asked for that template or mineral
  // or not: it responded, and the smelters it lists are in the supply chain (a CMRT answers for the supplier's metals).
  if (
    declarationFor(s, family, mineral) !== null &&
    (family !== "CMRT" || s.minerals === null || s.minerals.some(forMineral))
  )
    return true;
  if (!asked(s, family)) return false;
  if (s.minerals !== null) return s.minerals.some(forMineral);
  if (family === "CMRT") return true;
  return declaredByAny && !s.declarations.some((d) => inFamily(d, family));
}

/** Relevant and responding suppliers for one mineral. */
export function mineralCoverage(
  suppliers: readonly RollupSupplier[],
  family: RollupFamily,
  mineral: string,
): MineralCoverage {
  const declared = family === "CMRT" || suppliers.some((s) => s.inScope && declarationFor(s, family, mineral) !== null);
  const relevant = suppliers.filter((s) => isRelevant(s, family, mineral, declared));
  const responded = relevant.filter(
    (s) => s.answered !== false && declarationFor(s, family, mineral, { usableOnly: true }) !== null,
  );
  const ids = (list: readonly RollupSupplier[]) => list.map((s) => s.supplierId).sort();
  const answered = new Set(responded.map((s) => s.supplierId));
  return {
    family,
    mineral,
    relevant: ids(relevant),
    responded: ids(responded),
    notResponded: ids(relevant.filter((s) => !answered.has(s.supplierId))),
  };
}

/** Coverage of every mineral of a family, and the family's supplier counts (each supplier once). */
export function familyCoverage(suppliers: readonly RollupSupplier[], family: RollupFamily): FamilyCoverage {
  const minerals = familyMinerals(family).map((m) => mineralCoverage(suppliers, family, m));
  const relevant = new Set(minerals.flatMap((m) => m.relevant));
  const silent = new Set(minerals.flatMap((m) => m.notResponded));
  return { family, relevant: relevant.size, responded: [...relevant].filter((id) => !silent.has(id)).length, minerals };
}
