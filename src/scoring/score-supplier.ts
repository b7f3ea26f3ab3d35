import { isConflictMineral } from "../rmi/minerals.ts";
import { addMonths } from "./dates.ts";
import type { DeclarationFacts, SupplierFacts } from "./facts.ts";
import type { RiskModel } from "./model.ts";
import {
  bandFor,
  bandRank,
  clamp100,
  round1,
  type Band,
  type Reason,
  type SmelterScore,
  type SupplierScore,
} from "./result.ts";
import { MEANING_LABEL } from "../rmi/questions.ts";

type Coverage = keyof RiskModel["supplier"]["surveyCoverage"];

/** Classifies a Q6 (CMRT) / Q5 (EMRT) answer; "100%" was stored as the number 1 before CMRT 6.31. */
export function surveyCoverageClass(answer: string | null): Coverage {
  const a = (answer ?? "").trim().toLowerCase().replace(/\s+/g, " ");
  if (a === "") return "missing";
  if (a === "100%" || a === "1" || a === "100") return "full";
  if (a.startsWith("greater than 90")) return "over90";
  if (a.startsWith("greater than 75")) return "over75";
  if (a.startsWith("greater than 50")) return "over50";
  if (a.startsWith("50% or less")) return "atMost50";
  if (a === "none" || a === "did not survey" || a === "0" || a === "0%") return "none";
  return "missing";
}

function isYes(answer: string | null | undefined): boolean {
  return /^yes\b/i.test((answer ?? "").trim());
}

function smelterReasons(d: DeclarationFacts, smelters: ReadonlyMap<string, SmelterScore>, model: RiskModel): Reason[] {
  const w = model.supplier;
  const scores = [...new Set(d.smelterKeys)]
    .map((k) => smelters.get(k))
    .filter((s): s is SmelterScore => s !== undefined);
  if (scores.length === 0) {
    if (d.mineralsInScope.length === 0) return [];
    return [
      {
        factor: "no-smelters",
        points: w.noSmelters,
        evidence: `declares ${d.mineralsInScope.join(", ")} in scope but lists no smelters`,
      },
    ];
  }
  // Excluded (removed / not operating) smelters need follow-up with the supplier, so they count with High and
  // Critical; so do smelters matching nothing on the RMI list — unverifiable is not low risk.
  const flagged = scores.filter(
    (s) => s.band === "High" || s.band === "Critical" || s.band === "Excluded" || s.flags.includes("unmatched"),
  );
  const share = flagged.length / scores.length;
  const worst = scores.reduce((a, b) => (b.score > a.score ? b : a));
  const named = flagged
    .slice(0, 5)
    .map((s) => `${s.key} (${s.band})`)
    .join(", ");
  return [
    {
      factor: "smelter-share",
      points: round1(w.smelterShare * share),
      evidence: `${flagged.length} of ${scores.length} smelters High, Critical, excluded or unmatched${named ? `: ${named}${flagged.length > 5 ? ", …" : ""}` : ""}`,
    },
    {
      factor: "smelter-severity",
      points: round1((w.smelterSeverity * worst.score) / 100),
      evidence: `worst smelter ${worst.key} scores ${worst.score} (${worst.band})`,
    },
  ];
}

/** Factors about how well the declaration was filled in, as opposed to what it says about the supply chain. */
const QUALITY_FACTORS = new Set([
  "declaration-quality",
  "survey-coverage",
  "incomplete-smelter-list",
  "staleness",
  "recycled-claim",
]);

// EMRT 1.x offers "DRC only" and "India and/or Madagascar only" as answers to its origin question: both are a Yes.
const saysYes = (a: string | null | undefined) => /^(yes|drc|india)/i.test((a ?? "").trim());
const saysNo = (a: string | null | undefined) => /^no\b/i.test((a ?? "").trim());

