import { foldDiacritics } from "../text/normalize.ts";
import type { ReferenceAlias, ReferenceFacility } from "./match-index.ts";

/** One labelled query: `cid` null means it must stay unmatched. */
export interface EvalCase {
  name: string;
  metal: string;
  country: string | null;
  cid: string | null;
  perturbation: string;
}

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

const FORM_SWAPS: [RegExp, string[]][] = [
  [/,?\s*Co\.,?\s*Ltd\.?/i, ["", " Co Ltd", " Company Limited", " CO.,LTD", " Co. Ltd"]],
  [/\s*Corporation\b/i, ["", " Corp.", " Corp"]],
  [/,?\s*Inc\.?$/i, ["", " Incorporated"]],
  [/,?\s*Ltd\.?$/i, ["", " Limited"]],
  [/\s*GmbH\b/i, ["", " GMBH"]],
  [/,?\s*S\.A\.?$/i, ["", " SA"]],
  [/^PT\s+/i, ["", "P.T. "]],
  [/\s*Tbk\.?\b/i, [""]],
  [/,?\s*LLC\.?$/i, ["", " L.L.C."]],
  [/\s*(JSC|OJSC|PJSC)\b/i, ["", " AO"]],
];

function typo(rnd: () => number, s: string): string {
  const words = s.split(" ");
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 6 && /^[A-Za-z]+$/.test(w));
  if (long.length === 0) return s;
  const [w, i] = pick(rnd, long);
  const p = 1 + Math.floor(rnd() * (w.length - 2));
  const kind = Math.floor(rnd() * 3);
  const t = kind === 0 ? w.slice(0, p) + w.slice(p + 1) : kind === 1 ? w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2) : w.slice(0, p) + "aeiou"[Math.floor(rnd() * 5)] + w.slice(p + 1);
  words[i] = t;
  return words.join(" ");
}

