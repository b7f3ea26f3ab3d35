import { countryParts } from "./country-points.ts";
import { addMonths, daysBetween } from "./dates.ts";
import type { SmelterFacts } from "./facts.ts";
import type { RiskModel } from "./model.ts";
import { bandFor, clamp100, round1, type Reason, type SmelterScore } from "./result.ts";

function statusReason(f: SmelterFacts, model: RiskModel): Reason {
  const w = model.smelter.status;
  const crossRecognised = f.lbma || f.rjc;
  const schemes = [f.lbma ? "LBMA" : null, f.rjc ? "RJC" : null].filter(Boolean).join(" and ");
  const id = f.cid ?? "no CID";
  switch (f.status) {
    case "conformant":
      return { factor: "rmi-status", points: w.conformant, evidence: `${id} is RMAP Conformant` };
    case "removed":
    case "not-operating":
      return {
        factor: "rmi-status",
        points: w.removed,
        evidence: `${id} is ${f.status === "removed" ? "removed from the RMI lists" : "not operating"}`,
      };
    case "unknown":
      return {
        factor: "rmi-status",
        points: crossRecognised ? Math.min(w.unknown, w.crossRecognised) : w.unknown,
        evidence: f.matched
          ? `${id}: RMAP status unknown`
          : `"${f.name}" (${f.metal}) does not match any smelter on the RMI reference list`,
      };
    default: {
      const base = f.status === "active" ? w.active : w.notParticipating;
      const label = f.status === "active" ? "RMAP Active (assessment under way)" : "not participating in RMAP";
      if (crossRecognised && w.crossRecognised < base) {
        return {
          factor: "cross-recognition",
          points: w.crossRecognised,
          evidence: `${id} is ${label} but cross-recognised through ${schemes}`,
        };
      }
      return { factor: "rmi-status", points: base, evidence: `${id} is ${label}` };
    }
  }
}

function freshnessReason(f: SmelterFacts, model: RiskModel, asOf: string): Reason | null {
  if (f.status !== "conformant") return null;
  const w = model.smelter.freshness;
  // An LBMA/RJC audit still counts as RMAP conformance (R8), so a lapsed RMAP audit weighs no more than cross-recognition.
  const crossCap = f.lbma || f.rjc ? model.smelter.status.crossRecognised : Infinity;
  if (!f.lastAuditDate || !f.auditCycleMonths) {
    return {
      factor: "audit-freshness",
      points: Math.min(crossCap, w.auditDateUnknown),
      evidence: "conformant, but the last audit date or audit cycle is not known",
    };
  }
  const validUntil = addMonths(f.lastAuditDate, f.auditCycleMonths);
  const left = validUntil === null ? null : daysBetween(asOf, validUntil);
  const audit = `last audit ${f.lastAuditDate}, ${f.auditCycleMonths}-month cycle`;
  if (left === null)
    return {
      factor: "audit-freshness",
      points: Math.min(crossCap, w.auditDateUnknown),
      evidence: `unreadable audit date: ${f.lastAuditDate}`,
    };
  if (left < 0) {
    const long = (addMonths(validUntil!, w.expiredLongAfterMonths) ?? "9999") < asOf;
    const points = Math.min(
      crossCap,
      f.reauditInProgress ? w.expiredReauditInProgress : long ? w.expiredLong : w.expired,
    );
    const re = `${f.reauditInProgress ? "; re-audit in progress" : ""}${Number.isFinite(crossCap) ? "; cross-recognised through LBMA/RJC" : ""}`;
    const over = long && !f.reauditInProgress ? `; more than ${w.expiredLongAfterMonths} months ago` : "";
    return {
      factor: "audit-freshness",
      points,
      evidence: `audit expired ${validUntil} (${-left} days before ${asOf}; ${audit}${re}${over})`,
    };
  }
  if (left <= w.expiringWithinDays) {
    return {
      factor: "audit-freshness",
      points: Math.min(crossCap, w.expiring),
      evidence: `audit expires ${validUntil}, ${left} days after ${asOf} (${audit})`,
    };
  }
  return { factor: "audit-freshness", points: 0, evidence: `audit valid until ${validUntil} (${audit})` };
}

type Validation = "validated" | "reauditInProgress" | "active" | null;

/** How far an independent audit vouches for the facility's due diligence on `asOf` (OECD Step 4). */
export function validation(f: SmelterFacts, asOf: string): Validation {
  if (f.lbma || f.rjc) return "validated";
  if (f.status === "active") return "active";
  if (f.status !== "conformant") return null;
  const validUntil = f.lastAuditDate && f.auditCycleMonths ? addMonths(f.lastAuditDate, f.auditCycleMonths) : null;
  if (validUntil === null || validUntil >= asOf) return "validated";
  return f.reauditInProgress ? "reauditInProgress" : null;
}

