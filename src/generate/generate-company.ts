import { z } from "zod";
import { COMMODITIES, isMineralBearing, type Commodity } from "./commodities.ts";
import { FEATURES, type DeclarationPlan, type Feature } from "./declaration-builder.ts";
import { COUNTRIES, PRODUCT_FAMILIES, companyName, emailFor, personName, type CountryStyle } from "./names.ts";
import { Rng } from "./rng.ts";

export const GenerateOptions = z.object({
  suppliers: z.number().int().min(1).max(100_000),
  products: z.number().int().min(1).max(200_000),
  seed: z.string().default("assay"),
  /** Reporting year: every date derives from it (no clock). */
  year: z.number().int().min(2015).max(2100).default(2025),
  companyName: z.string().default("Calder Ridge Instruments Inc."),
});
export type GenerateOptions = z.input<typeof GenerateOptions>;

export interface SyntheticSupplier {
  id: string;
  name: string;
  country: string;
  commodity: Commodity;
  annualSpend: number;
  contactName: string;
  contactEmail: string;
  duns: string | null;
  /** Set when the name on the supplier's declarations differs from the master name. */
  declarationName: string | null;
  style: CountryStyle;
  parts: Array<{ number: string; name: string; supplierNumber: string }>;
}

export type Outcome = "responded" | "no-data" | "silent" | "bounced-then-responded" | "not-contacted";

export interface PlannedResponse {
  fileName: string;
  supplierId: string;
  plan: DeclarationPlan;
  /** True for an older declaration replaced by a newer file from the same supplier. */
  superseded: boolean;
}

export interface OutreachLine {
  supplier_id: string;
  date: string;
  channel: string;
  contact: string;
  event: string;
  note: string;
}

export interface SyntheticCompany {
  name: string;
  year: number;
  seed: string;
  suppliers: SyntheticSupplier[];
  outcomes: Map<string, Outcome>;
  products: Array<{ id: string; name: string }>;
  bom: Array<{ product_id: string; product_name: string; part_number: string; part_name: string; supplier_id: string }>;
  outreach: OutreachLine[];
  responses: PlannedResponse[];
}

const ROLL_UP_MIN_SUPPLIERS = 200;
const CMRT_VERSIONS = [
  ["6.5", 6],
  ["6.4", 3],
  ["6.31", 1],
  ["6.22", 1],
  ["6.1", 1],
  ["6.01", 1],
] as const;
const EMRT_VERSIONS = [
  ["2.1", 3],
  ["2.0", 2],
] as const;

const iso = (year: number, dayOfYear: number) => new Date(Date.UTC(year, 0, dayOfYear)).toISOString().slice(0, 10);
const dayOf = (date: string) =>
  Math.round((Date.parse(`${date}T00:00:00Z`) - Date.UTC(Number(date.slice(0, 4)), 0, 0)) / 86_400_000);

