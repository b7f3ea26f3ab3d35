// An independent, seeded generator of supplier-typed smelter names for evaluating identification.
// It reads RMI's files directly (data/reference/rmi) and perturbs names with its own tables of local legal
// forms, metal spellings and abbreviations — none of the matcher's normalisation rules are used, so the
// evaluation measures what suppliers type, not what the matcher was written to undo.
import { readdirSync, readFileSync } from "node:fs";
import { mulberry32 } from "../src/generate/rng.ts";
import { parseCsvRecords } from "../src/text/csv.ts";

export interface GeneratedCase {
  name: string;
  metal: string;
  country: string | null;
  /** Expected CID; null for a name that must not be assigned. */
  cid: string | null;
  kind: string;
}

interface RefName {
  metal: string;
  cid: string;
  name: string;
  standard: string;
  country: string;
  vintage: string;
}

const RMI_DIR = new URL("../data/reference/rmi/", import.meta.url);

/** Every (metal, CID, name) the shipped look-ups and facility reference lists carry, with the file's vintage order. */
export function readReferenceNames(dir = RMI_DIR): RefName[] {
  const out: RefName[] = [];
  for (const file of readdirSync(dir).sort()) {
    const look = /^rmi_smelter_lookup_(CMRT|EMRT|AMRT|CRT)_([\d.]+)\.csv$/.exec(file);
    const list = /^rmi_facility_list_(\d{4}-\d{2}-\d{2})_\w+\.csv$/.exec(file);
    if (!look && !list) continue;
    const records = parseCsvRecords(readFileSync(new URL(file, dir), "utf8"));
    const header = records[0]!.fields.map((h) => h.trim().toLowerCase());
    const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
    const at = {
      metal: col("metal"),
      name: col("smelter_lookup_name", "smelter reference"),
      standard: col("standard_smelter_name", "standard smelter name"),
      country: col("country"),
      cid: col("smelter_id", "smelter id"),
    };
    const vintage = list ? list[1]! : `${look![1]} ${look![2]!.padStart(5, "0")}`;
    for (const r of records.slice(1)) {
      const f = (i: number) => (r.fields[i] ?? "").trim();
      if (!/^CID\d{6}$/.test(f(at.cid)) || !f(at.name)) continue;
      out.push({
        metal: f(at.metal),
        cid: f(at.cid),
        name: f(at.name),
        standard: f(at.standard) || f(at.name),
        country: f(at.country),
        vintage: `${list ? "z" : "a"}${vintage}`,
      });
    }
  }
  return out;
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const simple = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9\u3040-\u9fff]+/g, " ")
    .trim();

// The generator's own view of legal forms: a trailing run it cuts off, and local forms it appends per country.
const TRAILING_FORM =
  /[\s,.]*(co\.?,?\s*ltd\.?|company\s+limited|corporation|corp\.?|inc\.?|incorporated|limited|ltd\.?|llc|gmbh|ag|s\.?a\.?|s\.?p\.?a\.?|jsc|ojsc|pjsc|pte\.?\s*ltd\.?|pvt\.?\s*ltd\.?|sdn\.?\s*bhd\.?|tbk\.?|ltda\.?|k\.?k\.?)$/i;
const LOCAL_FORMS: Record<string, string[]> = {
  JAPAN: [" K.K.", " Kabushiki Kaisha", " KK", " Co., Ltd."],
  CHINA: [" Youxian Gongsi", " Gufen Youxian Gongsi", " Co Ltd", " Co., Ltd", " Company Limited"],
  "KOREA, REPUBLIC OF": [" Jusik Hoesa", " Co., Ltd.", " Corp."],
  "RUSSIAN FEDERATION": [" AO", " OAO", " PAO", " JSC", " OOO"],
  KAZAKHSTAN: [" JSC", " AO", " TOO"],
  MALAYSIA: [" Sdn Bhd", " Sdn. Bhd.", " Berhad"],
  INDONESIA: [" Tbk", " PT"],
  BRAZIL: [" Ltda", " S.A.", " Industria e Comercio Ltda"],
  GERMANY: [" GmbH", " AG", " GmbH & Co. KG"],
  "TAIWAN, PROVINCE OF CHINA": [" Co., Ltd.", " Corp."],
  "VIET NAM": [" JSC", " Joint Stock Company", " Co., Ltd"],
  INDIA: [" Pvt Ltd", " Private Limited", " Ltd."],
};
const ANY_FORMS = [" Ltd", " Limited", " Inc.", " Co.", " Corporation", " LLC", " S.A."];