const PERTURB: Record<string, (rnd: () => number, s: string, f: ReferenceFacility) => string> = {
  upper: (_, s) => s.toUpperCase(),
  lower: (_, s) => s.toLowerCase(),
  punctuation: (_, s) => s.replace(/[.,()'"’]/g, "").replace(/-/g, " "),
  "legal-form": (rnd, s) => {
    const swaps = FORM_SWAPS.filter(([re]) => re.test(s));
    if (swaps.length === 0) return `${s} ${pick(rnd, ["Co., Ltd.", "Ltd", "Inc."])}`;
    const [re, outs] = pick(rnd, swaps);
    return s.replace(re, pick(rnd, outs)).trim();
  },
  typo: (rnd, s) => typo(rnd, s),
  "token-swap": (rnd, s) => {
    const w = s.split(" ");
    if (w.length < 2) return s;
    const i = Math.floor(rnd() * (w.length - 1));
    [w[i], w[i + 1]] = [w[i + 1]!, w[i]!];
    return w.join(" ");
  },
  country: (rnd, s, f) => (f.country ? `${s}${pick(rnd, [", ", " (", " - "])}${f.country.split(",")[0]!.replace(/\b\w+/g, (x) => x[0] + x.slice(1).toLowerCase())}`.replace(/\((.*)$/, "($1)") : s),
  diacritics: (_, s) => foldDiacritics(s),
};

// Companies suppliers name that are not smelters: manufacturers, traders, generic words, sanctioned non-smelters.
const NON_SMELTERS = [
  "Apple Inc.", "Hon Hai Precision Industry Co., Ltd.", "Robert Bosch GmbH", "Siemens AG", "Texas Instruments Incorporated",
  "Murata Manufacturing Co., Ltd.", "TDK Corporation", "Samsung Electro-Mechanics", "Kyocera AVX Components", "Vishay Intertechnology",
  "Flex Ltd.", "Jabil Inc.", "Arrow Electronics", "Avnet Inc.", "Digi-Key Electronics", "Mouser Electronics", "Panasonic Holdings",
  "Nidec Corporation", "Foxlink Group", "Luxshare Precision Industry", "BYD Company Limited", "Contemporary Amperex Technology",
  "Tesla, Inc.", "General Motors Company", "Continental AG", "Denso Corporation", "Infineon Technologies AG", "STMicroelectronics N.V.",
  "NXP Semiconductors", "Amphenol Corporation", "TE Connectivity", "Molex LLC", "Yageo Corporation", "Walsin Technology",
  "Shenzhen Sunlord Electronics", "Tianma Microelectronics", "BOE Technology Group", "Pegatron Corporation", "Quanta Computer",
  "Wistron Corporation", "Compal Electronics", "Lite-On Technology", "Delta Electronics", "Sumida Corporation", "Rohm Co., Ltd.",
  "Unknown", "N/A", "Various", "Recycled", "Scrap", "See attached list", "Distributor", "Smelter not yet identified", "TBD",
  "Rosneft Oil Company", "Sovcomflot", "Islamic Revolutionary Guard Corps", "Wagner Group", "Korea Kwangson Banking Corp",
  "Mahan Air", "Bank Melli Iran", "Gazprom Neft", "Sberbank of Russia", "Hezbollah", "Tornado Cash", "Huawei Technologies Co., Ltd.",
];

const PLACES = ["Hunan", "Guangxi", "Shandong", "Zhejiang", "Fujian", "Sichuan", "Osaka", "Nagoya", "Bavaria", "Ohio", "Gujarat", "Busan", "Penang", "Ontario", "Lombardia"];
const WORDS = ["Precision", "Electronics", "Plastics", "Trading", "Logistics", "Packaging", "Optical", "Semiconductor", "Automotive", "Textile", "Furniture", "Printing", "Glass", "Ceramics", "Cable", "Connector", "Display", "Battery", "Solar", "Machinery"];

/**
 * A deterministic labelled set: `positives` real RMI names perturbed the way suppliers type them (one or two
 * perturbations each), and `negatives` names that must stay unmatched.
 */
export function buildEvalSet(facilities: readonly ReferenceFacility[], aliases: readonly ReferenceAlias[], seed: number, positives = 1000): EvalCase[] {
  const rnd = prng(seed);
  const byKey = new Map(facilities.map((f) => [`${f.metal}|${f.cid}`, f]));
  // A name RMI gives to two facilities of one metal cannot be told apart by name; those are left out.
  const owners = new Map<string, Set<string>>();
  for (const a of aliases) owners.set(`${a.metal}|${a.alias.toLowerCase()}`, (owners.get(`${a.metal}|${a.alias.toLowerCase()}`) ?? new Set()).add(a.cid));
  const pool = aliases.filter((a) => byKey.has(`${a.metal}|${a.cid}`) && owners.get(`${a.metal}|${a.alias.toLowerCase()}`)!.size === 1);
  const kinds = Object.keys(PERTURB);
  const out: EvalCase[] = [];
  for (let i = 0; i < positives && pool.length > 0; i++) {
    const a = pick(rnd, pool);
    const f = byKey.get(`${a.metal}|${a.cid}`)!;
    const chosen = [pick(rnd, kinds), ...(rnd() < 0.4 ? [pick(rnd, kinds)] : [])];
    let name = a.alias;
    for (const k of chosen) name = PERTURB[k]!(rnd, name, f);
    out.push({ name, metal: a.metal, country: rnd() < 0.5 ? f.country : null, cid: a.cid, perturbation: chosen.join("+") });
  }
  const metals = [...new Set(facilities.map((f) => f.metal))].filter((m) => ["Gold", "Tin", "Tantalum", "Tungsten", "Cobalt"].includes(m));
  const negatives = Math.round(positives / 4);
  for (let i = 0; i < negatives; i++) {
    const synthetic = rnd() < 0.5;
    const name = synthetic ? `${pick(rnd, PLACES)} ${pick(rnd, WORDS)} ${pick(rnd, WORDS)} ${pick(rnd, ["Co., Ltd.", "Inc.", "GmbH", "Ltd.", "Corporation"])}` : pick(rnd, NON_SMELTERS);
    out.push({ name, metal: pick(rnd, metals), country: null, cid: null, perturbation: synthetic ? "synthetic-company" : "non-smelter" });
  }
  return out;
}