/** Plans a deterministic synthetic company: suppliers, BOMs, outreach and the inbox of responses (no I/O). */
export function generateCompany(options: GenerateOptions): SyntheticCompany {
  const o = GenerateOptions.parse(options);
  const root = new Rng(`${o.seed}:${o.year}`);
  const rng = {
    suppliers: root.fork("suppliers"),
    bom: root.fork("bom"),
    outcome: root.fork("outcome"),
    decl: root.fork("decl"),
  };
  const used = new Set<string>();
  const width = Math.max(4, String(o.suppliers).length);

  // Guarantee variety in small companies: the first suppliers cycle through every category.
  const suppliers: SyntheticSupplier[] = [];
  for (let i = 0; i < o.suppliers; i++) {
    const r = rng.suppliers;
    const commodity =
      i < COMMODITIES.length ? COMMODITIES[i]! : r.weighted(COMMODITIES.map((c) => [c, c.weight] as const));
    const style = r.pick(COUNTRIES);
    const name = companyName(r, style, commodity.trade, used);
    const contact = personName(r);
    const id = `SUP-${String(i + 1).padStart(width, "0")}`;
    const renamed = r.chance(0.12);
    suppliers.push({
      id,
      name,
      country: style.country,
      commodity,
      annualSpend: Math.round(r.next() ** 3 * 2_500_000 + 2_000),
      contactName: contact,
      contactEmail: emailFor(contact, name, style),
      duns: r.chance(0.6) ? String(r.int(100_000_000, 999_999_999)) : null,
      declarationName: renamed ? `${name.toUpperCase()} (${style.places[0]} plant)` : null,
      style,
      parts: commodity.parts.flatMap((part, k) =>
        k === 0 || r.chance(0.5)
          ? [
              {
                number: `PN-${String(10_000 + i * 7 + k).padStart(6, "0")}`,
                name: part,
                supplierNumber: `${name.slice(0, 2).toUpperCase()}-${r.int(1000, 9999)}`,
              },
            ]
          : [],
      ),
    });
  }

  const products = Array.from({ length: o.products }, (_, i) => ({
    id: `PRD-${String(1001 + i)}`,
    name: `${PRODUCT_FAMILIES[i % PRODUCT_FAMILIES.length]} ${["S", "X", "Pro", "Lite", "HT"][Math.floor(i / PRODUCT_FAMILIES.length) % 5]}${100 + i}`,
  }));
  const partSuppliers = suppliers.filter((s) => s.parts.length > 0);
  const bom: SyntheticCompany["bom"] = [];
  const bomKeys = new Set<string>();
  const addLine = (p: { id: string; name: string }, s: SyntheticSupplier) => {
    const part = rng.bom.pick(s.parts);
    const key = `${p.id}|${part.number}`;
    if (bomKeys.has(key)) return;
    bomKeys.add(key);
    bom.push({
      product_id: p.id,
      product_name: p.name,
      part_number: part.number,
      part_name: part.name,
      supplier_id: s.id,
    });
  };
  partSuppliers.forEach((s, i) => addLine(products[i % products.length]!, s));
  for (const p of products)
    for (let k = rng.bom.int(4, 9); k > 0 && partSuppliers.length > 0; k--) addLine(p, rng.bom.pick(partSuppliers));

  const outcomes = new Map<string, Outcome>();
  for (const s of suppliers) {
    const mineral = isMineralBearing(s.commodity);
    const r = rng.outcome;
    outcomes.set(
      s.id,
      !mineral
        ? s.commodity.name === "Packaging" && r.chance(0.5)
          ? "responded"
          : "not-contacted"
        : r.weighted([
            ["responded", 62],
            ["no-data", 8],
            ["silent", 20],
            ["bounced-then-responded", 10],
          ] as const),
    );
  }
  // Small companies still show every outcome.
  const mineralIds = suppliers.filter((s) => isMineralBearing(s.commodity)).map((s) => s.id);
  (["silent", "no-data", "bounced-then-responded"] as const).forEach((outcome, k) => {
    const id = mineralIds[mineralIds.length - 1 - k];
    if (id && mineralIds.length >= 8) outcomes.set(id, outcome);
  });

  const responses: PlannedResponse[] = [];
  const responders = suppliers.filter((s) => ["responded", "bounced-then-responded"].includes(outcomes.get(s.id)!));
  // Every feature lands on at least one eligible responder; later responders get random mixes.
  const forced = new Map<string, Feature>();
  for (const feat of FEATURES) {
    const eligible = responders.find(
      (s) =>
        !forced.has(s.id) &&
        (feat === "sanctioned" ? s.commodity.metals.includes("Gold") : s.commodity.metals.length > 0),
    );
    if (eligible) forced.set(eligible.id, feat);
  }
  // Large companies buy from distributors and EMS firms whose company-level roll-up CMRTs list every smelter they know
  // (300–400 rows). Drawn from their own stream so smaller companies, such as the bundled sample, stay byte-identical.
  const rollUps = new Set(
    o.suppliers < ROLL_UP_MIN_SUPPLIERS
      ? []
      : responders
          .filter((s) => s.commodity.metals.length >= 4 && new Rng(`${o.seed}:${o.year}:roll-up:${s.id}`).chance(0.25))
          .map((s) => s.id),
  );
  let supersededDone = false;
  responders.forEach((s) => {
    const r = rng.decl;
    const mineral = isMineralBearing(s.commodity);
    const features = new Set<Feature>();
    const own = forced.get(s.id);
    if (own) features.add(own);
    else if (mineral)
      for (const feat of FEATURES)
        if (r.chance(0.08) && (feat !== "sanctioned" || s.commodity.metals.includes("Gold"))) features.add(feat);
    if (features.size === 0) features.add("complete");
    const effectiveDay = r.int(40, 300);
    const effectiveDate = iso(o.year, effectiveDay);
    const templates: Array<"CMRT" | "EMRT"> = [];
    if (s.commodity.metals.length > 0 || !mineral) templates.push("CMRT");
    if (s.commodity.minerals.length > 0 && (s.commodity.metals.length === 0 || r.chance(0.3))) templates.push("EMRT");
    for (const template of templates) {
      const version = template === "CMRT" ? r.weighted(CMRT_VERSIONS) : r.weighted(EMRT_VERSIONS);
      const all = template === "CMRT" ? s.commodity.metals : s.commodity.minerals;
      const scopeMinerals = all.length > 1 ? r.sample(all, r.int(1, all.length)) : [...all];
      if (template === "CMRT" && features.has("sanctioned") && all.includes("Gold") && !scopeMinerals.includes("Gold"))
        scopeMinerals.push("Gold");
      const plan = declarationPlan(s, template, version, features, scopeMinerals, effectiveDate, r);
      if (template === "CMRT" && rollUps.has(s.id)) {
        plan.rollUp = true;
        plan.scopeMinerals = [...s.commodity.metals];
      }
      responses.push({ fileName: fileName(s, template, effectiveDate, r), supplierId: s.id, plan, superseded: false });
      if (template === "CMRT" && mineral && (!supersededDone || r.chance(0.08))) {
        supersededDone = true;
        const oldDate = iso(o.year - 1, r.int(60, 250));
        const old = declarationPlan(
          s,
          template,
          r.pick(["6.31", "6.4"]),
          new Set<Feature>(["complete"]),
          scopeMinerals,
          oldDate,
          r,
        );
        responses.push({ fileName: fileName(s, template, oldDate, r), supplierId: s.id, plan: old, superseded: true });
      }
    }
  });

  const outreach = outreachLog(suppliers, outcomes, responses, o.year, rng.outcome);
  return { name: o.companyName, year: o.year, seed: o.seed, suppliers, outcomes, products, bom, outreach, responses };
}

