import { LEGAL_FORMS } from "../rmi/legal-forms.ts";

// Word lists for screening names. All entries are in normalizeName() form (lower case, ASCII, single spaces).

/** Multi-word legal forms, in several languages and their Latin transliterations; removed before tokenising. */
export const LEGAL_PHRASES: readonly RegExp[] = [
  /\b(open |closed |public |non public |private )?joint stock (company|co)\b/g,
  /\blimited liability (company|partnership|co)\b/g,
  /\b(publichnoe |nepublichnoe |otkrytoe |zakrytoe )?aktsionern\w* obshch?estv\w*\b/g,
  /\bobshch?estv\w* s ogranichenn\w* otvetstvennost\w*\b/g,
  /\b(federal |municipal )?state (owned |unitary |budgetary )*enterprise\b/g,
  /\bfederaln\w* gosudarstvenn\w* unitarn\w* predpriyati\w*\b/g,
  /\bnauchno proizvodstvenn\w* (predpriyati\w*|obedineni\w*)\b/g,
  /\b(anonim|limited) sirketi\b/g,
  /\b(public |private )?(company|co) (limited|ltd)\b/g,
  /\bsdn bhd\b/g,
  /\bs (a|p a|a s|r l|r o|l|a c|a l|c s|de r l)( de c v)?\b/g,
  /\bspol s r o\b/g,
  /\bsp z o o\b/g,
  /\b(b v|n v|k k|a g|a s|l l c|l t d|p l c)\b/g,
];

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
