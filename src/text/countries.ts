import { normalizeName } from "./normalize.ts";

// ISO 3166-1 alpha-2 → alpha-3, plus XK/XKX (Kosovo: user-assigned, used by OFAC, the EU and the World Bank).
const ISO_TABLE = `AD AND AE ARE AF AFG AG ATG AI AIA AL ALB AM ARM AO AGO AQ ATA AR ARG AS ASM AT AUT AU AUS AW ABW AX ALA AZ AZE
BA BIH BB BRB BD BGD BE BEL BF BFA BG BGR BH BHR BI BDI BJ BEN BL BLM BM BMU BN BRN BO BOL BQ BES BR BRA BS BHS BT BTN
BV BVT BW BWA BY BLR BZ BLZ CA CAN CC CCK CD COD CF CAF CG COG CH CHE CI CIV CK COK CL CHL CM CMR CN CHN CO COL CR CRI
CU CUB CV CPV CW CUW CX CXR CY CYP CZ CZE DE DEU DJ DJI DK DNK DM DMA DO DOM DZ DZA EC ECU EE EST EG EGY EH ESH ER ERI
ES ESP ET ETH FI FIN FJ FJI FK FLK FM FSM FO FRO FR FRA GA GAB GB GBR GD GRD GE GEO GF GUF GG GGY GH GHA GI GIB GL GRL
GM GMB GN GIN GP GLP GQ GNQ GR GRC GS SGS GT GTM GU GUM GW GNB GY GUY HK HKG HM HMD HN HND HR HRV HT HTI HU HUN ID IDN
IE IRL IL ISR IM IMN IN IND IO IOT IQ IRQ IR IRN IS ISL IT ITA JE JEY JM JAM JO JOR JP JPN KE KEN KG KGZ KH KHM KI KIR
KM COM KN KNA KP PRK KR KOR KW KWT KY CYM KZ KAZ LA LAO LB LBN LC LCA LI LIE LK LKA LR LBR LS LSO LT LTU LU LUX LV LVA
LY LBY MA MAR MC MCO MD MDA ME MNE MF MAF MG MDG MH MHL MK MKD ML MLI MM MMR MN MNG MO MAC MP MNP MQ MTQ MR MRT MS MSR
MT MLT MU MUS MV MDV MW MWI MX MEX MY MYS MZ MOZ NA NAM NC NCL NE NER NF NFK NG NGA NI NIC NL NLD NO NOR NP NPL NR NRU
NU NIU NZ NZL OM OMN PA PAN PE PER PF PYF PG PNG PH PHL PK PAK PL POL PM SPM PN PCN PR PRI PS PSE PT PRT PW PLW PY PRY
QA QAT RE REU RO ROU RS SRB RU RUS RW RWA SA SAU SB SLB SC SYC SD SDN SE SWE SG SGP SH SHN SI SVN SJ SJM SK SVK SL SLE
SM SMR SN SEN SO SOM SR SUR SS SSD ST STP SV SLV SX SXM SY SYR SZ SWZ TC TCA TD TCD TF ATF TG TGO TH THA TJ TJK TK TKL
TL TLS TM TKM TN TUN TO TON TR TUR TT TTO TV TUV TW TWN TZ TZA UA UKR UG UGA UM UMI US USA UY URY UZ UZB VA VAT VC VCT
VE VEN VG VGB VI VIR VN VNM VU VUT WF WLF WS WSM XK XKX YE YEM YT MYT ZA ZAF ZM ZMB ZW ZWE`;

