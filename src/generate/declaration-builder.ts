import type { TemplateDefects, TemplateInput } from "./template/write-template.ts";
import type { LookupEntry } from "../rmi/smelter-lookup.ts";
import { UNKNOWN_SMELTERS } from "./names.ts";
import type { Rng } from "./rng.ts";
import {
  CMRT_6_QUESTIONS,
  EMRT_QUESTIONS,
  type QuestionMeaning,
  type QuestionTable,
  questionNumberOf,
} from "../rmi/questions.ts";

export const FEATURES = [
  "complete",
  "missing-fields",
  "product-scope",
  "user-defined-scope",
  "not-listed",
  "sanctioned",
  "text-date",
  "cid-only-in-f",
  "pasted-zeros",
  "duplicate-smelters",
  "whitespace",
  "hyperlink-emails",
  "spaced-cids",
  "blank-declaration",
] as const;
export type Feature = (typeof FEATURES)[number];

/** Real RMI smelters designated on the shipped sanctions lists (OFAC SDN RUSSIA-EO14024; UK list). */
export const SANCTIONED_SMELTERS = [
  { cid: "CID000929", metal: "Gold", name: "JSC Uralelectromed", list: "OFAC SDN: JOINT STOCK COMPANY URALELEKTROMED" },
  { cid: "CID001326", metal: "Gold", name: "OJSC Krastsvetmet", list: "UK sanctions list: JSC Krastsvetmet" },
] as const;
const SANCTIONED = new Set<string>(SANCTIONED_SMELTERS.map((s) => s.cid));

export interface DeclarationPlan {
  template: "CMRT" | "EMRT";
  version: string;
  features: ReadonlySet<Feature>;
  company: {
    name: string;
    uniqueId: string | null;
    address: string;
    contactName: string;
    contactEmail: string;
    phone: string;
    authorizer: string;
    authorizerEmail: string;
  };
  /** Metals (CMRT) or minerals (EMRT) the supplier's parts contain. */
  scopeMinerals: readonly string[];
  effectiveDate: string;
  products: ReadonlyArray<{ number: string; name: string; requesterNumber: string }>;
  /** Smelters per mineral (before duplicates and typed names). */
  smeltersPerMineral: number;
  /** A company roll-up: every known smelter of every metal in scope, some listed twice (one line per mine source). */
  rollUp?: boolean;
}

export interface BuiltDeclaration {
  input: TemplateInput;
  defects: TemplateDefects;
  cids: string[];
  typedNames: string[];
}

/** A misspelling of a real smelter name, as suppliers type them under "Smelter not listed". */
export function spellingVariant(rng: Rng, name: string): string {
  const variants = [
    (s: string) => s.replace(/[.,]/g, "").replace(/\s+/g, " "),
    (s: string) => s.toUpperCase(),
    (s: string) =>
      s
        .replace(/Company/g, "Co")
        .replace(/Limited/g, "Ltd")
        .replace(/Corporation/g, "Corp"),
    (s: string) => s.replace(/^(PT|JSC|OJSC|LLC|OOO)\s+/, "").replace(/\s+(S\.A\.|Inc\.|Ltd\.|AG|GmbH)$/, ""),
    (s: string) => {
      const words = s.split(" ");
      const i = words.reduce((best, w, k) => (w.length > words[best]!.length ? k : best), 0);
      const w = words[i]!;
      if (w.length > 4) words[i] = w.slice(0, 2) + w[3] + w[2] + w.slice(4);
      return words.join(" ");
    },
  ];
  const out = rng.pick(variants)(name).trim();
  return out === name ? `${name} (smelter)` : out;
}

type FacilityRow = LookupEntry & { cid: string; standardName: string };
const isFacilityRow = (r: LookupEntry): r is FacilityRow => r.cid !== null && r.standardName !== null;

function standardRows(lookup: readonly LookupEntry[], mineral: string): FacilityRow[] {
  return lookup.filter(
    (r): r is FacilityRow =>
      isFacilityRow(r) &&
      r.metal === mineral &&
      r.alias === r.standardName &&
      r.country !== "RUSSIAN FEDERATION" &&
      !SANCTIONED.has(r.cid),
  );
}

type Answer = { question: string; mineral: string; answer: string | null; comment: null };

/** One answer, written under the number the template family gives that meaning (DOMAIN.md §10). */
function answerFor(table: QuestionTable, meaning: QuestionMeaning, mineral: string, answer: string | null): Answer {
  const question = questionNumberOf(table, meaning);
  if (!question) throw new Error(`${table.family} ${table.versions} has no question meaning ${meaning}`);
  return { question, mineral, answer, comment: null };
}