const METAL_WORDS: Record<string, [RegExp, string[]]> = {
  Tin: [/\bTin\b/i, ["Sn"]],
  Tungsten: [/\bTungsten\b/i, ["W", "Wolfram"]],
  Tantalum: [/\bTantalum\b/i, ["Tantal", "Ta"]],
  Gold: [/\bGold\b/i, ["Au"]],
};
const METAL_FIELD: Record<string, string[]> = {
  Tin: ["Sn", "TIN", "tin"],
  Tungsten: ["W", "Wolfram", "tungsten"],
  Tantalum: ["Ta", "Tantal", "TANTALUM"],
  Gold: ["Au", "GOLD", "gold"],
};

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bIndustries\b/i, "Ind."],
  [/\bIndustry\b/i, "Ind."],
  [/\bIndustrial\b/i, "Ind."],
  [/\bManufacturing\b/i, "Mfg."],
  [/\bInternational\b/i, "Intl"],
  [/\bJoint[- ]Stock Company\b/i, "JSC"],
  [/\bCompany\b/i, "Co."],
  [/\bCorporation\b/i, "Corp"],
  [/\bTechnology\b/i, "Tech"],
  [/\bMetallurgical\b/i, "Metallurg."],
  [/\bLimited\b/i, "Ltd"],
  [/\bRefinery\b/i, "Ref."],
  [/\bMining\b/i, "Mng."],
  [/\bDevelopment\b/i, "Dev."],
  [/\bProducts\b/i, "Prods"],
  [/\bMaterials?\b/i, "Mat."],
];

function typo(rnd: () => number, s: string): string {
  const words = s.split(" ");
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 7 && /^[A-Za-z]+$/.test(w));
  if (long.length === 0) return s;
  const [w, i] = pick(rnd, long);
  const p = 1 + Math.floor(rnd() * (w.length - 3));
  words[i] = rnd() < 0.5 ? w.slice(0, p) + w.slice(p + 1) : w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2);
  return words.join(" ");
}

const POSITIVE: Record<string, (rnd: () => number, r: RefName) => { name: string; metal?: string } | null> = {
  "case-punctuation": (rnd, r) => ({
    name: rnd() < 0.5 ? r.name.toUpperCase().replace(/[.,]/g, "") : r.name.toLowerCase().replace(/[()]/g, ""),
  }),
  "local-legal-form": (rnd, r) => {
    const core = r.name.replace(TRAILING_FORM, "").trim();
    if (core.length < 3) return null;
    return { name: `${core}${pick(rnd, LOCAL_FORMS[r.country] ?? ANY_FORMS)}` };
  },
  "metal-in-name": (rnd, r) => {
    const w = METAL_WORDS[r.metal];
    if (w === undefined) return null;
    if (!w[0].test(r.name)) return null;
    return { name: r.name.replace(w[0], pick(rnd, w[1])) };
  },
  "metal-field": (rnd, r) => (METAL_FIELD[r.metal] ? { name: r.name, metal: pick(rnd, METAL_FIELD[r.metal]!) } : null),
  abbreviation: (rnd, r) => {
    const hits = ABBREVIATIONS.filter(([re]) => re.test(r.name));
    if (hits.length === 0) return null;
    let name = r.name;
    for (const [re, to] of hits) if (rnd() < 0.7 || hits.length === 1) name = name.replace(re, to);
    return name === r.name ? null : { name };
  },
  typo: (rnd, r) => {
    const name = typo(rnd, r.name);
    return name === r.name ? null : { name };
  },
  "country-appended": (rnd, r) =>
    r.country
      ? {
          name: `${r.name}${pick(rnd, [", ", " - ", " "])}${r.country
            .split(",")[0]!
            .toLowerCase()
            .replace(/\b\w/g, (c) => c.toUpperCase())}`,
        }
      : null,
};

