import { AssayError } from "../errors.ts";
import { meaningOf, meaningsFor, questionOf, responseBucket, verdictOf, type Verdict } from "./_answers.ts";
import type { QuestionMeaning } from "../rmi/questions.ts";
import { companyAnswers, type CompanyAnswerOut } from "./company-answers.ts";
import { canonicalMineral, familyMinerals } from "../rmi/minerals.ts";
import type { DeclarationConfig, RollupCompany, RollupDeclaration, RollupFamily, RollupInput } from "./rollup-input.ts";
import { rollupMines, type RolledMine } from "./rollup-mines.ts";
import { declarationFor, familyCoverage, mineralCoverage, type FamilyCoverage } from "./survey-coverage.ts";
import { countryIndex, rollupSmelters, type RolledSmelter, type SmelterInput } from "./rollup-smelters.ts";

export interface RollupAnswerOut {
  /** The question label in the company's own template ("Q6"). */
  question: string;
  /** What it asks (src/rmi/questions.ts); drafts and the site key on this, never on the label. */
  meaning: QuestionMeaning;
  mineral: string;
  answer: string | null;
  /** Why: the rule and the counts behind the answer (written as the answer's comment). */
  comment: string | null;
}

export interface MineralSummary {
  mineral: string;
  relevant: number;
  responded: number;
  /** Responders whose answers put the mineral in use (Q1 Yes). */
  using: number;
  smelters: number;
  /** Relevant suppliers without a usable declaration (ids). */
  notResponded: string[];
}

export interface Rollup {
  family: RollupFamily;
  company: RollupCompany;
  scope: DeclarationConfig["scope"];
  scopeDescription: string | null;
  effectiveDate: string;
  /** The date RMAP audits are judged current at (the period end). */
  periodEnd: string;
  products: Array<{ number: string; name: string | null }>;
  minerals: MineralSummary[];
  /** The family's survey coverage (each supplier once), the figure drafts and reports quote. */
  survey: FamilyCoverage;
  answers: RollupAnswerOut[];
  companyAnswers: CompanyAnswerOut[];
  smelters: RolledSmelter[];
  /** EMRT: the suppliers' Mine List rows, deduplicated, for the minerals whose smelters are listed. */
  mines: RolledMine[];
  warnings: string[];
}

export interface RollupOptions {
  family: RollupFamily;
  company: RollupCompany;
  declaration: DeclarationConfig;
  /** YYYY-MM-DD; the effective date unless the configuration sets one. */
  asOf: string;
  /** End of the reporting period (YYYY-MM-DD) audits must be current at; default the as-of date. */
  periodEnd?: string;
  /** Restrict to the suppliers on these products' BOMs (a per-product roll-up). */
  products?: readonly string[];
}

function verdictIn(d: RollupDeclaration, mineral: string, meaning: QuestionMeaning): Verdict {
  const a = d.answers.find((x) => canonicalMineral(x.mineral) === mineral && meaningOf(d, x) === meaning);
  return verdictOf(a?.answer);
}

function count(vs: readonly Verdict[], v: Verdict): number {
  return vs.filter((x) => x === v).length;
}

/**
 * Derives the company's own declaration from its suppliers' current declarations (rules in docs/exports.md):
 * pure, with every input explicit.
 */