function cmrtAnswers(rng: Rng, plan: DeclarationPlan): TemplateInput["answers"] {
  const t = CMRT_6_QUESTIONS;
  const out: Answer[] = [];
  for (const metal of ["Tantalum", "Tin", "Gold", "Tungsten"]) {
    const inScope = plan.scopeMinerals.includes(metal);
    out.push(answerFor(t, "intentionally-added", metal, inScope ? "Yes" : "No"));
    out.push(answerFor(t, "remains-in-product", metal, inScope ? "Yes" : "No"));
    if (!inScope) continue;
    out.push(
      answerFor(
        t,
        "covered-countries",
        metal,
        rng.weighted([
          ["No", 5],
          ["Unknown", 3],
          ["Yes", 1],
        ] as const),
      ),
    );
    out.push(
      answerFor(
        t,
        "cahra",
        metal,
        rng.weighted([
          ["No", 5],
          ["Unknown", 3],
          ["Yes", 1],
        ] as const),
      ),
    );
    out.push(
      answerFor(
        t,
        "recycled-scrap",
        metal,
        rng.weighted([
          ["No", 8],
          ["Unknown", 2],
          ["Yes", 1],
        ] as const),
      ),
    );
    out.push(
      answerFor(
        t,
        "response-share",
        metal,
        rng.pick(["100%", "Greater than 90%", "Greater than 75%", "Greater than 50%", "50% or less"]),
      ),
    );
    out.push(
      answerFor(
        t,
        "all-smelters-identified",
        metal,
        rng.weighted([
          ["Yes", 4],
          ["No", 1],
        ] as const),
      ),
    );
    out.push(
      answerFor(
        t,
        "all-info-reported",
        metal,
        rng.weighted([
          ["Yes", 5],
          ["No", 1],
        ] as const),
      ),
    );
  }
  return out;
}

function emrtAnswers(rng: Rng, plan: DeclarationPlan): TemplateInput["answers"] {
  const t = EMRT_QUESTIONS;
  const out: Answer[] = [];
  for (const mineral of plan.scopeMinerals) {
    out.push(
      answerFor(
        t,
        "intentionally-added",
        mineral,
        rng.weighted([
          ["Yes", 8],
          ["Unknown", 1],
        ] as const),
      ),
    );
    out.push(answerFor(t, "remains-in-product", mineral, "Yes"));
    out.push(
      answerFor(
        t,
        "cahra",
        mineral,
        rng.weighted([
          ["No", 3],
          ["Unknown", 3],
          ["Yes", 1],
        ] as const),
      ),
    );
    out.push(
      answerFor(
        t,
        "recycled-scrap",
        mineral,
        rng.weighted([
          ["No", 8],
          ["Unknown", 2],
          ["Yes", 1],
        ] as const),
      ),
    );
    out.push(
      answerFor(t, "response-share", mineral, rng.pick(["100%", "Greater than 75%", "50% or less", "Did not survey"])),
    );
    out.push(answerFor(t, "all-smelters-identified", mineral, "Yes"));
    out.push(
      answerFor(
        t,
        "all-info-reported",
        mineral,
        rng.weighted([
          ["Yes", 5],
          ["No", 1],
        ] as const),
      ),
    );
  }
  return out;
}

function companyAnswers(rng: Rng, plan: DeclarationPlan): NonNullable<TemplateInput["companyAnswers"]> {
  const yes = () =>
    rng.weighted([
      ["Yes", 6],
      ["No", 1],
    ] as const);
  const host = plan.company.contactEmail.split("@")[1] ?? "example.com";
  const b = yes();
  const common = [
    { question: "A", mineral: null, answer: yes(), comment: null },
    {
      question: "B",
      mineral: null,
      answer: b,
      comment:
        b === "Yes"
          ? rng.pick([`https://www.${host}/responsible-minerals-policy`, "Responsible Minerals Policy (see website)"])
          : null,
    },
    { question: "D", mineral: null, answer: yes(), comment: null },
    { question: "F", mineral: null, answer: yes(), comment: null },
    { question: "G", mineral: null, answer: yes(), comment: null },
  ];
  if (plan.template === "CMRT") {
    return [
      ...common,
      { question: "C", mineral: null, answer: yes(), comment: null },
      {
        question: "E",
        mineral: null,
        answer: rng.weighted([
          ["Yes, in conformance with IPC1755 (e.g., CMRT)", 6],
          ["Yes, using other format (describe)", 1],
          ["No", 1],
        ] as const),
        comment: null,
      },
      {
        question: "H",
        mineral: null,
        answer: rng.weighted([
          ["No", 4],
          ["Yes, with the SEC", 2],
          ["Yes, with the EU", 1],
          ["Yes, with the SEC and the EU", 1],
        ] as const),
        comment: null,
      },
    ];
  }
  return [
    ...common,
    ...plan.scopeMinerals.map((m) => ({
      question: "C",
      mineral: m,
      answer: rng.pick(["Yes", "Yes, when more processors are validated", "No"]),
      comment: null,
    })),
    {
      question: "E",
      mineral: null,
      answer: rng.weighted([
        ["Yes, in conformance with IPC1755 (e.g. EMRT)", 5],
        ["Yes, Using Other Format (Describe)", 1],
        ["No", 1],
      ] as const),
      comment: null,
    },
  ];
}

