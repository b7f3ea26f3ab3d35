import { z } from "zod";

const points = z.number().min(-100).max(100);

/** Points added for the risk of one country (where a smelter stands, or where its ore was mined). */
export const CountryWeights = z
  .object({
    /** Dodd-Frank §1502 covered countries: the DRC and its nine neighbours (DOMAIN B §5.1). 3TG only. */
    coveredCountry: points,
    /** EU indicative CAHRA list: the whole country is listed (DOMAIN B §5.2, cahraslist.net). */
    cahraCountry: points,
    /** EU indicative CAHRA list: some regions of the country are listed, the facility's region is unknown. */
    cahraRegion: points,
    /** US DoL ILAB list of goods: this mineral from this country is made with child labour. */
    childLabour: points,
    /** US DoL ILAB list of goods: this mineral from this country is made with forced labour. */
    forcedLabour: points,
    /** World Bank WGI: points at the 0th governance percentile, scaled linearly to 0 at the 100th. */
    governance: points,
  })
  .strict();
export type CountryWeights = z.infer<typeof CountryWeights>;

export const Bands = z
  .object({
    /** Scores at or above this are Medium. */
    medium: z.number().min(0).max(100),
    /** Scores at or above this are High. */
    high: z.number().min(0).max(100),
  })
  .strict()
  .refine((b) => b.medium <= b.high, { message: "medium must not exceed high" });
export type Bands = z.infer<typeof Bands>;

export const RiskModel = z
  .object({
    version: z.string().min(1),
    bands: Bands,
    smelter: z
      .object({
        /** RMAP status points (DOMAIN B §3.3, §6.1: Conformant > Active > not participating). */
        status: z
          .object({
            conformant: points,
            crossRecognised: points,
            active: points,
            unknown: points,
            notParticipating: points,
            removed: points,
          })
          .strict(),
        /** Last audit + cycle against asOf (DOMAIN B §3.3 assessment cycle; §6.1 expiry within 30 days). */
        freshness: z
          .object({
            /** Expired without a re-audit in progress: more than Active, since the facility stopped being assessed. */
            expired: points,
            /** Expired for longer than `expiredLongAfterMonths`: the conformance no longer says anything. */
            expiredLong: points,
            expiredLongAfterMonths: z.number().int().min(1).max(120),
            expiredReauditInProgress: points,
            expiring: points,
            expiringWithinDays: z.number().int().min(0).max(366),
            auditDateUnknown: points,
          })
          .strict(),
        /** OFAC / UK / EU screening decision: `hit` is the critical override, `review` adds points. */
        sanctions: z.object({ review: points }).strict(),
        /**
         * Where the facility stands. Its country is not the ore's origin (SC12), so by default only the covered-country
         * red flag and governance count here; each part counts once, the larger of location and origin.
         */
        location: CountryWeights,
        /** Reported mine countries (Smelter List mine columns, EMRT Mine List): the worst country counts. */
        origin: CountryWeights,
        /**
         * Share (0–1) of the country and mineral points kept when the facility's due diligence is validated: OECD
         * Step 4 audits and RMI's "mitigate rather than embargo" (O1, R22). `validated` = Conformant with a current
         * audit or LBMA/RJC cross-recognised; `reauditInProgress` = audit expired, re-audit under way; `active` = RMAP
         * assessment under way. Every other status keeps the full points.
         */
        dueDiligenceResidual: z
          .object({
            validated: z.number().min(0).max(1),
            reauditInProgress: z.number().min(0).max(1),
            active: z.number().min(0).max(1),
          })
          .strict()
          .refine((r) => r.validated <= r.reauditInProgress && r.reauditInProgress <= r.active, {
            message: "residuals must rise: validated ≤ reauditInProgress ≤ active",
          }),
        /**
         * 100% recycled or scrap feedstock (R17: deemed DRC conflict free). Credited only when an audit validated the
         * facility's feedstock: a supplier's claim about a facility outside RMAP is not evidence.
         */
        recycled: points,
        /** Grievance, adverse media or "smelter of interest" flags (DOMAIN B §3.5, §6.1). */
        adverseEvidence: points,
        /** Child-labour exposure of the mineral itself (ILAB: cobalt ore, mica), keyed by lower-case mineral. */
        mineral: z.record(z.string(), points),
      })
      .strict(),
    supplier: z
      .object({
        /** Times the share (0–1) of the supplier's smelters banded High or Critical. */
        smelterShare: points,
        /** Times the worst smelter score / 100. */
        smelterSeverity: points,
        /** A Critical smelter puts the supplier at least in this band. */
        criticalSmelterFloor: z.enum(["Medium", "High", "Critical"]),
        findingError: points,
        findingWarning: points,
        findingsCap: points,
        /** Allegion test (SC1) by meaning: Yes to policy, due-diligence measures, review and corrective action. */
        weakProgramme: points,
        /** Q6 (CMRT) / Q5 (EMRT) answers, worst mineral counts. Missing = the answer is blank. */
        surveyCoverage: z
          .object({
            full: points,
            over90: points,
            over75: points,
            over50: points,
            atMost50: points,
            none: points,
            missing: points,
          })
          .strict(),
        /**
         * Origin answers (CMRT Q3 covered countries, Q4 / EMRT Q3 / CRT Q2 CAHRA): `declared` = Yes, a known exposure
         * that calls for enhanced due diligence (OECD Step 3); `withoutDueDiligence` replaces it when the supplier does
         * not answer Yes to due-diligence measures; `unknown` = Unknown or blank; `contradicted` = No while a listed
         * smelter of that mineral reports an origin in covered countries / a CAHRA.
         */
        origin: z
          .object({ declared: points, withoutDueDiligence: points, unknown: points, contradicted: points })
          .strict(),
        /** "100% recycled or scrap" (CMRT Q5, EMRT Q4, CRT Q3) = Yes while Smelter List rows of that mineral are not recycled. */
        recycledClaimContradicted: points,
        /** Q7 / Q8 = No: not all smelters identified, or not all reported. */
        incompleteSmelterList: points,
        /** Minerals declared in scope but no smelter row at all (IntegrityNext: red). */
        noSmelters: points,
        /** Declaration quality, survey coverage, incomplete list, staleness and recycled-claim together count at most this. */
        responseQualityCap: points,
        staleAfterMonths: z.number().int().min(1).max(120),
        stale: points,
        effectiveDateMissing: points,
      })
      .strict(),
    product: z
      .object({
        /** Times the worst answered supplier's score / 100: the single worst exposure. */
        worstSupplier: points,
        /** Times the mean answered supplier score / 100: how much of the supply base carries risk. */
        meanSupplier: points,
        /** Times the share (0–1) of reachable smelters banded High or Critical. */
        smelterBreadth: points,
        /** Times (1 − coverage): unanswered suppliers raise the score. */
        coverageGap: points,
        /** Below this share of answered suppliers the product carries the Data gap band unless already High. */
        minCoverage: z.number().min(0).max(1),
      })
      .strict(),
  })
  .strict();
