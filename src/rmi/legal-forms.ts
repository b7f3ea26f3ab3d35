import { editDistance } from "../text/edit-distance.ts";

// Legal-form and filler words suppliers add, drop or abbreviate. Multi-word forms are matched as token runs
// after normalizeName (punctuation gone, so "S.A. de C.V." is "s a de c v").
/** The one list of legal forms (matching strips them as token runs; screening derives its word list from it). */
export const LEGAL_FORMS: readonly string[] = [
  "company limited",
  "co ltd",
  "co limited",
  "limited",
  "ltd",
  "ltda",
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "co",
  "company",
  "cia",
  "a g",
  "k g",
  "g m b h",
  "llc",
  "l l c",
  "lp",
  "llp",
  "plc",
  "gmbh",
  "mbh",
  "kg",
  "co kg",
  "ag",
  "se",
  "sa",
  "s a",
  "spa",
  "s p a",
  "srl",
  "s r l",
  "sas",
  "s a s",
  "sarl",
  "bv",
  "b v",
  "nv",
  "n v",
  "ab",
  "as",
  "a s",
  "asa",
  "oy",
  "oyj",
  "aps",
  "sro",
  "s r o",
  "sp z o o",
  "jsc",
  "ojsc",
  "pjsc",
  "cjsc",
  "jsc ao",
  "ao",
  "zao",
  "oao",
  "pao",
  "ooo",
  "tov",
  "too",
  "joint stock company",
  "open joint stock company",
  "public joint stock company",
  "closed joint stock company",
  "limited liability company",
  "limited liability partnership",
  "pvt",
  "pvt ltd",
  "private limited",
  "private",
  "pte",
  "pte ltd",
  "pty",
  "pty ltd",
  "tbk",
  "pt",
  "persero",
  "sdn bhd",
  "sdn",
  "bhd",
  "berhad",
  "kk",
  "k k",
  "kabushiki kaisha",
  "kabushikigaisha",
  "yugen kaisha",
  "godo kaisha",
  "co op",
  "industria e comercio",
  "industria e comercio ltda",
  "ind e com",
  "ind com",
  "ind e comercio",
  "sa de cv",
  "s a de c v",
  "de cv",
  "sociedad anonima",
  "sociedade anonima",
  "san ve tic",
  "san tic",
  "ve tic",
  "tic",
  "san",
  "sti",
  "ltd sti",
  "a s",
  "s l",
  "sl",
  "slu",
  "ehf",
  "hf",
  "gie",
  "eirl",
  "ltee",
  "limitee",
  "pcl",
  "public company",
  "public company limited",
  "group co",
  "holding co",
  "holdings co",
  "jv",
  "cv",
  // Romanised Chinese, Korean and Japanese forms (有限公司, 股份有限公司, 주식회사, 유한회사, 株式会社, 合同会社).
  "youxian gongsi",
  "you xian gong si",
  "youxiangongsi",
  "gufen youxian gongsi",
  "gufenyouxiangongsi",
  "youxian zeren gongsi",
  "jusik hoesa",
  "jusikhoesa",
  "chusik hoesa",
  "chusikhoesa",
  "yuhan hoesa",
  "yuhanhoesa",
  "chushiki kaisha",
  "kabushiki gaisha",
  "godo gaisha",
  "tnhh",
  "cong ty tnhh",
  "cong ty co phan",
  "ctcp",
  "oao",
  "zao",
  "pao",
  "nao",
  "tov",
  "sp z o o",
  "spolka z o o",
  "s de rl",
  "s de r l de c v",
  "sdn bhd",
  "pt tbk",
  "ltd co",
  "co llc",
  "gmbh co kg",
  // Post-Soviet, Hungarian and state-enterprise forms of sanctions-list names (PAT, FSUE/FGUP, NPP, Kft.).
  "pat",
  "prat",
  "kft",
  "zrt",
  "nyrt",
  "fsue",
  "fgup",
  "soe",
  "fse",
  "ue",
  "gup",
  "mup",
  "npp",
  "npo",
  "lc",
  "ptc",
  "aktsionernoe obshchestvo",
  "aktsionernoye obshchestvo",
  "aktsionernoe obschestvo",
  "aktsionernoe obshestvo",
  "otkrytoe aktsionernoe obshchestvo",
  "zakrytoe aktsionernoe obshchestvo",
  "publichnoe aktsionernoe obshchestvo",
  "nepublichnoe aktsionernoe obshchestvo",
  "yugen gaisha",
  // Long forms of sanctions-list names (screening matches their Russian words with any ending, as lists inflect them).
  "joint stock co",
  "open joint stock co",
  "closed joint stock co",
  "public joint stock co",
  "non public joint stock company",
  "non public joint stock co",
  "private joint stock company",
  "private joint stock co",
  "limited liability co",
  "company ltd",
  "public co ltd",
  "public co limited",
  "public company ltd",
  "private company limited",
  "private company ltd",
  "private co ltd",
  "private co limited",
  "obshchestvo s ogranichennoy otvetstvennostyu",
  "federalnoe gosudarstvennoe unitarnoe predpriyatie",
  "nauchno proizvodstvennoe predpriyatie",
  "nauchno proizvodstvennoe obedinenie",
  "state enterprise",
  "state owned enterprise",
  "state unitary enterprise",
  "state budgetary enterprise",
  "federal state enterprise",
  "federal state unitary enterprise",
  "federal state budgetary enterprise",
  "federal state owned enterprise",
  "state owned unitary enterprise",
  "federal state owned unitary enterprise",
  "municipal state enterprise",
  "municipal state unitary enterprise",
  "anonim sirketi",
  "limited sirketi",
  "spol s r o",
  "s de r l",
  "sasu",
  "s a s u",
  "s a c",
  "s a l",
  "s c s",
  "l t d",
  "p l c",
];