export function rollupDeclaration(input: RollupInput, options: RollupOptions): Rollup {
  const { family } = options;
  const warnings: string[] = [];
  let suppliers = input.suppliers;
  let products = input.products.map((p) => ({ number: p.number, name: p.name }));
  if (options.products && options.products.length > 0) {
    const wanted = options.products.map((p) => p.trim());
    const found = input.products.filter((p) => wanted.includes(p.number));
    const missing = wanted.filter((w) => !found.some((p) => p.number === w));
    if (missing.length > 0) {
      const known = input.products
        .slice(0, 8)
        .map((p) => p.number)
        .join(", ");
      throw new AssayError(
        `--products: unknown product ${missing.join(", ")} (known: ${known || "none — load a BOM first"})`,
        { code: "usage", exitCode: 2 },
      );
    }
    const ids = new Set(found.flatMap((p) => p.supplierIds));
    suppliers = suppliers.filter((s) => ids.has(s.supplierId));
    products = found.map((p) => ({ number: p.number, name: p.name }));
  }
  const scope = options.products?.length ? "Product" : options.declaration.scope;
  const country = countryIndex(input.countries);
  const answers: RollupAnswerOut[] = [];
  const summaries: MineralSummary[] = [];
  const allSmelters: RolledSmelter[] = [];
  const allMines: RolledMine[] = [];

  for (const mineral of familyMinerals(family)) {
    // Who counts comes from the one coverage computation; the data comes from every declaration received from
    // relevant suppliers (a declaration with errors is not a response, but the smelters it lists are still reported).
    const coverage = mineralCoverage(suppliers, family, mineral);
    const relevantIds = new Set(coverage.relevant);
    const relevant = suppliers.filter((s) => relevantIds.has(s.supplierId));
    const received = relevant.flatMap((s) => {
      const d = declarationFor(s, family, mineral);
      return d ? [{ s, d }] : [];
    });
    const responded = coverage.responded.length;
    const rowsOf = (d: RollupDeclaration) =>
      d.smelters.filter((r) => canonicalMineral(r.metal) === mineral || (!r.metal && r.cid));
    const used = received.filter(({ d }) => {
      const v = verdictIn(d, mineral, "intentionally-added");
      return v === "yes" || (v === "blank" && rowsOf(d).length > 0);
    });
    const rows: SmelterInput[] = used.flatMap(({ s, d }) =>
      rowsOf(d).map((row) => ({ supplierId: s.supplierId, row })),
    );
    const { smelters, unidentified } = rollupSmelters(rows, input.reference, input.countries, input.reportedSanctions);
    const mine = smelters.filter((x) => x.metal === mineral);
    const verdicts = (t: QuestionMeaning) => used.map(({ d }) => verdictIn(d, mineral, t));
    const out = new Map<QuestionMeaning, [string | null, string]>();
    const n = `${responded} of ${relevant.length} relevant suppliers responded`;

    if (relevant.length === 0) {
      out.set("intentionally-added", [
        family === "CMRT" ? "No" : "Not declaring",
        "no relevant supplier for this mineral",
      ]);
    } else if (received.length === 0) {
      out.set("intentionally-added", [family === "CMRT" ? null : "Unknown", `no response yet (${n})`]);
      if (family === "CMRT") warnings.push(`${mineral}: no relevant supplier has responded; question 1 left blank`);
    } else if (used.length > 0) {
      out.set("intentionally-added", ["Yes", `${used.length} supplier(s) use ${mineral}; ${n}`]);
    } else {
      const unknown = received.filter(({ d }) => verdictIn(d, mineral, "intentionally-added") === "unknown").length;
      out.set(
        "intentionally-added",
        family === "EMRT" && unknown > 0
          ? ["Unknown", `${unknown} supplier(s) answered Unknown; ${n}`]
          : ["No", `no supplier uses ${mineral}; ${n}`],
      );
    }

    if (used.length > 0) {
      const rem = verdicts("remains-in-product");
      const remainsYes = count(rem, "yes") + count(rem, "blank");
      const remains = remainsYes > 0 ? "Yes" : family === "EMRT" && count(rem, "unknown") > 0 ? "Unknown" : "No";
      out.set("remains-in-product", [
        remains,
        remainsYes > 0
          ? `${count(rem, "yes")} Yes, ${count(rem, "blank")} blank (counted as Yes)`
          : "no supplier says it remains",
      ]);
      if (remains === "Yes") {
        for (const [topic, flag] of [
          ["covered-countries", (c: { covered: boolean }) => c.covered],
          ["cahra", (c: { cahra: boolean }) => c.cahra],
        ] as const) {
          if (!meaningsFor(family).includes(topic)) continue;
          const v = verdicts(topic);
          const located = mine.filter((x) => {
            const places = [x.country, ...x.mineCountries].map((p) => country(p));
            return places.some((p) => p !== null && flag(p));
          });
          if (count(v, "yes") > 0 || located.length > 0)
            out.set(topic, [
              "Yes",
              `${count(v, "yes")} supplier(s) Yes; ${located.length} smelter(s) located in or sourcing from a listed country`,
            ]);
          else if (count(v, "unknown") + count(v, "blank") > 0 || (unidentified.get(mineral) ?? 0) > 0)
            out.set(topic, [
              "Unknown",
              `${count(v, "unknown") + count(v, "blank")} supplier(s) Unknown or blank; ${unidentified.get(mineral) ?? 0} unidentified smelter row(s)`,
            ]);
          else out.set(topic, ["No", `all ${used.length} supplier(s) No; no smelter located in a listed country`]);
        }
        {
          const v = verdicts("recycled-scrap");
          const answer = count(v, "no") > 0 ? "No" : count(v, "yes") === v.length ? "Yes" : "Unknown";
          out.set("recycled-scrap", [
            answer,
            `${count(v, "yes")} of ${v.length} supplier(s) declare 100% recycled or scrap`,
          ]);
        }
        out.set("response-share", [responseBucket(responded, relevant.length, family), n]);
        const idv = verdicts("all-smelters-identified");
        const gaps = unidentified.get(mineral) ?? 0;
        const complete =
          responded === relevant.length && count(idv, "yes") === idv.length && gaps === 0 && mine.length > 0;
        const idAnswer = complete
          ? "Yes"
          : family === "EMRT" && count(idv, "no") === 0 && count(idv, "unknown") > 0
            ? "Unknown"
            : "No";
        out.set("all-smelters-identified", [
          idAnswer,
          `${count(idv, "yes")} of ${idv.length} supplier(s) identified all; ${n}; ${gaps} unidentified row(s); ${mine.length} smelter(s)`,
        ]);
        out.set("all-info-reported", ["Yes", `all ${mine.length} smelter(s) received are listed`]);
      }
    }
    if (out.get("intentionally-added")?.[0] === "Unknown") {
      // EMRT: an Unknown Q1 still needs Q2–Q7; say what is known — nothing identified, nothing received.
      out.set("remains-in-product", ["Unknown", "no supplier has confirmed use"]);
      out.set("cahra", ["Unknown", "no supplier data"]);
      out.set("recycled-scrap", ["Unknown", "no supplier data"]);
      out.set("all-smelters-identified", ["No", `no smelter identified; ${n}`]);
      out.set("response-share", [responseBucket(responded, relevant.length, family), n]);
      out.set("all-info-reported", ["Yes", "no smelter information received"]);
    }
    for (const meaning of meaningsFor(family)) {
      const [answer, why] = out.get(meaning) ?? [null, null];
      answers.push({
        question: questionOf(family, meaning)!,
        meaning,
        mineral,
        answer,
        comment: answer === null ? null : why,
      });
    }
    if (out.get("remains-in-product")?.[0] === "Yes") {
      allSmelters.push(...mine);
      if (family === "EMRT")
        allMines.push(
          ...rollupMines(
            mineral,
            used.map(({ s, d }) => ({ supplierId: s.supplierId, declaration: d })),
            mine,
          ),
        );
    }
    summaries.push({
      mineral,
      relevant: relevant.length,
      responded: responded,
      using: used.length,
      smelters: mine.length,
      notResponded: coverage.notResponded,
    });
  }

  const inScopeMinerals = familyMinerals(family);
  const company = companyAnswers(family, options.declaration, options.company, inScopeMinerals);
  warnings.push(...company.warnings);
  return {
    family,
    company: options.company,
    scope,
    scopeDescription: options.declaration.scopeDescription ?? null,
    effectiveDate: options.declaration.effectiveDate ?? options.asOf,
    periodEnd: options.periodEnd ?? options.asOf,
    products: scope === "Product" ? products : [],
    minerals: summaries,
    survey: familyCoverage(suppliers, family),
    answers,
    companyAnswers: company.answers,
    smelters: allSmelters,
    mines: allMines,
    warnings,
  };
}
