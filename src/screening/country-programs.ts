import { z } from "zod";

/**
 * Country-wide sanctions programmes and metal-origin bans that flag a smelter by where it is, not by who it is.
 * `regions`: the programme covers only these regions (matched in the smelter's address text); `metals`: only
 * these minerals (lower case), or all when absent; `scope`: comprehensive/import-ban → hit, sectoral → review.
 * Sources are the instruments named in `basis`; review this table when a programme changes.
 */
export const CountryProgram = z.object({
  id: z.string(),
  authority: z.enum(["US", "UK", "EU"]),
  program: z.string(),
  country: z.string().length(2),
  regions: z.array(z.string()).optional(),
  metals: z.array(z.string()).optional(),
  scope: z.enum(["comprehensive", "import-ban", "sectoral"]),
  from: z.string(),
  until: z.string().nullable(),
  basis: z.string(),
});
export type CountryProgram = z.infer<typeof CountryProgram>;

const CRIMEA = ["crimea", "krym", "sevastopol", "simferopol", "kerch", "yalta", "feodosia", "evpatoria"];
const DNR_LNR = ["donetsk", "luhansk", "lugansk", "makiivka", "mariupol", "horlivka"];
const KHERSON_ZAPORIZHZHIA = ["kherson", "zaporizhzhia", "zaporozhye", "melitopol", "berdyansk"];

export const COUNTRY_PROGRAMS: readonly CountryProgram[] = z.array(CountryProgram).parse([
  {
    id: "US-CUBA",
    authority: "US",
    program: "CUBA",
    country: "CU",
    scope: "comprehensive",
    from: "1963-07-08",
    until: null,
    basis: "Cuban Assets Control Regulations, 31 CFR part 515",
  },
  {
    id: "US-IRAN",
    authority: "US",
    program: "IRAN",
    country: "IR",
    scope: "comprehensive",
    from: "1995-05-06",
    until: null,
    basis: "Iranian Transactions and Sanctions Regulations, 31 CFR part 560",
  },
  {
    id: "US-DPRK",
    authority: "US",
    program: "DPRK",
    country: "KP",
    scope: "comprehensive",
    from: "2016-03-16",
    until: null,
    basis: "North Korea Sanctions Regulations, 31 CFR part 510; EO 13722",
  },
  {
    id: "EU-DPRK",
    authority: "EU",
    program: "EU DPRK",
    country: "KP",
    scope: "import-ban",
    from: "2017-08-30",
    until: null,
    basis: "Council Regulation (EU) 2017/1509: import ban on DPRK metals and minerals (UNSCR 2270/2371)",
  },
  {
    id: "UK-DPRK",
    authority: "UK",
    program: "UK DPRK",
    country: "KP",
    scope: "import-ban",
    from: "2020-12-31",
    until: null,
    basis:
      "The Democratic People's Republic of Korea (Sanctions) (EU Exit) Regulations 2019: import of DPRK metals prohibited",
  },
  {
    id: "US-SYRIA",
    authority: "US",
    program: "SYRIA",
    country: "SY",
    scope: "comprehensive",
    from: "2004-05-11",
    until: "2025-06-30",
    basis: "Syrian Sanctions Regulations, 31 CFR part 542; revoked by EO 14312 from 1 July 2025",
  },
  {
    id: "US-CRIMEA",
    authority: "US",
    program: "UKRAINE-EO13685",
    country: "UA",
    regions: CRIMEA,
    scope: "comprehensive",
    from: "2014-12-19",
    until: null,
    basis: "EO 13685 (Crimea region of Ukraine)",
  },
  {
    id: "US-DNR-LNR",
    authority: "US",
    program: "RUSSIA-EO14065",
    country: "UA",
    regions: DNR_LNR,
    scope: "comprehensive",
    from: "2022-02-21",
    until: null,
    basis: "EO 14065 (so-called DNR and LNR regions of Ukraine)",
  },
  {
    id: "EU-CRIMEA",
    authority: "EU",
    program: "EU CRIMEA/SEVASTOPOL",
    country: "UA",
    regions: CRIMEA,
    scope: "import-ban",
    from: "2014-06-25",
    until: null,
    basis: "Council Regulation (EU) 692/2014: import ban on goods originating in Crimea or Sevastopol",
  },
  {
    id: "EU-OCCUPIED-UA",
    authority: "EU",
    program: "EU NON-GOVERNMENT-CONTROLLED AREAS OF UKRAINE",
    country: "UA",
    regions: [...DNR_LNR, ...KHERSON_ZAPORIZHZHIA],
    scope: "import-ban",
    from: "2022-02-23",
    until: null,
    basis: "Council Regulation (EU) 2022/263 (Donetsk, Luhansk; Kherson and Zaporizhzhia from October 2022)",
  },
  {
    id: "UK-OCCUPIED-UA",
    authority: "UK",
    program: "UK RUSSIA (CRIMEA AND NON-GOVERNMENT-CONTROLLED AREAS)",
    country: "UA",
    regions: [...CRIMEA, ...DNR_LNR, ...KHERSON_ZAPORIZHZHIA],
    scope: "import-ban",
    from: "2020-12-31",
    until: null,
    basis:
      "The Russia (Sanctions) (EU Exit) Regulations 2019, Part 5 (Crimea; non-government-controlled areas from 2022)",
  },
  {
    id: "US-RU-GOLD",
    authority: "US",
    program: "RUSSIA-EO14068",
    country: "RU",
    metals: ["gold"],
    scope: "import-ban",
    from: "2022-06-28",
    until: null,
    basis: "EO 14068 determination: import of gold of Russian Federation origin prohibited",
  },
  {
    id: "UK-RU-GOLD",
    authority: "UK",
    program: "UK RUSSIA",
    country: "RU",
    metals: ["gold"],
    scope: "import-ban",
    from: "2022-07-21",
    until: null,
    basis: "The Russia (Sanctions) (EU Exit) (Amendment) (No. 12) Regulations 2022: import of Russian gold prohibited",
  },
  {
    id: "EU-RU-GOLD",
    authority: "EU",
    program: "EU RUSSIA (REG. 833/2014 ART. 3o)",
    country: "RU",
    metals: ["gold"],
    scope: "import-ban",
    from: "2022-07-22",
    until: null,
    basis: "Council Regulation (EU) 2022/1269 amending Regulation 833/2014, Article 3o: gold originating in Russia",
  },
  {
    id: "US-RU-METALS",
    authority: "US",
    program: "RUSSIA-EO14068",
    country: "RU",
    metals: ["aluminum", "copper", "nickel"],
    scope: "import-ban",
    from: "2024-04-13",
    until: null,
    basis:
      "EO 14068 determination of 12 April 2024: Russian-origin aluminum, copper and nickel produced on or after 13 April 2024",
  },
  {
    id: "US-VE-GOLD",
    authority: "US",
    program: "VENEZUELA-EO13850",
    country: "VE",
    metals: ["gold"],
    scope: "sectoral",
    from: "2019-01-10",
    until: null,
    basis: "EO 13850 gold-sector determination: persons operating in Venezuela's gold sector may be designated",
  },
]);