/** CMRT Q3/Q4, EMRT Q3, CRT Q2 (origin) and the 100%-recycled answer, read against the supplier's own smelter list. */
function originReasons(
  d: DeclarationFacts,
  smelters: ReadonlyMap<string, SmelterScore>,
  model: RiskModel,
  dueDiligence: boolean,
): Reason[] {
  const w = model.supplier;
  const reasons: Reason[] = [];
  const listed = [...new Set(d.smelterKeys)]
    .map((k) => smelters.get(k))
    .filter((s): s is SmelterScore => s !== undefined);
  const declared: string[] = [];
  const unknown: string[] = [];
  const contradicted: string[] = [];
  for (const [mineral, o] of Object.entries(d.origin ?? {})) {
    const asks = [
      {
        what: "covered countries",
        answer: o.covered,
        factor: "origin-covered",
        asked: isConflictMineral(mineral) && o.covered !== undefined,
      },
      { what: "CAHRAs", answer: o.cahra, factor: "origin-cahra", asked: o.cahra !== undefined },
    ];
    for (const q of asks.filter((x) => x.asked)) {
      if (saysYes(q.answer)) declared.push(`${mineral} from ${q.what}`);
      else if (saysNo(q.answer)) {
        const hits = listed.filter(
          (s) => s.metal.toLowerCase() === mineral && s.reasons.some((r) => r.factor === q.factor),
        );
        if (hits.length > 0)
          contradicted.push(
            `${q.what} for ${mineral}, yet ${hits.length} listed ${mineral} smelter(s) report such origin (${hits
              .slice(0, 3)
              .map((s) => s.key)
              .join(", ")})`,
          );
      } else unknown.push(`${mineral} (${q.what})`);
    }
    const rows = d.smelterRows?.[mineral];
    if (saysYes(o.recycled) && rows && rows.rows > rows.recycled) {
      reasons.push({
        factor: "recycled-claim",
        points: w.recycledClaimContradicted,
        evidence: `declares 100% recycled or scrap ${mineral}, but ${rows.rows - rows.recycled} of ${rows.rows} ${mineral} Smelter List rows are not marked recycled`,
      });
    }
  }
  // One line, worth its worst item: an exposure answered Unknown, declared, or contradicted by the smelter list.
  const items = [
    ...(declared.length > 0
      ? [
          dueDiligence
            ? {
                points: w.origin.declared,
                text: `declares sourcing ${declared.join("; ")}: enhanced due diligence applies`,
              }
            : {
                points: w.origin.withoutDueDiligence,
                text: `declares sourcing ${declared.join("; ")} without answering Yes to due-diligence measures`,
              },
        ]
      : []),
    ...(contradicted.length > 0
      ? [{ points: w.origin.contradicted, text: `answers No to ${contradicted.join("; ")}` }]
      : []),
    ...(unknown.length > 0
      ? [{ points: w.origin.unknown, text: `origin answered Unknown or left blank for ${unknown.join(", ")}` }]
      : []),
  ];
  if (items.length > 0) {
    reasons.push({
      factor: "sourcing",
      points: Math.max(...items.map((i) => i.points)),
      evidence: items.map((i) => i.text).join("; "),
    });
  }
  return reasons;
}

function declarationReasons(
  d: DeclarationFacts,
  smelters: ReadonlyMap<string, SmelterScore>,
  model: RiskModel,
  asOf: string,
): Reason[] {
  const w = model.supplier;
  const reasons: Reason[] = [];
  const { error, warning } = d.findings;
  if (error + warning > 0) {
    const points = Math.min(w.findingsCap, error * w.findingError + warning * w.findingWarning);
    reasons.push({
      factor: "declaration-quality",
      points,
      evidence: `${error} error(s) and ${warning} warning(s) in the declaration`,
    });
  }
  const missing = d.programmeTest.filter((q) => !isYes(d.programme[q]));
  if (missing.length > 0) {
    const label = (m: string) => (MEANING_LABEL as Record<string, string>)[m] ?? m;
    reasons.push({
      factor: "programme",
      points: w.weakProgramme,
      evidence: `weak programme: no Yes to ${missing.map(label).join("; ")} (strong = Yes to ${d.programmeTest.map(label).join("; ")})`,
    });
  }
  // Where the template asks about due-diligence measures, a declared exposure without them weighs most.
  const dueDiligence =
    !d.programmeTest.includes("due-diligence-measures") || isYes(d.programme["due-diligence-measures"]);
  reasons.push(...originReasons(d, smelters, model, dueDiligence));
  let worst: { mineral: string; cls: Coverage; answer: string | null } | null = null;
  for (const mineral of d.mineralsInScope) {
    const answer = d.surveyCoverage[mineral] ?? null;
    const cls = surveyCoverageClass(answer);
    if (!worst || w.surveyCoverage[cls] > w.surveyCoverage[worst.cls]) worst = { mineral, cls, answer };
  }
  if (worst && w.surveyCoverage[worst.cls] !== 0) {
    const shown = worst.answer === null ? "blank" : `"${worst.answer}"`;
    reasons.push({
      factor: "survey-coverage",
      points: w.surveyCoverage[worst.cls],
      evidence: `supplier survey response rate for ${worst.mineral}: ${shown}`,
    });
  }
  if (d.incompleteSmelterList.length > 0) {
    reasons.push({
      factor: "incomplete-smelter-list",
      points: w.incompleteSmelterList,
      evidence: `answers No to "all smelters identified / reported" for ${d.incompleteSmelterList.join(", ")}`,
    });
  }
  if (!d.effectiveDate) {
    reasons.push({
      factor: "staleness",
      points: w.effectiveDateMissing,
      evidence: "declaration has no effective date",
    });
  } else {
    const staleFrom = addMonths(d.effectiveDate, w.staleAfterMonths);
    if (staleFrom !== null && staleFrom < asOf) {
      reasons.push({
        factor: "staleness",
        points: w.stale,
        evidence: `effective date ${d.effectiveDate} is more than ${w.staleAfterMonths} months before ${asOf}`,
      });
    }
  }
  return reasons;
}

