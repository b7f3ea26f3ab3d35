import { z } from "zod";
import { AssayError } from "../errors.ts";

/** A commodity category: keywords matched against the supplier master's commodity text. */
export const ScopeCategory = z
  .object({
    name: z.string().min(1),
    /** minerals: goods that contain 3TG or extended minerals (in scope); service / no-minerals: out of scope. */
    kind: z.enum(["minerals", "service", "no-minerals"]),
    /** Words or phrases matched whole-word and case-, accent- and plural-insensitively. */
    keywords: z.array(z.string().min(1)).min(1),
    /** RMI templates to request from suppliers in this category (minerals only). */
    templates: z.array(z.enum(["CMRT", "EMRT", "CRT", "AMRT"])).default(["CMRT"]),
  })
  .strict();
export type ScopeCategory = z.infer<typeof ScopeCategory>;

const cmrt = ["CMRT"] as ("CMRT" | "EMRT")[];
const both = ["CMRT", "EMRT"] as ("CMRT" | "EMRT")[];

/** Defaults follow AIAG CM-3's "suppliers of known-3TG commodities" and the EMRT's extended minerals (cobalt, mica, copper, graphite, lithium, nickel). */
export const DEFAULT_CATEGORIES: ScopeCategory[] = [
  // Services come first: "logistics for electronics" is a service, not an electronic good.
  {
    name: "professional services",
    kind: "service",
    templates: cmrt,
    keywords: [
      "legal",
      "law firm",
      "lawyer",
      "attorney",
      "accounting",
      "accountant",
      "bookkeeping",
      "tax advisory",
      "consulting",
      "consultancy",
      "consultant",
      "advisory",
      "auditing services",
      "audit services",
      "recruitment",
      "staffing",
      "temporary labour",
      "temporary labor",
      "insurance",
      "banking",
      "financial services",
      "marketing",
      "advertising",
      "public relations",
      "training",
      "translation",
    ],
  },
  {
    name: "logistics",
    kind: "service",
    templates: cmrt,
    keywords: [
      "logistics",
      "freight",
      "forwarding",
      "shipping",
      "courier",
      "transport",
      "transportation",
      "trucking",
      "haulage",
      "warehousing",
      "customs brokerage",
    ],
  },
  {
    name: "facility and IT services",
    kind: "service",
    templates: cmrt,
    keywords: [
      "cleaning services",
      "janitorial services",
      "facility management",
      "facilities management",
      "catering",
      "security services",
      "software",
      "saas",
      "it services",
      "cloud services",
      "telecommunications services",
      "travel",
      "utilities",
      "rent",
      "leasing",
      "maintenance services",
    ],
  },
  {
    name: "electronics",
    kind: "minerals",
    templates: both,
    keywords: [
      "electronic",
      "electronics",
      "electrical",
      "semiconductor",
      "integrated circuit",
      "microcontroller",
      "capacitor",
      "resistor",
      "inductor",
      "transistor",
      "diode",
      "connector",
      "sensor",
      "display",
      "led",
      "relay",
      "switch",
      "transformer",
      "power supply",
      "ems",
      "contract manufacturing",
    ],
  },
  {
    name: "printed circuit boards",
    kind: "minerals",
    templates: both,
    keywords: ["pcb", "pcba", "printed circuit", "circuit board"],
  },
  { name: "cables and wire", kind: "minerals", templates: both, keywords: ["cable", "wire", "wiring", "harness"] },
  {
    name: "batteries",
    kind: "minerals",
    templates: both,
    keywords: ["battery", "batteries", "accumulator", "cathode", "anode"],
  },
  { name: "solder", kind: "minerals", templates: cmrt, keywords: ["solder", "soldering", "brazing"] },
  {
    name: "plating and surface finishing",
    kind: "minerals",
    templates: cmrt,
    keywords: [
      "plating",
      "electroplating",
      "galvanizing",
      "galvanising",
      "anodizing",
      "anodising",
      "metal finishing",
      "sputtering",
      "target",
    ],
  },
  {
    name: "metals and metal parts",
    kind: "minerals",
    templates: cmrt,
    keywords: [
      "metal",
      "metals",
      "metallic",
      "steel",
      "stainless",
      "aluminium",
      "aluminum",
      "copper",
      "brass",
      "bronze",
      "tin",
      "tungsten",
      "tantalum",
      "gold",
      "silver",
      "nickel",
      "cobalt",
      "alloy",
      "casting",
      "forging",
      "stamping",
      "sheet metal",
      "machined",
      "machining",
      "fastener",
      "screw",
      "bolt",
      "spring",
      "bearing",
      "carbide",
      "cutting tool",
      "tooling",
      "magnet",
      "jewelry",
      "jewellery",
    ],
  },
  {
    name: "motors and electromechanical assemblies",
    kind: "minerals",
    templates: both,
    keywords: [
      "motor",
      "actuator",
      "compressor",
      "pump",
      "generator",
      "lighting",
      "lamp",
      "hardware",
      "machinery",
      "equipment",
      "instrument",
      "tool",
      "tools",
    ],
  },
  {
    name: "chemicals and pigments",
    kind: "minerals",
    templates: both,
    keywords: [
      "catalyst",
      "specialty gas",
      "pigment",
      "mica",
      "glass",
      "ceramic",
      "ceramics",
      "paint",
      "ink",
      "coating",
    ],
  },
  {
    name: "goods without minerals",
    kind: "no-minerals",
    templates: cmrt,
    keywords: [
      "janitorial",
      "cleaning supplies",
      "wood",
      "wooden",
      "timber",
      "lumber",
      "pallet",
      "paper",
      "packaging",
      "cardboard",
      "corrugated",
      "carton",
      "plastic",
      "plastics",
      "polymer",
      "resin",
      "rubber",
      "foam",
      "textile",
      "textiles",
      "apparel",
      "clothing",
      "food",
      "beverage",
      "beverages",
      "office supplies",
      "stationery",
      "furniture",
      "water",
      "fuel",
    ],
  },
];

export const ScopeConfig = z
  .object({
    /** Rules in order; the first matching service rule wins, then any minerals rule, then no-minerals rules. */
    categories: z.array(ScopeCategory).default(DEFAULT_CATEGORIES),
    /** Extra categories appended to the defaults (handy for a few company-specific words). */
    extraCategories: z.array(ScopeCategory).default([]),
    /** Suppliers whose annual spend is below this are out of scope; null = no threshold. Unknown spend never excludes. */
    minAnnualSpend: z.number().min(0).nullable().default(null),
    /** What to do with a supplier whose commodity matches no rule, or is empty. */
    unclassified: z.enum(["in", "out"]).default("in"),
    /** Templates requested from unclassified or explicitly included suppliers. */
    defaultTemplates: z.array(z.enum(["CMRT", "EMRT", "CRT", "AMRT"])).default(["CMRT"]),
    /** Supplier ids always in scope (overrides every rule except exclude). */
    include: z.array(z.string().min(1)).default([]),
    /** Supplier ids always out of scope. */
    exclude: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type ScopeConfig = z.infer<typeof ScopeConfig>;
export type ScopeConfigInput = z.input<typeof ScopeConfig>;

/** Validates the `scope` key of assay.config.json; errors name the key path. */
export function parseScopeConfig(value: unknown, file = "assay.config.json"): ScopeConfig {
  const result = ScopeConfig.safeParse(value ?? {});
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (i) => `${file}: scope${i.path.length ? "." + i.path.join(".") : ""}: ${i.message}`,
  );
  throw new AssayError(lines.join("\n"), { code: "config", exitCode: 2 });
}
