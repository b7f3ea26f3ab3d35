import type { Rng } from "./rng.ts";

/** Fictional vocabulary for synthetic companies; no real supplier is named. */

export interface CountryStyle {
  country: string;
  suffixes: readonly string[];
  places: readonly string[];
  domain: string;
  phone: string;
}

export const COUNTRIES: readonly CountryStyle[] = [
  {
    country: "Germany",
    suffixes: ["GmbH", "AG", "GmbH & Co. KG"],
    places: ["Rhein", "Taunus", "Elbtal", "Harz", "Allgäu"],
    domain: "de",
    phone: "+49",
  },
  {
    country: "China",
    suffixes: ["Co., Ltd.", "Electronics Co., Ltd.", "Technology Co., Ltd."],
    places: ["Shenzhen", "Suzhou", "Dongguan", "Ningbo", "Xiamen"],
    domain: "cn",
    phone: "+86",
  },
  {
    country: "Japan",
    suffixes: ["Co., Ltd.", "K.K.", "Corporation"],
    places: ["Kanagawa", "Nagano", "Osaka", "Sendai", "Okayama"],
    domain: "jp",
    phone: "+81",
  },
  {
    country: "United States",
    suffixes: ["Inc.", "LLC", "Corp."],
    places: ["Lakeside", "Piedmont", "Cascade", "Mesa", "Prairie"],
    domain: "com",
    phone: "+1",
  },
  {
    country: "Taiwan",
    suffixes: ["Co., Ltd.", "Industrial Corp."],
    places: ["Hsinchu", "Taoyuan", "Tainan", "Taichung"],
    domain: "tw",
    phone: "+886",
  },
  {
    country: "Korea, Republic of",
    suffixes: ["Co., Ltd.", "Corporation"],
    places: ["Suwon", "Incheon", "Gumi", "Ansan"],
    domain: "kr",
    phone: "+82",
  },
  {
    country: "Mexico",
    suffixes: ["S.A. de C.V."],
    places: ["Bajío", "Monterrey", "Querétaro"],
    domain: "mx",
    phone: "+52",
  },
  { country: "Malaysia", suffixes: ["Sdn. Bhd."], places: ["Penang", "Johor", "Selangor"], domain: "my", phone: "+60" },
  { country: "France", suffixes: ["SA", "SAS"], places: ["Rhône", "Alsace", "Loire"], domain: "fr", phone: "+33" },
  { country: "Sweden", suffixes: ["AB"], places: ["Norr", "Väster", "Skåne"], domain: "se", phone: "+46" },
  {
    country: "Czechia",
    suffixes: ["s.r.o.", "a.s."],
    places: ["Morava", "Brno", "Plzeň"],
    domain: "cz",
    phone: "+420",
  },
  {
    country: "India",
    suffixes: ["Pvt. Ltd.", "Limited"],
    places: ["Pune", "Chennai", "Bengaluru"],
    domain: "in",
    phone: "+91",
  },
];

const STEMS = [
  "Kessler",
  "Nordlicht",
  "Brightwave",
  "Halden",
  "Sunrise",
  "Kestrel",
  "Aurum",
  "Meridian",
  "Granite",
  "Bluefin",
  "Tessera",
  "Orion",
  "Vantage",
  "Corvid",
  "Silverline",
  "Hartwell",
  "Ironbridge",
  "Lumen",
  "Polaris",
  "Redwood",
  "Stellar",
  "Tamarack",
  "Umbra",
  "Vireo",
  "Westmark",
  "Yarrow",
  "Zenith",
  "Alder",
  "Birchfield",
  "Copperleaf",
];

const FIRST = [
  "Anna",
  "Jonas",
  "Mei",
  "Hiroshi",
  "Laura",
  "Carlos",
  "Priya",
  "Erik",
  "Sofia",
  "Min-jun",
  "Chloé",
  "David",
  "Yuki",
  "Lena",
  "Omar",
  "Ravi",
  "Elena",
  "Tomás",
  "Ingrid",
  "Wei",
];
const LAST = [
  "Schmidt",
  "Chen",
  "Tanaka",
  "Johnson",
  "García",
  "Sharma",
  "Lindqvist",
  "Kim",
  "Dubois",
  "Novák",
  "Lopez",
  "Wang",
  "Sato",
  "Fischer",
  "Patel",
  "Müller",
  "Park",
  "Rossi",
  "Berg",
  "Huang",
];

export function personName(rng: Rng): string {
  return `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
}

/** "anna.schmidt@kessler-draht.example.de" — always an example domain. */
export function emailFor(person: string, company: string, style: CountryStyle): string {
  const local = person
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, ".");
  const host = company
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/\s+/)
    .slice(0, 2)
    .join("-")
    .replace(/[^a-z-]/g, "");
  return `${local}@${host}.example.${style.domain}`;
}

export function companyName(rng: Rng, style: CountryStyle, trade: string, used: Set<string>): string {
  for (let i = 0; i < 50; i++) {
    const stem = rng.chance(0.4) ? `${rng.pick(style.places)} ${rng.pick(STEMS)}` : rng.pick(STEMS);
    const suffix = rng.pick(style.suffixes);
    const name = suffix.includes(trade) ? `${stem} ${suffix}` : `${stem} ${trade} ${suffix}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const name = `${rng.pick(STEMS)} ${trade} ${used.size} ${rng.pick(style.suffixes)}`;
  used.add(name);
  return name;
}

export const PRODUCT_FAMILIES = [
  "Pressure transmitter",
  "Flow meter",
  "Gas analyser",
  "Temperature controller",
  "Level sensor",
  "Signal converter",
  "Valve positioner",
  "Data logger",
  "Vibration monitor",
  "pH probe",
  "Power supply unit",
  "Field display",
];

/** Fictional unknown smelters: typed names no reference list contains. */
export const UNKNOWN_SMELTERS: ReadonlyArray<readonly [string, string]> = [
  ["Hunan Xinyuan Nonferrous Recycling Co.", "CHINA"],
  ["Golden Lotus Refining Pvt Ltd", "INDIA"],
  ["PT Bangka Raya Timah Sejahtera", "INDONESIA"],
  ["Andes Metal Recovery S.A.", "PERU"],
  ["Kivu Minerals Processing SARL", "CONGO, DEMOCRATIC REPUBLIC OF THE"],
  ["Lakeshore Precious Metals", "UNITED STATES OF AMERICA"],
  ["Istanbul Altin Rafineri Ltd", "TURKEY"],
  ["Guangxi Jinlong Tin Industry Co.", "CHINA"],
];
