import { RiskModel } from "../../scoring/model.ts";

/** One paragraph of the Method page: what a part of the model does, with the figures of the model it describes. */
export interface ModelSection {
  title: string;
  text: string;
  /** The model parameters (dotted paths) the text states; a test checks that together they cover the whole model. */
  params: string[];
}

/**
 * The risk model in words, written from the model itself (the one stored with the scoring run), so the Method page
 * cannot describe figures the run did not use. docs/risk-model.md gives the rationale and sources of each factor.
 */
export function describeModel(model: RiskModel): ModelSection[] {
  const sections: ModelSection[] = [];
  const section = (title: string, build: (p: (path: string) => string) => string) => {
    const params: string[] = [];
    const p = (path: string): string => {
      const value = path
        .split(".")
        .reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), model);
      if (value === undefined) throw new Error(`risk model has no parameter ${path}`);
      params.push(path);
      // Shares (0–1) read as percentages; points and counts as they are.
      return typeof value === "number" && /dueDiligenceResidual|minCoverage/.test(path)
        ? `${Math.round(value * 100)}%`
        : String(value);
    };
    sections.push({ title, text: build(p), params });
  };
  const s = model.smelter;
  const minerals = Object.keys(s.mineral);

  section(
    "Smelter status",
    (p) =>
      `Each smelter starts from its RMAP status: conformant ${p("smelter.status.conformant")}, LBMA/RJC cross-recognised ${p("smelter.status.crossRecognised")}, active ${p("smelter.status.active")}, not matched to the RMI list or status unknown ${p("smelter.status.unknown")}, not participating ${p("smelter.status.notParticipating")}, removed by RMI or not operating ${p("smelter.status.removed")} (and Excluded).`,
  );
  section(
    "Audit freshness",
    (p) =>
      `A conformant facility whose audit (last audit + cycle) has lapsed at the as-of date adds ${p("smelter.freshness.expired")}, more than Active, and ${p("smelter.freshness.expiredLong")} once lapsed for over ${p("smelter.freshness.expiredLongAfterMonths")} months; ${p("smelter.freshness.expiredReauditInProgress")} when RMI lists a re-audit in progress, ${p("smelter.freshness.expiring")} when it expires within ${p("smelter.freshness.expiringWithinDays")} days, ${p("smelter.freshness.auditDateUnknown")} when no audit date is known.`,
  );
  section(
    "Sanctions",
    (p) =>
      `A confirmed sanctions hit (OFAC SDN, UK, EU) makes the smelter Critical whatever its audit; a possible match awaiting review adds ${p("smelter.sanctions.review")}.`,
  );
  section(
    "Origin and location",
    (p) =>
      `Reported mine countries (the worst counts) add ${p("smelter.origin.coveredCountry")} for a Dodd-Frank covered country (3TG only), ${p("smelter.origin.cahraCountry")} for a country on the EU CAHRA list as a whole (${p("smelter.origin.cahraRegion")} when only some regions are listed), ${p("smelter.origin.childLabour")} and ${p("smelter.origin.forcedLabour")} when the US DoL list names the mineral from that country for child or forced labour, and up to ${p("smelter.origin.governance")} for weak World Bank governance. The facility's own country is not the ore's origin and counts less: covered country ${p("smelter.location.coveredCountry")}, CAHRA ${p("smelter.location.cahraCountry")} (regions ${p("smelter.location.cahraRegion")}), child labour ${p("smelter.location.childLabour")}, forced labour ${p("smelter.location.forcedLabour")}, governance up to ${p("smelter.location.governance")}. Each part counts once, the larger of origin and location. A mine-country cell naming 15 or more countries is boilerplate and never used as origin.`,
  );
  section(
    "Mitigation by validated due diligence",
    (p) =>
      `OECD asks to mitigate rather than embargo: of the country and mineral points a smelter keeps ${p("smelter.dueDiligenceResidual.validated")} when conformant with a current audit or cross-recognised, ${p("smelter.dueDiligenceResidual.reauditInProgress")} when its audit lapsed with a re-audit in progress, ${p("smelter.dueDiligenceResidual.active")} when active, and all of them otherwise.`,
  );
  section(
    "Recycled feedstock, mineral and adverse evidence",
    (p) =>
      `Recycled or scrap feedstock counts ${p("smelter.recycled")} only for an audited facility (a supplier's claim about a facility outside RMAP is not evidence). ${minerals.map((m) => `${m[0]!.toUpperCase()}${m.slice(1)} adds ${p(`smelter.mineral.${m}`)}`).join("; ")} for the mineral's own child-labour exposure. A flag in the analyst's smelters-of-interest file adds ${p("smelter.adverseEvidence")}, not mitigated.`,
  );
  section(
    "Supplier exposure",
    (p) =>
      `A supplier scores ${p("supplier.smelterShare")} × the share of its smelters that are High, Critical, Excluded or unmatched, plus ${p("supplier.smelterSeverity")} × the worst smelter's score / 100; a Critical smelter puts it at least at ${p("supplier.criticalSmelterFloor")}.`,
  );
  section(
    "Supplier programme and sourcing answers",
    (p) =>
      `Questions are read by meaning, not by number or letter. No Yes to policy, due-diligence measures, review of suppliers or corrective action adds ${p("supplier.weakProgramme")}. Declared sourcing from covered countries or CAHRAs adds ${p("supplier.origin.declared")}, or ${p("supplier.origin.withoutDueDiligence")} when the supplier does not answer Yes to due-diligence measures; No while a listed smelter reports such origin adds ${p("supplier.origin.contradicted")}; Unknown or blank ${p("supplier.origin.unknown")}. A "100% recycled" claim contradicted by the smelter list adds ${p("supplier.recycledClaimContradicted")}; the claim itself never lowers a score.`,
  );
  section(
    "Supplier response quality",
    (p) =>
      `Declaration findings add ${p("supplier.findingError")} per error and ${p("supplier.findingWarning")} per warning (at most ${p("supplier.findingsCap")}). The answer to "share of relevant suppliers that responded" adds 100% ${p("supplier.surveyCoverage.full")}, over 90% ${p("supplier.surveyCoverage.over90")}, over 75% ${p("supplier.surveyCoverage.over75")}, over 50% ${p("supplier.surveyCoverage.over50")}, 50% or less ${p("supplier.surveyCoverage.atMost50")}, none ${p("supplier.surveyCoverage.none")}, blank ${p("supplier.surveyCoverage.missing")}. Not all smelters identified or reported adds ${p("supplier.incompleteSmelterList")}; minerals in scope with no smelter rows ${p("supplier.noSmelters")}; an effective date more than ${p("supplier.staleAfterMonths")} months before the as-of date ${p("supplier.stale")}, none at all ${p("supplier.effectiveDateMissing")}. Response quality counts at most ${p("supplier.responseQualityCap")} in all. A supplier who did not answer is a Data gap, never Low.`,
  );
  section(
    "Products",
    (p) =>
      `A product scores ${p("product.worstSupplier")} × its worst answered supplier's score / 100, plus ${p("product.meanSupplier")} × the mean answered supplier score / 100, plus ${p("product.smelterBreadth")} × the share of reachable smelters that are High, Critical or Excluded, plus ${p("product.coverageGap")} × (1 − coverage), coverage being the share of its in-scope suppliers that answered. A Critical smelter reachable through an answered supplier makes it Critical; below ${p("product.minCoverage")} coverage a product that would read Low shows Data gap.`,
  );
  section(
    "Bands",
    (p) =>
      `Low below ${p("bands.medium")}, Medium from ${p("bands.medium")}, High from ${p("bands.high")}; Critical, Excluded and Data gap are set only by the overrides above. Model version ${p("version")}.`,
  );
  return sections;
}

/** The description of a stored model, or null when it is not a model this version of Assay reads. */
export function describeStoredModel(stored: unknown): ModelSection[] | null {
  const parsed = RiskModel.safeParse(stored);
  return parsed.success ? describeModel(parsed.data) : null;
}
