import { foldDiacritics } from "../src/text/normalize.ts";
import type { ReferenceAlias, ReferenceFacility } from "../src/matching/reference-rows.ts";

/** One labelled query: `cid` null means it must stay unmatched. */
export interface EvalCase {
  name: string;
  metal: string;
  country: string | null;
  cid: string | null;
  perturbation: string;
}

import { mulberry32 as prng } from "../src/generate/rng.ts";

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
  const t =
    kind === 0
      ? w.slice(0, p) + w.slice(p + 1)
      : kind === 1
        ? w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2)
        : w.slice(0, p) + "aeiou"[Math.floor(rnd() * 5)] + w.slice(p + 1);
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
  country: (rnd, s, f) =>
    f.country
      ? `${s}${pick(rnd, [", ", " (", " - "])}${f.country.split(",")[0]!.replace(/\b\w+/g, (x) => x[0] + x.slice(1).toLowerCase())}`.replace(
          /\((.*)$/,
          "($1)",
        )
      : s,
  diacritics: (_, s) => foldDiacritics(s),
};

// Companies suppliers name that are not smelters: manufacturers, traders, generic words, sanctioned non-smelters.
const NON_SMELTERS = [
  "Apple Inc.",
  "Hon Hai Precision Industry Co., Ltd.",
  "Robert Bosch GmbH",
  "Siemens AG",
  "Texas Instruments Incorporated",
  "Murata Manufacturing Co., Ltd.",
  "TDK Corporation",
  "Samsung Electro-Mechanics",
  "Kyocera AVX Components",
  "Vishay Intertechnology",
  "Flex Ltd.",
  "Jabil Inc.",
  "Arrow Electronics",
  "Avnet Inc.",
  "Digi-Key Electronics",
  "Mouser Electronics",
  "Panasonic Holdings",
  "Nidec Corporation",
  "Foxlink Group",
  "Luxshare Precision Industry",
  "BYD Company Limited",
  "Contemporary Amperex Technology",
  "Tesla, Inc.",
  "General Motors Company",
  "Continental AG",
  "Denso Corporation",
  "Infineon Technologies AG",
  "STMicroelectronics N.V.",
  "NXP Semiconductors",
  "Amphenol Corporation",
  "TE Connectivity",
  "Molex LLC",
  "Yageo Corporation",
  "Walsin Technology",
  "Shenzhen Sunlord Electronics",
  "Tianma Microelectronics",
  "BOE Technology Group",
  "Pegatron Corporation",
  "Quanta Computer",
  "Wistron Corporation",
  "Compal Electronics",
  "Lite-On Technology",
  "Delta Electronics",
  "Sumida Corporation",
  "Rohm Co., Ltd.",
  "Unknown",
  "N/A",
  "Various",
  "Recycled",
  "Scrap",
  "See attached list",
  "Distributor",
  "Smelter not yet identified",
  "TBD",
  "Rosneft Oil Company",
  "Sovcomflot",
  "Islamic Revolutionary Guard Corps",
  "Wagner Group",
  "Korea Kwangson Banking Corp",
  "Mahan Air",
  "Bank Melli Iran",
  "Gazprom Neft",
  "Sberbank of Russia",
  "Hezbollah",
  "Tornado Cash",
  "Huawei Technologies Co., Ltd.",
];

const PLACES = [
  "Hunan",
  "Guangxi",
  "Shandong",
  "Zhejiang",
  "Fujian",
  "Sichuan",
  "Osaka",
  "Nagoya",
  "Bavaria",
  "Ohio",
  "Gujarat",
  "Busan",
  "Penang",
  "Ontario",
  "Lombardia",
];
const WORDS = [
  "Precision",
  "Electronics",
  "Plastics",
  "Trading",
  "Logistics",
  "Packaging",
  "Optical",
  "Semiconductor",
  "Automotive",
  "Textile",
  "Furniture",
  "Printing",
  "Glass",
  "Ceramics",
  "Cable",
  "Connector",
  "Display",
  "Battery",
  "Solar",
  "Machinery",
];

// Provinces and mining towns that RMI smelter names start with; a trader named after one and a metal is no smelter.
const MINING_PLACES = new Set([
  "jiangxi",
  "hunan",
  "yunnan",
  "guangxi",
  "guangdong",
  "fujian",
  "zhejiang",
  "jiangsu",
  "shandong",
  "henan",
  "hubei",
  "anhui",
  "sichuan",
  "guizhou",
  "qinghai",
  "ningxia",
  "hebei",
  "ganzhou",
  "chenzhou",
  "gejiu",
  "dongguan",
  "shenzhen",
  "xiamen",
  "hengyang",
  "jiujiang",
  "zhuzhou",
  "chongyi",
  "lingbao",
  "luoyang",
  "zhaoyuan",
  "laizhou",
  "yantai",
  "liuzhou",
  "malipo",
  "novosibirsk",
  "krasnoyarsk",
  "ekaterinburg",
  "moscow",
  "istanbul",
  "rondonia",
  "bangka",
  "penang",
]);
const TRADE_FORMS = [
  "Trading Co., Ltd.",
  "Import & Export Co., Ltd.",
  "Hardware Products Co., Ltd.",
  "Materials Sales Co., Ltd.",
  "Electronic Technology Co., Ltd.",
  "Logistics Co., Ltd.",
  "Tools Factory",
  "Supply Chain Management Co., Ltd.",
  "Jewelry Co., Ltd.",
  "Alloy Wire Trading Ltd.",
];