export type RiskModel = z.infer<typeof RiskModel>;

const countryDefaults = {
  coveredCountry: 15,
  cahraCountry: 10,
  cahraRegion: 5,
  childLabour: 10,
  forcedLabour: 10,
  governance: 10,
} satisfies CountryWeights;

/** The published default model; docs/risk-model.md explains each figure and its source. */
export const DEFAULT_RISK_MODEL: RiskModel = {
  version: "assay-risk-2.0.0",
  bands: { medium: 20, high: 45 },
  smelter: {
    status: { conformant: 0, crossRecognised: 5, active: 15, unknown: 35, notParticipating: 45, removed: 45 },
    freshness: {
      expired: 20,
      expiredLong: 30,
      expiredLongAfterMonths: 12,
      expiredReauditInProgress: 10,
      expiring: 5,
      expiringWithinDays: 30,
      auditDateUnknown: 5,
    },
    sanctions: { review: 20 },
    location: { coveredCountry: 10, cahraCountry: 0, cahraRegion: 0, childLabour: 0, forcedLabour: 0, governance: 5 },
    origin: countryDefaults,
    dueDiligenceResidual: { validated: 0.25, reauditInProgress: 0.5, active: 0.75 },
    recycled: -10,
    adverseEvidence: 15,
    mineral: { cobalt: 10, mica: 10 },
  },
  supplier: {
    smelterShare: 50,
    smelterSeverity: 15,
    criticalSmelterFloor: "High",
    findingError: 5,
    findingWarning: 1,
    findingsCap: 15,
    weakProgramme: 15,
    surveyCoverage: { full: 0, over90: 2, over75: 4, over50: 7, atMost50: 12, none: 15, missing: 10 },
    origin: { declared: 5, withoutDueDiligence: 30, unknown: 5, contradicted: 10 },
    recycledClaimContradicted: 10,
    incompleteSmelterList: 5,
    noSmelters: 15,
    responseQualityCap: 30,
    staleAfterMonths: 12,
    stale: 10,
    effectiveDateMissing: 5,
  },
  product: { worstSupplier: 40, meanSupplier: 30, smelterBreadth: 20, coverageGap: 25, minCoverage: 0.8 },
};