// RMI list spellings (data/reference/country-risk/rmi_country_to_iso.csv) that are not plain English names,
// formal ISO names, and the variants suppliers and sanctions lists write.
const ALIASES: Record<string, string> = {
  "congo, democratic republic of the": "CD",
  "democratic republic of the congo": "CD",
  "democratic republic of congo": "CD",
  "dr congo": "CD",
  "d r congo": "CD",
  drc: "CD",
  "rd congo": "CD",
  rdc: "CD",
  "congo kinshasa": "CD",
  zaire: "CD",
  "congo dr": "CD",
  "congo, the democratic republic of the": "CD",
  "republique democratique du congo": "CD",
  "republic of the congo": "CG",
  "republic of congo": "CG",
  "congo brazzaville": "CG",
  "congo republic": "CG",
  congo: "CG",
  "korea, republic of": "KR",
  "republic of korea": "KR",
  "south korea": "KR",
  "korea south": "KR",
  "korea rep": "KR",
  // Supplier files say "Korea" for the Republic of Korea; North Korea is always qualified.
  korea: "KR",
  "s korea": "KR",
  "korea, democratic peoples republic of": "KP",
  "democratic peoples republic of korea": "KP",
  dprk: "KP",
  "north korea": "KP",
  "korea north": "KP",
  "korea dem peoples rep": "KP",
  "korea dpr": "KP",
  "united kingdom of great britain and northern ireland": "GB",
  uk: "GB",
  "u k": "GB",
  "great britain": "GB",
  britain: "GB",
  england: "GB",
  scotland: "GB",
  wales: "GB",
  "northern ireland": "GB",
  "united states of america": "US",
  "united states": "US",
  usa: "US",
  "u s a": "US",
  "u s": "US",
  america: "US",
  "russian federation": "RU",
  russia: "RU",
  turkiye: "TR",
  turkey: "TR",
  "viet nam": "VN",
  vietnam: "VN",
  "lao peoples democratic republic": "LA",
  "lao pdr": "LA",
  laos: "LA",
  "taiwan, province of china": "TW",
  "taiwan province of china": "TW",
  "chinese taipei": "TW",
  "republic of china": "TW",
  "taiwan roc": "TW",
  "tanzania, united republic of": "TZ",
  "united republic of tanzania": "TZ",
  "bolivia (plurinational state of)": "BO",
  "plurinational state of bolivia": "BO",
  "venezuela (bolivarian republic of)": "VE",
  "bolivarian republic of venezuela": "VE",
  "iran (islamic republic of)": "IR",
  "iran, islamic republic of": "IR",
  "islamic republic of iran": "IR",
  persia: "IR",
  "syrian arab republic": "SY",
  syria: "SY",
  burma: "MM",
  myanmar: "MM",
  "moldova, republic of": "MD",
  "republic of moldova": "MD",
  macedonia: "MK",
  "north macedonia": "MK",
  "the former yugoslav republic of macedonia": "MK",
  "czech republic": "CZ",
  czechia: "CZ",
  "slovak republic": "SK",
  "kyrgyz republic": "KG",
  kyrgyzstan: "KG",
  "ivory coast": "CI",
  "cote divoire": "CI",
  swaziland: "SZ",
  eswatini: "SZ",
  "cape verde": "CV",
  "cabo verde": "CV",
  "east timor": "TL",
  "timor leste": "TL",
  "holy see": "VA",
  vatican: "VA",
  "palestine, state of": "PS",
  "state of palestine": "PS",
  palestine: "PS",
  "west bank": "PS",
  gaza: "PS",
  "micronesia (federated states of)": "FM",
  "brunei darussalam": "BN",
  "the gambia": "GM",
  "gambia, the": "GM",
  "the bahamas": "BS",
  "bahamas, the": "BS",
  holland: "NL",
  "the netherlands": "NL",
  "hong kong": "HK",
  "hong kong sar": "HK",
  "hong kong china": "HK",
  macau: "MO",
  macao: "MO",
  uae: "AE",
  "u a e": "AE",
  ksa: "SA",
  prc: "CN",
  "p r china": "CN",
  "p r c": "CN",
  "peoples republic of china": "CN",
  "china mainland": "CN",
  "mainland china": "CN",
  "pr china": "CN",
  "china p r": "CN",
  "china prc": "CN",
  "russian federation the": "RU",
  kosovo: "XK",
  crimea: "UA",
  "region crimea": "UA",
  "sint maarten (dutch part)": "SX",
  "saint martin (french part)": "MF",
  "st kitts and nevis": "KN",
  "st lucia": "LC",
  "st vincent and the grenadines": "VC",
  "st helena": "SH",
  // World Bank spellings.
  "congo dem rep": "CD",
  "congo rep": "CG",
  "egypt arab rep": "EG",
  "iran islamic rep": "IR",
  "venezuela rb": "VE",
  "micronesia fed sts": "FM",
  "taiwan china": "TW",
  "west bank and gaza": "PS",
  "virgin islands us": "VI",
  "virgin islands u s": "VI",
  "jersey channel islands": "JE",
  "yemen rep": "YE",
  "syrian arab rep": "SY",
  "gambia the": "GM",
  "bahamas the": "BS",
  "hong kong sar china": "HK",
  "macao sar china": "MO",
  "lao p d r": "LA",
  "bosnia herzegovina": "BA",
  bosnia: "BA",
  trinidad: "TT",
  "vatican city state": "VA",
};

const DISPLAY_OVERRIDES: Record<string, string> = {
  CD: "Democratic Republic of the Congo",
  CG: "Republic of the Congo",
  MM: "Myanmar",
  HK: "Hong Kong",
  MO: "Macao",
  PS: "Palestine",
};

const LOCALES = ["en", "fr", "de", "es", "pt", "it", "nl", "zh", "ja", "ko", "ru"];

const iso3Of = new Map<string, string>();
const iso2Of3 = new Map<string, string>();
for (const [iso2, iso3] of ISO_TABLE.split(/\s+/).flatMap((t, i, a) =>
  i % 2 === 0 ? [[t, a[i + 1] ?? ""] as const] : [],
)) {
  iso3Of.set(iso2, iso3);
  iso2Of3.set(iso3, iso2);
}