/** Builds the Declaration-shaped input for one supplier response, with the plan's features applied. */
export function buildDeclaration(rng: Rng, plan: DeclarationPlan, lookup: readonly LookupEntry[]): BuiltDeclaration {
  const f = plan.features;
  const scope = f.has("product-scope") ? "Product" : f.has("user-defined-scope") ? "User defined" : "Company";
  const c = plan.company;
  const blank = f.has("blank-declaration");
  const missing = f.has("missing-fields");
  const input: TemplateInput = {
    company: blank
      ? {}
      : {
          name: c.name,
          scope,
          scopeDescription:
            scope === "User defined"
              ? `All ${plan.template === "CMRT" ? "3TG" : "mineral"}-bearing parts shipped to our customer's instrument plants`
              : null,
          uniqueId: c.uniqueId,
          uniqueIdAuthority: c.uniqueId ? "DUNS" : null,
          address: c.address,
          contactName: c.contactName,
          contactEmail: missing ? null : c.contactEmail,
          contactPhone: c.phone,
          authorizer: missing ? null : c.authorizer,
          authorizerTitle: "Compliance Manager",
          authorizerEmail: missing ? null : c.authorizerEmail,
          authorizerPhone: null,
          effectiveDate: missing ? null : plan.effectiveDate,
        },
    minerals: plan.template === "EMRT" ? plan.scopeMinerals : undefined,
    answers: plan.template === "CMRT" ? cmrtAnswers(rng, plan) : emrtAnswers(rng, plan),
    companyAnswers: companyAnswers(rng, plan),
    products:
      scope === "Product"
        ? plan.products.map((p) => ({
            number: p.number,
            name: p.name,
            requesterNumber: p.requesterNumber,
            requesterName: p.name,
            comments: null,
          }))
        : [],
    smelters: [],
    mines: [],
  };
  if (missing) {
    input.answers = input.answers?.filter((a, i) => !(a.question === "2" && i < 6));
    input.companyAnswers = input.companyAnswers?.filter((a) => a.question !== "C");
  }
  const smelters: NonNullable<TemplateInput["smelters"]>[number][] = [];
  const cids: string[] = [];
  const typedNames: string[] = [];
  for (const mineral of plan.scopeMinerals) {
    const pool = standardRows(lookup, mineral);
    if (pool.length === 0) {
      smelters.push({
        metal: mineral,
        lookupName: "Smelter not yet identified",
        country: plan.template === "CMRT" ? "Unknown" : null,
      });
      continue;
    }
    const picked = plan.rollUp ? pool : rng.sample(pool, Math.min(pool.length, plan.smeltersPerMineral));
    for (const ref of plan.rollUp ? [...picked, ...picked.filter(() => rng.chance(0.15))] : picked) {
      const recycled = rng.chance(0.15);
      smelters.push({
        cid: ref.cid,
        mineNames: recycled ? "recycled" : rng.chance(0.2) ? "Please see RMI RCOI data" : null,
        mineCountries: recycled ? "Recycled/Scrap" : null,
        recycledScrap: recycled ? "Yes" : rng.chance(0.5) ? "No" : null,
        comments: f.has("whitespace") && rng.chance(0.3) ? `${ref.standardName}: ${ref.cid} / RMAP` : null,
      });
      cids.push(ref.cid);
    }
  }
  if (f.has("sanctioned") && plan.template === "CMRT") {
    const s = SANCTIONED_SMELTERS[0];
    smelters.push({ cid: s.cid });
    cids.push(s.cid);
  }
  if (f.has("not-listed")) {
    const metals = plan.scopeMinerals.length > 0 ? plan.scopeMinerals : ["Tin"];
    for (let k = 0; k < 3; k++) {
      const metal = metals[k % metals.length]!;
      const ref = rng.pick(
        standardRows(lookup, metal).length > 0 ? standardRows(lookup, metal) : lookup.filter(isFacilityRow),
      );
      const name = spellingVariant(rng, ref.standardName);
      smelters.push({ metal, lookupName: "Smelter not listed", name, country: ref.country });
      typedNames.push(name);
    }
    const [unknown, country] = rng.pick(UNKNOWN_SMELTERS);
    smelters.push({ metal: metals[0]!, lookupName: "Smelter not listed", name: unknown, country });
    typedNames.push(unknown);
  }
  if (f.has("duplicate-smelters") && smelters.length > 0) {
    const dup = smelters.find((s) => s.cid);
    if (dup) smelters.push({ ...dup, comments: "second source, see mine list", country: null });
  }
  input.smelters = smelters;
  if (plan.template === "EMRT" && smelters.length > 0 && rng.chance(0.6)) {
    const first = smelters.find((s) => s.cid);
    const ref = first ? lookup.find((r) => r.cid === first.cid) : undefined;
    if (ref)
      input.mines = [
        {
          metal: ref.metal,
          smelterName: ref.standardName,
          name: `${ref.city || "Unnamed"} concession`,
          country: ref.country,
        },
      ];
  }
  const defects: TemplateDefects = {
    effectiveDateAsText: f.has("text-date"),
    cidOnlyInF: f.has("cid-only-in-f"),
    pastedZeros: f.has("pasted-zeros"),
    whitespaceNoise: f.has("whitespace"),
    hyperlinkEmails: f.has("hyperlink-emails"),
    spacedCids: f.has("spaced-cids"),
  };
  return { input, defects, cids, typedNames };
}