/**
 * Hard negatives: a province or mining town that RMI smelter names carry, the facility's metal word and a
 * trader's or manufacturer's business ("Jiangxi Tungsten Trading Co., Ltd."); names equal to an RMI alias are left out.
 */
export function hardNegatives(
  facilities: readonly ReferenceFacility[],
  aliases: readonly ReferenceAlias[],
  rnd: () => number,
  count: number,
): EvalCase[] {
  const byKey = new Map(facilities.map((f) => [`${f.metal}|${f.cid}`, f]));
  const known = new Set(
    aliases.map(
      (a) =>
        `${a.metal}|${foldDiacritics(a.alias)
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, " ")
          .trim()}`,
    ),
  );
  const seeds: { place: string; metal: string; country: string | null }[] = [];
  for (const a of aliases) {
    const place = a.alias.split(/[\s,()]+/).find((w) => MINING_PLACES.has(w.toLowerCase()));
    if (place)
      seeds.push({
        place: place[0]!.toUpperCase() + place.slice(1).toLowerCase(),
        metal: a.metal,
        country: byKey.get(`${a.metal}|${a.cid}`)?.country ?? null,
      });
  }
  const out: EvalCase[] = [];
  for (let i = 0; seeds.length > 0 && out.length < count && i < count * 20; i++) {
    const seed = pick(rnd, seeds);
    const word =
      rnd() < 0.75 ? seed.metal : pick(rnd, ["Nonferrous Metals", "Rare Metals", "Mining", "Metal Materials"]);
    const name = `${seed.place} ${word} ${pick(rnd, TRADE_FORMS)}`;
    if (
      known.has(
        `${seed.metal}|${name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, " ")
          .trim()}`,
      )
    )
      continue;
    out.push({
      name,
      metal: seed.metal,
      country: rnd() < 0.5 ? seed.country : null,
      cid: null,
      perturbation: "hard-negative",
    });
  }
  return out;
}

/**
 * A deterministic labelled set: `positives` real RMI names perturbed the way suppliers type them (one or two
 * perturbations each), names that must stay unmatched, and `hardNegatives` (one per eight positives).
 */
export function buildEvalSet(
  facilities: readonly ReferenceFacility[],
  aliases: readonly ReferenceAlias[],
  seed: number,
  positives = 1000,
): EvalCase[] {
  const rnd = prng(seed);
  const byKey = new Map(facilities.map((f) => [`${f.metal}|${f.cid}`, f]));
  // A name RMI gives to two facilities of one metal cannot be told apart by name; those are left out.
  const owners = new Map<string, Set<string>>();
  for (const a of aliases)
    owners.set(
      `${a.metal}|${a.alias.toLowerCase()}`,
      (owners.get(`${a.metal}|${a.alias.toLowerCase()}`) ?? new Set()).add(a.cid),
    );
  const pool = aliases.filter(
    (a) => byKey.has(`${a.metal}|${a.cid}`) && owners.get(`${a.metal}|${a.alias.toLowerCase()}`)!.size === 1,
  );
  const kinds = Object.keys(PERTURB);
  const out: EvalCase[] = [];
  for (let i = 0; i < positives && pool.length > 0; i++) {
    const a = pick(rnd, pool);
    const f = byKey.get(`${a.metal}|${a.cid}`)!;
    const chosen = [pick(rnd, kinds), ...(rnd() < 0.4 ? [pick(rnd, kinds)] : [])];
    let name = a.alias;
    for (const k of chosen) name = PERTURB[k]!(rnd, name, f);
    out.push({
      name,
      metal: a.metal,
      country: rnd() < 0.5 ? f.country : null,
      cid: a.cid,
      perturbation: chosen.join("+"),
    });
  }
  const metals = [...new Set(facilities.map((f) => f.metal))].filter((m) =>
    ["Gold", "Tin", "Tantalum", "Tungsten", "Cobalt"].includes(m),
  );
  const negatives = Math.round(positives / 4);
  for (let i = 0; i < negatives; i++) {
    const synthetic = rnd() < 0.5;
    const name = synthetic
      ? `${pick(rnd, PLACES)} ${pick(rnd, WORDS)} ${pick(rnd, WORDS)} ${pick(rnd, ["Co., Ltd.", "Inc.", "GmbH", "Ltd.", "Corporation"])}`
      : pick(rnd, NON_SMELTERS);
    out.push({
      name,
      metal: pick(rnd, metals),
      country: null,
      cid: null,
      perturbation: synthetic ? "synthetic-company" : "non-smelter",
    });
  }
  out.push(...hardNegatives(facilities, aliases, rnd, Math.round(positives / 8)));
  return out;
}