function key(name: string): string {
  return normalizeName(name)
    .replace(/^the /, "")
    .replace(/\bsaint\b/g, "st");
}

function displayNames(locale: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
  } catch {
    return null;
  }
}

// The name table takes a few dozen milliseconds to build from the ICU data of eleven locales, so it is built on first
// use, or installed from a saved copy (the match index snapshot keeps one: `assay match` starts without building it).
let byName: Map<string, string> | null = null;
let englishName: Map<string, string> | null = null;

function names(): Map<string, string> {
  if (byName) return byName;
  const table = new Map<string, string>();
  const seen = new Set<string>();
  const addName = (name: string, iso2: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const k = key(name);
    if (k !== "" && !table.has(k)) table.set(k, iso2);
  };
  for (const [alias, iso2] of Object.entries(ALIASES)) addName(alias, iso2);
  for (const locale of LOCALES) {
    const display = displayNames(locale);
    if (!display) continue;
    for (const iso2 of iso3Of.keys()) {
      const name = display.of(iso2);
      if (!name) continue;
      addName(name, iso2);
      // "Myanmar (Burma)", "Congo - Kinshasa", "Hong Kong SAR China": index the parts too.
      addName(name.replace(/\s*\(.*?\)\s*/g, " "), iso2);
      for (const part of name.split(/\s+[-–]\s+|[()]/))
        if (part.trim().length > 3 && part.trim() !== "Congo") addName(part, iso2);
    }
  }
  byName = table;
  return table;
}

function english(): Map<string, string> {
  if (englishName) return englishName;
  const table = new Map<string, string>();
  const display = displayNames("en");
  for (const iso2 of iso3Of.keys()) {
    const name = display?.of(iso2);
    if (name) table.set(iso2, DISPLAY_OVERRIDES[iso2] ?? name.replace(/’/g, "'"));
  }
  englishName = table;
  return table;
}

/** The name → alpha-2 table as entries, to be saved with a cache keyed on this module's source and the ICU version. */
export function countryNameTable(): [string, string][] {
  return [...names()];
}

/** Installs a table saved by countryNameTable (same module source and ICU version), instead of building it. */
export function useCountryNameTable(entries: readonly (readonly [string, string])[]): void {
  byName = new Map(entries);
}

/**
 * ISO 3166-1 alpha-2 code for a country written as an ISO alpha-2/alpha-3 code, an English (or common
 * European/East-Asian) name, an RMI list spelling ("CONGO, DEMOCRATIC REPUBLIC OF THE") or a common
 * variant ("DRC", "UK", "Türkiye"); case, punctuation and diacritics are ignored. Returns null when unknown.
 */
export function countryToIso2(name: string | null | undefined): string | null {
  if (!name) return null;
  const raw = name.trim();
  if (raw === "") return null;
  if (/^[A-Za-z]{2}$/.test(raw)) {
    const code = raw.toUpperCase();
    if (iso3Of.has(code)) return code;
  }
  if (/^[A-Za-z]{3}$/.test(raw)) {
    const hit = iso2Of3.get(raw.toUpperCase());
    if (hit) return hit;
  }
  const k = key(raw);
  const byName = names();
  const direct = byName.get(k);
  if (direct) return direct;
  // "Korea, Republic of" / "Congo, Democratic Republic of the" / "Bahamas, The": reverse the comma form.
  const comma = raw.split(",").map((s) => s.trim());
  if (comma.length === 2) {
    const flipped = byName.get(key(`${comma[1]} ${comma[0]}`));
    if (flipped) return flipped;
  }
  const bare = key(raw.replace(/\(.*?\)/g, " ").replace(/^\s*(region|country)\s*:/i, ""));
  return byName.get(bare) ?? byName.get(bare.replace(/ (republic|rep|the)$/, "")) ?? null;
}

/** English short name for an ISO alpha-2 code ("CD" → "Congo - Kinshasa"), or null when not an assigned code. */
export function iso2ToName(code: string): string | null {
  return english().get(code.trim().toUpperCase()) ?? null;
}

/** ISO alpha-3 for an alpha-2 code ("KR" → "KOR"), or null. */
export function iso2ToIso3(code: string): string | null {
  return iso3Of.get(code.trim().toUpperCase()) ?? null;
}

/** ISO alpha-2 for an alpha-3 code ("KOR" → "KR"), or null. */
export function iso3ToIso2(code: string): string | null {
  return iso2Of3.get(code.trim().toUpperCase()) ?? null;
}

/** Every alpha-2 code known to countryToIso2, sorted. */
export function allIso2(): string[] {
  return [...iso3Of.keys()].sort();
}