function declarationPlan(
  s: SyntheticSupplier,
  template: "CMRT" | "EMRT",
  version: string,
  features: ReadonlySet<Feature>,
  scopeMinerals: readonly string[],
  effectiveDate: string,
  r: Rng,
): DeclarationPlan {
  const authorizer = personName(r);
  if (template === "EMRT" && features.has("sanctioned")) {
    features = new Set([...features].filter((f) => f !== "sanctioned"));
    if (features.size === 0) features = new Set<Feature>(["complete"]);
  }
  const big = s.commodity.name === "Electronic assemblies" || s.commodity.name === "Semiconductors";
  return {
    template,
    version,
    features,
    company: {
      name: s.declarationName ?? s.name,
      uniqueId: s.duns,
      address: `${r.int(1, 250)} ${r.pick(s.style.places)} Road, ${s.country}`,
      contactName: s.contactName,
      contactEmail: s.contactEmail,
      phone: `${s.style.phone} ${r.int(100, 999)} ${r.int(1000, 9999)}`,
      authorizer,
      authorizerEmail: emailFor(authorizer, s.name, s.style),
    },
    scopeMinerals,
    effectiveDate,
    products: s.parts.map((p) => ({ number: p.supplierNumber, name: p.name, requesterNumber: p.number })),
    smeltersPerMineral: big ? r.int(8, 30) : r.int(1, 6),
  };
}

function fileName(s: SyntheticSupplier, template: string, date: string, r: Rng): string {
  const slug = s.name.replace(/[^\p{L}\p{N}]+/gu, "_").replace(/^_|_$/g, "");
  return r.weighted([
    [`${slug}-${date}.xlsx`, 4],
    [`${template}_${slug}_${date.slice(0, 4)}.xlsx`, 2],
    [`${s.name.split(" ")[0]} ${template} ${date.slice(0, 7)} (${r.int(1, 4)}).xlsx`, 1],
  ] as const);
}

function outreachLog(
  suppliers: SyntheticSupplier[],
  outcomes: Map<string, Outcome>,
  responses: PlannedResponse[],
  year: number,
  r: Rng,
): OutreachLine[] {
  const out: OutreachLine[] = [];
  const add = (s: SyntheticSupplier, day: number, channel: string, contact: string, event: string, note = "") =>
    out.push({ supplier_id: s.id, date: iso(year, day), channel, contact, event, note });
  for (const s of suppliers) {
    const outcome = outcomes.get(s.id)!;
    if (outcome === "not-contacted") continue;
    const start = r.int(12, 20);
    add(s, start, "email", s.contactEmail, "requested", `${year} campaign: CMRT/EMRT request`);
    const current = responses.filter((x) => x.supplierId === s.id && !x.superseded);
    const answered =
      current.length > 0 ? Math.min(...current.map((x) => dayOf(x.plan.effectiveDate))) + r.int(1, 7) : 0;
    if (outcome === "bounced-then-responded") {
      add(s, start + 1, "email", s.contactEmail, "bounced", "mailbox unknown");
      add(
        s,
        start + 4,
        "email",
        `compliance@${s.contactEmail.split("@")[1]}`,
        "requested",
        "new contact from purchasing",
      );
    }
    if (outcome === "responded" || outcome === "bounced-then-responded") {
      if (answered - start > 35) add(s, start + 21, "email", s.contactEmail, "reminder");
      add(s, Math.max(answered, start + 5), "portal", s.contactEmail, "response-received");
    } else if (outcome === "no-data") {
      add(s, start + 21, "email", s.contactEmail, "reminder");
      add(s, start + 30, "email", s.contactEmail, "responded-no-data", "sent a policy letter instead of a template");
    } else {
      add(s, start + 21, "email", s.contactEmail, "reminder");
      add(s, start + 42, "email", `sales@${s.contactEmail.split("@")[1]}`, "reminder", "second contact");
      add(s, start + 60, "phone", "purchasing manager", "escalated", "escalated through the buyer");
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.supplier_id.localeCompare(b.supplier_id));
}
