import { foldDiacritics } from "../text/normalize.ts";

export const CMRT_METALS = ["Tantalum", "Tin", "Gold", "Tungsten"] as const;
export const EMRT_MINERALS = ["Cobalt", "Copper", "Graphite", "Lithium", "Mica", "Nickel"] as const;

/** The minerals of a template family, in the template's row order. */
export function familyMinerals(family: "CMRT" | "EMRT"): readonly string[] {
  return family === "CMRT" ? CMRT_METALS : EMRT_MINERALS;
}

// The one metal table: RMI's spelling (as its Smelter Look-ups write it: "Aluminum", "Rare Earth Elements") → the
// ways suppliers write it: symbols, other languages the templates ship in (zh, ja, ko, de, fr, es, pt), simplified and
// traditional Chinese. AMRT 1.31 adds Cd, Pb, Mo, Re, Se, Te; AMRT's "Other" cells take any metal, hence the long tail.
// Ambiguous two-letter words ("in", "as") are deliberately absent.
const SPELLINGS: Record<string, readonly string[]> = {
  Tin: ["sn", "tin", "zinn", "etain", "estano", "estanho", "stagno", "cassiterite", "锡", "錫", "スズ", "すず", "주석"],
  Tantalum: [
    "ta",
    "tantalum",
    "tantal",
    "tantale",
    "tantalo",
    "tantalio",
    "coltan",
    "钽",
    "鉭",
    "タンタル",
    "탄탈륨",
    "탄탈럼",
    "탄탈",
  ],
  Tungsten: [
    "w",
    "tungsten",
    "wolfram",
    "tungstene",
    "tungsteno",
    "tungstenio",
    "wolframio",
    "wolframite",
    "钨",
    "鎢",
    "タングステン",
    "텅스텐",
  ],
  Gold: ["au", "gold", "or", "oro", "ouro", "金", "黄金", "黃金", "キン", "금"],
  Cobalt: ["co", "cobalt", "kobalt", "cobalto", "钴", "鈷", "コバルト", "코발트"],
  Copper: ["cu", "copper", "kupfer", "cuivre", "cobre", "rame", "铜", "銅", "ドウ", "구리"],
  Graphite: [
    "graphite",
    "natural graphite",
    "graphit",
    "grafito",
    "grafite",
    "石墨",
    "天然石墨",
    "黒鉛",
    "グラファイト",
    "흑연",
  ],
  // AMRT's synthetic graphite is its own entry (RMI's spelling, and its own typo), never EMRT's natural graphite.
  "Graphite (Artificial)": [
    "graphite (artificial)",
    "graphite (articial)",
    "artificial graphite",
    "synthetic graphite",
    "graphite artificial",
    "人造石墨",
    "合成石墨",
    "人造黒鉛",
  ],
  Lithium: ["li", "lithium", "litio", "锂", "鋰", "リチウム", "리튬"],
  Mica: ["mica", "natural mica", "glimmer", "云母", "雲母", "天然云母", "マイカ", "운모"],
  Nickel: ["ni", "nickel", "niquel", "nichel", "镍", "鎳", "ニッケル", "니켈"],
  Aluminum: ["al", "aluminum", "aluminium", "aluminio", "alluminio", "铝", "鋁", "アルミニウム", "알루미늄"],
  Chromium: ["cr", "chromium", "chrome", "chrom", "cromo", "铬", "鉻", "クロム", "크롬"],
  Silver: ["ag", "silver", "silber", "argent", "plata", "prata", "argento", "银", "銀", "은"],
  Zinc: ["zn", "zinc", "zink", "zinco", "锌", "鋅", "亜鉛", "아연"],
  Platinum: ["pt", "platinum", "platin", "platine", "platino", "platina", "铂", "鉑", "白金", "プラチナ", "백금"],
  Palladium: ["pd", "palladium", "paladio", "palladio", "钯", "鈀", "パラジウム", "팔라듐"],
  Iridium: ["ir", "iridium", "iridio", "铱", "銥", "イリジウム", "이리듐"],
  Rhodium: ["rh", "rhodium", "rodio", "铑", "銠", "ロジウム", "로듐"],
  Ruthenium: ["ru", "ruthenium", "rutenio", "钌", "釕", "ルテニウム", "루테늄"],
  Manganese: ["mn", "manganese", "mangan", "manganeso", "manganes", "锰", "錳", "マンガン", "망간"],
  Lime: ["lime", "kalk", "chaux", "cal", "石灰", "生石灰", "석회"],
  "Soda Ash": ["soda ash", "sodium carbonate", "soda", "纯碱", "純鹼", "苏打", "ソーダ灰", "소다회"],
  "Rare Earth Elements": [
    "ree",
    "rees",
    "rare earth elements",
    "rare earths",
    "rare earth",
    "seltene erden",
    "terres rares",
    "tierras raras",
    "稀土",
    "稀土元素",
    "レアアース",
    "희토류",
  ],
  Cadmium: ["cd", "cadmium", "cadmio", "镉", "鎘", "カドミウム", "카드뮴"],
  Lead: ["pb", "lead", "blei", "plomb", "plomo", "chumbo", "piombo", "铅", "鉛", "납"],
  Molybdenum: ["mo", "molybdenum", "molybdan", "molybdene", "molibdeno", "钼", "鉬", "モリブデン", "몰리브덴"],
  Rhenium: ["re", "rhenium", "renio", "铼", "錸", "レニウム", "레늄"],
  Selenium: ["se", "selenium", "selen", "selenio", "硒", "セレン", "셀레늄"],
  Tellurium: ["te", "tellurium", "tellur", "telurio", "碲", "テルル", "텔루륨"],
  Iron: ["fe", "iron", "eisen", "fer", "hierro", "ferro", "铁", "鐵", "鉄", "철"],
  Titanium: ["ti", "titanium", "titan", "titane", "titanio", "钛", "鈦", "チタン", "티타늄"],
  Magnesium: ["mg", "magnesium", "magnesio", "镁", "鎂", "マグネシウム", "마그네슘"],
  Antimony: ["sb", "antimony", "antimon", "antimoine", "antimonio", "锑", "銻", "アンチモン", "안티몬"],
  Bismuth: ["bi", "bismuth", "wismut", "bismuto", "铋", "鉍", "ビスマス", "비스무트"],
  Indium: ["indium", "indio", "铟", "銦", "インジウム", "인듐"],
  Gallium: ["ga", "gallium", "galio", "gallio", "镓", "鎵", "ガリウム", "갈륨"],
  Germanium: ["ge", "germanium", "germanio", "锗", "鍺", "ゲルマニウム", "게르마늄"],
  Vanadium: ["v", "vanadium", "vanadio", "钒", "釩", "バナジウム", "바나듐"],
  Niobium: ["nb", "niobium", "niob", "niobio", "铌", "鈮", "ニオブ", "니오븀"],
  Silicon: ["si", "silicon", "silizium", "silicium", "silicio", "硅", "矽", "ケイ素", "규소"],
  Beryllium: ["be", "beryllium", "berilio", "铍", "鈹", "ベリリウム", "베릴륨"],
  Fluorspar: ["fluorspar", "fluorite", "萤石", "螢石", "蛍石", "형석"],
};