const VALIDATION_TEXT: Record<Exclude<Validation, null>, string> = {
  validated: "an independent audit validates its due diligence",
  reauditInProgress: "its audit lapsed and a re-audit is under way",
  active: "its RMAP assessment is under way",
};

/**
 * Scores one smelter or refiner, 0–100, with the reasons that make up the score.
 * Overrides: a sanctions `hit` makes it Critical (score 100); a removed or non-operating facility is
 * Excluded and flagged as a data-quality issue (its weighted score is still computed and shown).
 * Pure: `asOf` (YYYY-MM-DD) is the date audit freshness is measured against.
 */
export function scoreSmelter(f: SmelterFacts, model: RiskModel, asOf: string): SmelterScore {
  const s = model.smelter;
  const reasons: Reason[] = [statusReason(f, model)];
  const flags: string[] = [];
  if (!f.matched) flags.push("unmatched");
  if (f.status === "removed" || f.status === "not-operating") flags.push(f.status);

  const fresh = freshnessReason(f, model, asOf);
  if (fresh) reasons.push(fresh);
  if (f.status === "conformant" && (!f.lastAuditDate || !f.auditCycleMonths)) flags.push("audit-date-unknown");

  if (f.sanctions === "review") {
    reasons.push({
      factor: "sanctions",
      points: s.sanctions.review,
      evidence: `possible sanctions match under review${f.sanctionsEvidence ? `: ${f.sanctionsEvidence}` : ""}`,
    });
  }
  // Country and mineral exposure: what OECD asks a company to manage, not to avoid. A validated audit mitigates it.
  const exposure: Reason[] = [];
  for (const p of countryParts(f.location, f.mineCountries, s, f.metal)) {
    exposure.push({
      factor: `${p.basis}-${p.part}`,
      points: p.points,
      evidence: `${p.basis === "location" ? "location" : "reported mine country"}: ${p.evidence}`,
    });
  }
  const mineralPoints = s.mineral[f.metal.toLowerCase()];
  if (mineralPoints)
    exposure.push({
      factor: "mineral",
      points: mineralPoints,
      evidence: `${f.metal}: child-labour exposure of the mineral (ILAB)`,
    });
  reasons.push(...exposure);
  const v = validation(f, asOf);
  const exposed = exposure.reduce((sum, r) => sum + r.points, 0);
  const residual = v ? s.dueDiligenceResidual[v] : 1;
  if (v && exposed > 0 && residual < 1) {
    reasons.push({
      factor: "due-diligence-mitigation",
      points: -round1(exposed * (1 - residual)),
      evidence: `${VALIDATION_TEXT[v]}: ${Math.round(residual * 100)}% of the ${round1(exposed)} country and mineral points kept (OECD: mitigate, not embargo)`,
    });
  }
  if (f.recycled) {
    reasons.push(
      v === "validated"
        ? {
            factor: "recycled",
            points: s.recycled,
            evidence: "declares 100% recycled or scrap feedstock, within an audited facility",
          }
        : {
            factor: "recycled",
            points: 0,
            evidence:
              "suppliers declare 100% recycled or scrap feedstock, but no current audit verifies the facility's feedstock: no credit",
          },
    );
  }
  if (f.adverseFlags.length > 0) {
    reasons.push({ factor: "adverse-evidence", points: s.adverseEvidence, evidence: f.adverseFlags.join("; ") });
  }

  const weighted = round1(clamp100(reasons.reduce((sum, r) => sum + r.points, 0)));
  if (f.sanctions === "hit") {
    reasons.unshift({
      factor: "sanctions",
      points: 0,
      override: "critical",
      evidence: `sanctions hit${f.sanctionsEvidence ? `: ${f.sanctionsEvidence}` : ""}`,
    });
    return { key: f.key, name: f.name, metal: f.metal, score: 100, band: "Critical", reasons, flags };
  }
  if (f.status === "removed" || f.status === "not-operating") {
    reasons.unshift({
      factor: "operational-status",
      points: 0,
      override: "exclude",
      evidence: `excluded: ${f.status === "removed" ? "removed from the RMI lists" : "not operating"}; check the supplier's smelter list`,
    });
    return { key: f.key, name: f.name, metal: f.metal, score: weighted, band: "Excluded", reasons, flags };
  }
  return {
    key: f.key,
    name: f.name,
    metal: f.metal,
    score: weighted,
    band: bandFor(weighted, model.bands),
    reasons,
    flags,
  };
}