// Words for names that are not RMI facilities.
const TRADE = [
  "Trading Co., Ltd.",
  "Import & Export Co., Ltd.",
  "Metal Materials Sales Co., Ltd.",
  "Hardware Co., Ltd.",
  "Supply Chain Co., Ltd.",
  "Solder Wire Trading Ltd.",
];
const ORE: Record<string, string[]> = {
  Tin: ["Cassiterite", "Tin Ore"],
  Tungsten: ["Wolframite", "Scheelite"],
  Tantalum: ["Coltan", "Tantalite"],
  Gold: ["Gold Ore", "Alluvial Gold"],
  Cobalt: ["Cobalt Ore", "Heterogenite"],
};
const SYLLABLES = [
  "xin",
  "hua",
  "long",
  "feng",
  "tai",
  "kai",
  "rui",
  "sheng",
  "bao",
  "cheng",
  "da",
  "yu",
  "jin",
  "hong",
  "zhen",
  "wei",
  "kang",
  "lian",
];
const SMELTING = [
  "Smelting Co., Ltd.",
  "Smelter Co., Ltd.",
  "Refining Co., Ltd.",
  "Metallurgy Co., Ltd.",
  "Nonferrous Metals Co., Ltd.",
  "Materials Co., Ltd.",
];

/** `positives` perturbed names (spread over the kinds), historical names, and negatives of four kinds. */
export function generateCases(seed: number, positives = 1200, negatives = 600): GeneratedCase[] {
  const rnd = mulberry32(seed);
  const names = readReferenceNames();
  const newest = new Map<string, RefName>();
  for (const r of names)
    if ((newest.get(`${r.metal}|${r.cid}`)?.vintage ?? "") <= r.vintage) newest.set(`${r.metal}|${r.cid}`, r);
  // Names one metal gives to one CID only (RMI gives a few names to two facilities; those cannot be told apart).
  const owners = new Map<string, Set<string>>();
  for (const r of names)
    owners.set(`${r.metal}|${simple(r.name)}`, (owners.get(`${r.metal}|${simple(r.name)}`) ?? new Set()).add(r.cid));
  const unique = (metal: string, name: string) => (owners.get(`${metal}|${simple(name)}`)?.size ?? 0) === 1;
  // Names that differ only by legal form across CIDs ("Johnson Matthey Inc." / "Johnson Matthey Ltd.") cannot be
  // told apart once the form is changed: such cores are left out of the positives.
  const coreOf = (name: string) => simple(name.replace(TRAILING_FORM, ""));
  const coreOwners = new Map<string, Set<string>>();
  for (const r of names)
    for (const n of [r.name, r.standard])
      coreOwners.set(`${r.metal}|${coreOf(n)}`, (coreOwners.get(`${r.metal}|${coreOf(n)}`) ?? new Set()).add(r.cid));
  const sharedCore = (metal: string, name: string, cid: string) =>
    [...(coreOwners.get(`${metal}|${coreOf(name)}`) ?? [])].some((c) => c !== cid);
  const current = [...newest.values()];
  const currentCids = new Set(current.filter((r) => r.vintage.startsWith("z")).map((r) => `${r.metal}|${r.cid}`));
  const pool = names.filter(
    (r) => r.vintage.startsWith("z") && unique(r.metal, r.name) && !/[\u3040-\u9fff]/.test(r.name),
  );
  const out: GeneratedCase[] = [];
  const kinds = Object.keys(POSITIVE);
  for (let i = 0, tries = 0; i < positives && tries < positives * 20; tries++) {
    const kind = kinds[i % kinds.length]!;
    const r = pick(rnd, pool);
    const p = POSITIVE[kind]!(rnd, r);
    if (!p || sharedCore(r.metal, r.name, r.cid)) continue;
    out.push({ name: p.name, metal: p.metal ?? r.metal, country: rnd() < 0.5 ? r.country : null, cid: r.cid, kind });
    i++;
  }
  // Historical names: what an older look-up called a facility that the newest list names differently.
  const historical = names.filter(
    (r) =>
      r.vintage.startsWith("a") &&
      unique(r.metal, r.name) &&
      currentCids.has(`${r.metal}|${r.cid}`) &&
      simple(newest.get(`${r.metal}|${r.cid}`)!.standard) !== simple(r.standard) &&
      simple(r.standard) === simple(r.name),
  );
  const seenHist = new Set<string>();
  for (const r of historical) {
    const k = `${r.metal}|${simple(r.name)}`;
    if (seenHist.has(k) || !unique(r.metal, r.name)) continue;
    seenHist.add(k);
    out.push({
      name: r.name,
      metal: r.metal,
      country: rnd() < 0.5 ? r.country : null,
      cid: r.cid,
      kind: "historical-name",
    });
  }

  const known = new Set(names.map((r) => `${r.metal}|${simple(r.name)}`));
  const byMetal = new Map<string, string[]>();
  for (const r of names) byMetal.set(r.metal, [...(byMetal.get(r.metal) ?? []), simple(r.name), simple(r.standard)]);
  const namesOf = (metal: string) => byMetal.get(metal) ?? [];
  const places = [
    ...new Set(
      names.flatMap((r) =>
        r.name
          .split(/[\s,()]+/)
          .filter(
            (w) =>
              /^[A-Z][a-z]{3,}$/.test(w) &&
              [
                "Jiangxi",
                "Hunan",
                "Yunnan",
                "Guangxi",
                "Guangdong",
                "Fujian",
                "Ganzhou",
                "Chenzhou",
                "Gejiu",
                "Shandong",
                "Henan",
                "Zhuzhou",
                "Bangka",
                "Rondonia",
                "Novosibirsk",
                "Hengyang",
                "Jiujiang",
                "Lingbao",
                "Zhaoyuan",
              ].includes(w),
          ),
      ),
    ),
  ];
  const cmrt = ["Tin", "Tungsten", "Tantalum", "Gold"];
  const negKinds: Record<string, () => GeneratedCase | null> = {
    trader: () => {
      const metal = pick(rnd, cmrt);
      return {
        name: `${pick(rnd, places)} ${metal} ${pick(rnd, TRADE)}`,
        metal,
        country: null,
        cid: null,
        kind: "trader",
      };
    },
    mine: () => {
      const metal = pick(rnd, cmrt);
      const ore = pick(rnd, ORE[metal]!);
      return {
        name:
          rnd() < 0.5
            ? `${pick(rnd, places)} ${ore} Mine`
            : `${pick(rnd, places)} ${pick(rnd, SYLLABLES)}${pick(rnd, SYLLABLES)} ${ore} Mining Co., Ltd.`,
        metal,
        country: null,
        cid: null,
        kind: "mine",
      };
    },
    "same-industry": () => {
      const metal = pick(rnd, cmrt);
      const word = `${pick(rnd, SYLLABLES)}${pick(rnd, SYLLABLES)}`;
      return {
        name: `${pick(rnd, places)} ${word[0]!.toUpperCase()}${word.slice(1)} ${metal} ${pick(rnd, SMELTING)}`,
        metal,
        country: rnd() < 0.5 ? "CHINA" : null,
        cid: null,
        kind: "same-industry",
      };
    },
    "wrong-metal": () => {
      const r = pick(rnd, pool);
      const metal = pick(
        rnd,
        [...cmrt, "Cobalt"].filter((m) => m !== r.metal),
      );
      // Not when the same company has a facility for that metal (its first distinctive word appears there).
      const first = simple(r.name)
        .split(" ")
        .find(
          (w) =>
            w.length >= 4 &&
            !["the", "jiangxi", "hunan", "yunnan", "guangxi", "guangdong", "china", "shandong"].includes(w),
        );
      if (!first || namesOf(metal).some((n) => n.split(" ").includes(first))) return null;
      return { name: r.name, metal, country: null, cid: null, kind: "wrong-metal" };
    },
  };
  const negNames = Object.keys(negKinds);
  for (let i = 0, tries = 0; i < negatives && tries < negatives * 20; tries++) {
    const c = negKinds[negNames[i % negNames.length]!]!();
    if (!c) continue;
    // A generated name that happens to be (or normalise to) a real facility's name for that metal is no negative.
    const s = simple(c.name);
    if (known.has(`${c.metal}|${s}`) || names.some((r) => r.metal === c.metal && simple(r.name).includes(s))) continue;
    out.push(c);
    i++;
  }
  return out;
}