/** Every metal by RMI's spelling: the one way the warehouse stores a metal. */
export const METAL_NAMES: readonly string[] = Object.keys(SPELLINGS);

function fold(value: string): string {
  return foldDiacritics(value.normalize("NFKC"))
    .normalize("NFC")
    .toLowerCase()
    .replace(/\(\*\)|\*/g, " ")
    .replace(/[\s_]+/g, " ")
    .trim();
}

const TABLE = new Map<string, string>();
for (const [metal, spellings] of Object.entries(SPELLINGS)) for (const s of spellings) TABLE.set(fold(s), metal);

const TEN = new Set<string>([...CMRT_METALS, ...EMRT_MINERALS]);
const LATIN_KEYS = [...TABLE.keys()]
  .filter((k) => /^[a-z ]+$/.test(k) && k.length > 2)
  .sort((a, b) => b.length - a.length);
// Words around a metal name in a cell: "Tin (Sn) (*)", "金属锡", "天然云母", "Cobalt refiner".
const CJK_FILLER = /金属|金屬|元素|矿石|礦石|矿|礦|精矿|天然|金属の|メタル|금속/g;

/**
 * RMI's name of a metal in any supplier spelling (`Sn`, `W`, `Wolfram`, `Tantal`, `Au`, ` TIN(*) `, `Tin (Sn)`,
 * `natural graphite`, `锡`, `金属铝`, `Aluminium`) → Tin, Tungsten, Tungsten, Tantalum, Gold, Tin, Tin, Graphite, Tin,
 * Aluminum, Aluminum. Null when no metal of the table is named.
 */
export function canonicalMetal(value: string | null | undefined): string | null {
  if (!value) return null;
  const key = fold(value);
  if (key === "") return null;
  const direct = TABLE.get(key);
  if (direct) return direct;
  // "Tin (Sn)", "Gold / Au": the text outside brackets, then each bracketed or slashed part.
  const parts = key
    .split(/[()（）[\]/／,，、;；|]+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  for (const p of parts) {
    const hit = TABLE.get(p) ?? TABLE.get(p.replace(CJK_FILLER, "").trim());
    if (hit) return hit;
  }
  // A metal word inside longer Latin text ("tin smelter", "cobalt refiner"), longest spelling first.
  const words = ` ${key.replace(/[^a-z ]+/g, " ").replace(/\s+/g, " ")} `;
  for (const k of LATIN_KEYS) if (words.includes(` ${k} `)) return TABLE.get(k)!;
  return null;
}

/** As canonicalMetal, but only for the ten CMRT/EMRT minerals (`TIN(*)`, `natural graphite`); null for any other. */
export function canonicalMineral(value: string | null | undefined): string | null {
  const metal = canonicalMetal(value);
  return metal !== null && TEN.has(metal) ? metal : null;
}

/** RMI's spelling of a metal; text that names no metal of the table is returned trimmed (null when empty). */
export function normalizeMetal(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim().replace(/\s+/g, " ");
  if (trimmed === "") return null;
  return canonicalMetal(trimmed) ?? trimmed;
}

const CONFLICT_MINERALS = new Set(CMRT_METALS.map((m) => m.toLowerCase()));

/** Tin, tantalum, tungsten, gold: the minerals Dodd-Frank §1502 and EU 2017/821 cover (DOMAIN B §5.1–5.2). */
export function isConflictMineral(mineral: string): boolean {
  return CONFLICT_MINERALS.has(mineral.trim().toLowerCase());
}