export interface ProgramMatch {
  program: CountryProgram;
  reason: string;
}

/**
 * Programmes that apply to a smelter in `iso2` (optionally with address text for regional programmes)
 * producing `metal`, in force on `asOf` (YYYY-MM-DD). Metal-specific bans apply only when the metal is known.
 */
export function countryPrograms(
  iso2: string | null,
  metal: string | null,
  asOf: string,
  addressText: string | null = null,
  table: readonly CountryProgram[] = COUNTRY_PROGRAMS,
): ProgramMatch[] {
  if (!iso2) return [];
  const address = (addressText ?? "").toLowerCase();
  const m = metal?.toLowerCase().replace("aluminium", "aluminum") ?? null;
  const out: ProgramMatch[] = [];
  for (const p of table) {
    if (p.country !== iso2 || asOf < p.from || (p.until !== null && asOf > p.until)) continue;
    if (p.metals && (m === null || !p.metals.includes(m))) continue;
    let where = `located in ${iso2}`;
    if (p.regions) {
      const region = p.regions.find((r) => address.includes(r));
      if (!region) continue;
      where = `address mentions ${region} (${iso2})`;
    }
    const what = p.metals ? `${m} ${p.scope === "sectoral" ? "sector" : "origin banned"}` : p.scope;
    out.push({ program: p, reason: `${p.authority} country programme: ${where}; ${what}: ${p.basis}` });
  }
  return out;
}
