import { LEGAL_FORMS } from "../rmi/legal-forms.ts";

// Word lists for screening names. All entries are in normalizeName() form (lower case, ASCII, single spaces).

// Russian form words that list names inflect and transliterate variously ("aktsionernogo obshchestva", "obshcestvo",
// "federalnoye gosudarstvennoye unitarnoye predpriyatiye"): a form word starting with one of these stems matches the
// stem, in any of its spellings, with any ending.
const INFLECTED_STEMS: readonly (readonly [string, string])[] = [
  ["aktsionern", "aktsionern"],
  ["obshchestv", "obs?c?hc?h?estv"],
  ["obschestv", "obs?c?hc?h?estv"],
  ["obshestv", "obs?c?hc?h?estv"],
  ["ogranichenn", "ogranichenn?"],
  ["otvetstvennost", "otvetstvenn?ost"],
  ["federaln", "federaln"],
  ["gosudarstvenn", "gosudarstvenn?"],
  ["unitarn", "unitarn"],
  ["predpriyati", "predpriyati"],
  ["proizvodstvenn", "proizvodstvenn?"],
  ["obedineni", "obedineni"],
  ["otkryt", "otkryt"],
  ["zakryt", "zakryt"],
  ["publichn", "publichn"],
  ["nepublichn", "nepublichn"],
];

const phraseWord = (word: string) => {
  const stem = INFLECTED_STEMS.find(([s]) => word.startsWith(s));
  return stem ? `${stem[1]}\\w*` : word;
};

/**
 * The multi-word forms of the one legal-form list (src/rmi/legal-forms.ts), removed before tokenising: one pattern per
 * length, longest first over the whole name, so "company limited liability company" loses "limited liability company"
 * and then "company" as a word, and "open joint stock company" goes whole rather than leaving "open".
 */
export const LEGAL_PHRASES: readonly RegExp[] = (() => {
  const byLength = new Map<number, Set<string>>();
  for (const form of LEGAL_FORMS) {
    const words = form.split(" ");
    if (words.length < 2) continue;
    if (!byLength.has(words.length)) byLength.set(words.length, new Set());
    byLength.get(words.length)!.add(words.map(phraseWord).join(" "));
  }
  return [...byLength]
    .sort(([a], [b]) => b - a)
    .map(
      ([, forms]) =>
        new RegExp(`\\b(?:${[...forms].sort((a, b) => b.length - a.length || a.localeCompare(b)).join("|")})\\b`, "g"),
    );
})();

// Forms that are also ordinary words of names ("San", "Se", "Too", "Asa", "Cia"): screening drops legal-form tokens
// wherever they stand, so it keeps these as name words.
const ORDINARY_WORDS = new Set(["san", "se", "too", "tic", "sti", "hf", "nao", "cia", "asa", "gie"]);

/**
 * Single-token legal forms and honorific prefixes, dropped from names: the one-word forms of the one legal-form list
 * (src/rmi/legal-forms.ts) except ordinary name words, plus the words of the Russian and Japanese forms, which list
 * names write in any order and inflection.
 */
export const LEGAL_TOKENS: ReadonlySet<string> = new Set([
  ...LEGAL_FORMS.filter((f) => !f.includes(" ") && !ORDINARY_WORDS.has(f)),
  ..."kabushiki kaisha yugen gaisha aktsionernoe aktsionernoye obshchestvo obschestvo obshestvo otkrytoe zakrytoe publichnoe nepublichnoe private the".split(
    " ",
  ),
]);

/** Words that carry little identity on their own: they count in similarity but with a small weight. */
export const GENERIC_TOKENS: ReadonlySet<string> = new Set(
  `metal metals metallic refinery refineries refining refiner smelter smelters smelting plant plants factory works
  industrial industry industries group holding holdings mining mines mine metallurgical metallurgy metallurgicheskiy
  metallurgicheskii processing precious nonferrous non ferrous tsvetnykh international trading trade resources resource
  materials material minerals mineral development enterprise enterprises products product manufacturing technology
  technologies new national general engineering production combine kombinat combinat zavod complex chemical chemicals
  alloys alloy hard rare earth electrolytic
  branch division state federal secondary recycling recycled scrap company services service office center centre
  import export investment investments partners global world empresa metalurgica metalurgico metalurgia minera
  mineracao mineradora fundicion fundicao refinadora raffinerie affinerie hutte huttenwerke metallurgique`.split(/\s+/),
);

/** Metal and mineral words: they tell "Gold Coast Refinery" from "Coast Refinery", so they weigh more than generic words. */
export const DESCRIPTOR_TOKENS: ReadonlySet<string> = new Set(
  `gold tin tungsten tantalum cobalt silver copper zinc nickel niobium lithium graphite mica aluminium aluminum
  platinum palladium magnesium titanium molybdenum lead steel iron diamond diamonds coal oil gas petroleum`.split(
    /\s+/,
  ),
);

/** Words dropped entirely (articles, prepositions, "named after"). */
export const STOP_TOKENS: ReadonlySet<string> = new Set(
  "and of the de la le les du des del da do y e et und im imeni named after for in on at a an van von g".split(" "),
);

/** Abbreviations written out, applied per token before folding. */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  intl: "international",
  mfg: "manufacturing",
  ind: "industrial",
  inds: "industries",
  indus: "industrial",
  met: "metal",
  mtl: "metal",
  mtls: "metals",
  tech: "technology",
  dev: "development",
  natl: "national",
  combine: "kombinat",
  combinat: "kombinat",
  refinery: "refinery",
  smelt: "smelting",
  mng: "mining",
};