/**
 * Scores a supplier from its latest declaration and the scores of the smelters it lists.
 * A supplier that did not answer, or sent a declaration without data (no Q1 answered Yes or No, no smelters),
 * gets no score and the "Data gap" band, never Low.
 * A Critical smelter lifts the supplier to at least `model.supplier.criticalSmelterFloor` (default High).
 */
export function scoreSupplier(
  f: SupplierFacts,
  smelters: ReadonlyMap<string, SmelterScore>,
  model: RiskModel,
  asOf: string,
): SupplierScore {
  const d = f.declaration;
  if (!d) {
    const reasons: Reason[] = [
      { factor: "non-response", points: 0, override: "data-gap", evidence: `no declaration received from ${f.name}` },
    ];
    return { supplierId: f.supplierId, score: null, band: "Data gap", responded: false, smelterCount: 0, reasons };
  }
  if (d.mineralsAnswered !== undefined && d.mineralsAnswered.length === 0 && d.smelterKeys.length === 0) {
    const reasons: Reason[] = [
      {
        factor: "non-response",
        points: 0,
        override: "data-gap",
        evidence: `declaration ${d.declarationId} answers question 1 for no mineral (blank or Unknown) and lists no smelters`,
      },
    ];
    return { supplierId: f.supplierId, score: null, band: "Data gap", responded: false, smelterCount: 0, reasons };
  }
  const reasons = [...smelterReasons(d, smelters, model), ...declarationReasons(d, smelters, model, asOf)];
  // Response quality weighs at most `responseQualityCap` (DOMAIN §6.3: 0.3 of a supplier's score), so a sloppy but
  // clean supply chain does not outrank one that reaches High-risk smelters.
  const quality = reasons.filter((r) => QUALITY_FACTORS.has(r.factor)).reduce((sum, r) => sum + r.points, 0);
  if (quality > model.supplier.responseQualityCap) {
    reasons.push({
      factor: "quality-cap",
      points: -round1(quality - model.supplier.responseQualityCap),
      evidence: `response-quality factors add ${round1(quality)}; they count at most ${model.supplier.responseQualityCap}`,
    });
  }
  let score = round1(clamp100(reasons.reduce((sum, r) => sum + r.points, 0)));
  let band: Band = bandFor(score, model.bands);
  const critical = [...new Set(d.smelterKeys)].filter((k) => smelters.get(k)?.band === "Critical");
  const floor = model.supplier.criticalSmelterFloor;
  if (critical.length > 0 && bandRank(floor) > bandRank(band)) {
    band = floor;
    score = Math.max(score, floor === "Critical" ? 100 : floor === "High" ? model.bands.high : model.bands.medium);
    reasons.unshift({
      factor: "critical-smelter",
      points: 0,
      override: "floor",
      evidence: `lists Critical smelter(s) ${critical.join(", ")}: at least ${floor}`,
    });
  }
  return { supplierId: f.supplierId, score, band, responded: true, smelterCount: new Set(d.smelterKeys).size, reasons };
}