const STOPWORDS = new Set([
  "the",
  "and",
  "of",
  "und",
  "et",
  "e",
  "y",
  "de",
  "do",
  "da",
  "des",
  "du",
  "la",
  "le",
  "di",
  "del",
  "der",
]);

const MAX_FORM = Math.max(...LEGAL_FORMS.map((f) => f.split(" ").length));
const FORM_SET = new Set(LEGAL_FORMS);

/** Chinese, Japanese and Korean legal suffixes/prefixes, longest first. */
const CJK_FORMS = [
  "股份有限公司",
  "有限责任公司",
  "有限責任公司",
  "有限公司",
  "株式会社",
  "有限会社",
  "주식회사",
  "유한회사",
  "公司",
];

// Long form words suppliers misspell ("Corproation", "Comapny", "Lmiited"): one edit (or swap) away still counts.
const LONG_FORMS = [
  "company",
  "limited",
  "corporation",
  "incorporated",
  "incorporation",
  "corporacion",
  "compania",
  "companhia",
  "kaisha",
  "gongsi",
];

/** A misspelt long legal-form word (7+ letters, one edit away from one). */
// Every word of every name is tested against every long form; names repeat their words, so each is tested once.
const misspelt = new Map<string, boolean>();
export function isMisspeltForm(token: string): boolean {
  if (token.length < 6 || FORM_SET.has(token)) return false;
  let hit = misspelt.get(token);
  if (hit === undefined) {
    if (misspelt.size > 50_000) misspelt.clear();
    hit = LONG_FORMS.some((f) => Math.abs(f.length - token.length) <= 1 && editDistance(token, f, 1) <= 1);
    misspelt.set(token, hit);
  }
  return hit;
}

/**
 * Splits normalized tokens into the distinctive core and the legal forms / stop words around it.
 * Forms are removed anywhere (suppliers move "PT" and "Tbk" around), longest run first.
 */
export function stripLegalForms(tokens: readonly string[]): { core: string[]; forms: string[] } {
  const core: string[] = [];
  const forms: string[] = [];
  let i = 0;
  outer: while (i < tokens.length) {
    for (let n = Math.min(MAX_FORM, tokens.length - i); n >= 1; n--) {
      const run = tokens.slice(i, i + n).join(" ");
      if (FORM_SET.has(run) || (n === 1 && (STOPWORDS.has(run) || isMisspeltForm(run)))) {
        forms.push(run);
        i += n;
        continue outer;
      }
    }
    core.push(tokens[i]!);
    i++;
  }
  // A name that is nothing but forms ("Co., Ltd.") keeps its tokens so it is not empty.
  return core.length === 0 ? { core: [...tokens], forms: [] } : { core, forms };
}

/** Removes CJK legal forms from a CJK token (洛阳栾川钼业集团钨业有限公司 → 洛阳栾川钼业集团钨业). */
export function stripCjkForms(token: string): string {
  let out = token;
  for (const f of CJK_FORMS) out = out.split(f).join("");
  return out === "" ? token : out;
}
