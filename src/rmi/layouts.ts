import type { CompanyInfo, TemplateFamily } from "./declaration.ts";
import { LOOKUP_FIRST_ROW } from "./smelter-lookup.ts";

export type CompanyField = Exclude<keyof CompanyInfo, "scope"> | "scope";

/** Where the in-scope minerals come from. */
export type MineralSource =
  | { kind: "fixed"; minerals: readonly string[] }
  /** EMRT 2.x: one dropdown per mineral holding "<Mineral>" or "(Delete <Mineral>)". */
  | { kind: "slots"; cells: readonly string[] }
  /** AMRT: up to ten picked or typed names, "Other" names typed in separate cells. */
  | { kind: "list"; cells: readonly string[]; otherCells: readonly string[] };

export interface QuestionBlock {
  id: string;
  rows: readonly number[];
  /** Canonical answers; matching is case-insensitive. */
  values: readonly string[];
}

export interface CompanyQuestion {
  id: string;
  /** One row, or one row per mineral (mineral name in column B). */
  rows: readonly number[];
  perMineral: boolean;
  values: readonly string[];
  /** Cell holding the policy URL (question B). */
  urlCell?: string;
}

/** Column letters of the Smelter List fields; `cidInput` is the CID input column A (CMRT 6.x and later). */
export interface SmelterColumns {
  cidInput?: string;
  metal: string;
  lookupName?: string;
  name: string;
  country: string;
  cid: string;
  idSource: string;
  street: string;
  city: string;
  state: string;
  contactName: string;
  contactEmail: string;
  nextSteps: string;
  mineNames: string;
  mineCountries: string;
  recycledScrap: string;
  comments: string;
}

/**
 * Hidden helper columns of the CMRT 6.x / EMRT 2.x Smelter List (DOMAIN.md §3.5): R standard name, S country code,
 * T state/province code, V the Look-up row the metal and name match, X the missing-entry check, AB = metal & look-up
 * name. Readers ignore them; the generator writes their formulas.
 */
export interface SmelterHelperColumns {
  standardName: string;
  countryCode: string;
  stateCode: string;
  lookupRow: string;
  missingEntry: string;
  combined: string;
}

/**
 * The fixed cells above the CMRT 6.x / EMRT 2.x Smelter List data: the row-2 labels (instructions in A2, the RMAP
 * list link in J2), the revision in Q3, and the hidden lists the drop-downs read (metals W3:Z3 on the CMRT, the
 * Yes/No/Unknown answers AH2:AH4). Columns R–AH (helpers and lists) are hidden. Readers ignore them.
 */
export interface SmelterSheetCells {
  instructionsCell: string;
  conformantLinkCell: string;
  revisionCell: string;
  /** One cell per metal, in the order of the layout's fixed minerals (CMRT only). */
  metalListCells?: readonly string[];
  answerListCells: readonly string[];
  hiddenColumns: { from: string; to: string };
}

export interface SmelterListLayout {
  firstRow: number;
  columns: SmelterColumns;
  helpers?: SmelterHelperColumns;
  sheet?: SmelterSheetCells;
}

/**
 * Column letters of the Mine List (EMRT 2.x, AMRT; DOMAIN.md §4.2): the visible fields, then the hidden helper
 * `combined` (=metal & smelter name) that runs down every data row.
 */
export interface MineColumns {
  metal: string;
  smelterName: string;
  name: string;
  mineId: string;
  idSource: string;
  country: string;
  street: string;
  city: string;
  state: string;
  contactName: string;
  contactEmail: string;
  nextSteps: string;
  comments: string;
  combined: string;
}

export interface MineListLayout {
  firstRow: number;
  columns: MineColumns;
  /** Cell holding the template revision. */
  revisionCell: string;
}

/**
 * The fixed cells of the CMRT 6.x / EMRT 2.x Declaration sheet that are not answers: the title (D2), the language
 * picked (D3) and its index (P3), the mandatory-fields note (B5), the questions intro (CMRT B24), the company-level
 * intro (B73 / B113), the EMRT mineral-scope label and note (B12, B13), the hidden mineral list the question labels
 * read (EMRT AA12:AA21) and the "(*)" suffix cell of company question C (EMRT P54), and the hidden helper columns.
 * Readers ignore them; the generator writes them.
 */
export interface DeclarationSheetCells {
  titleCell: string;
  languageCell: string;
  languageIndexCell: string;
  mandatoryNoteCell: string;
  questionsIntroCell?: string;
  companyIntroCell: string;
  mineralScopeLabelCell?: string;
  mineralScopeNoteCell?: string;
  mineralListCells?: readonly string[];
  companyCSuffixCell?: string;
  hiddenColumns: readonly { from: string; to: string }[];
}

export interface TemplateLayout {
  family: TemplateFamily;
  /** Versions this layout was verified against. */
  versions: readonly string[];
  legacy: boolean;
  company: Record<CompanyField, string>;
  minerals: MineralSource;
  /** For fixed minerals the row order follows `minerals`; otherwise the mineral is read from column B. */
  questions: readonly QuestionBlock[];
  companyQuestions: readonly CompanyQuestion[];
  smelterList: SmelterListLayout;
  productList: { firstRow: number; number: string; name: string; comments: string };
  mineList?: MineListLayout;
  declarationSheet?: DeclarationSheetCells;
  // What each question id means (gates, the percentage question, completeness) is in questions.ts, not here.
  /** Pre-3.0 layouts: what is not read (their questions are not mapped, so answers and Checker rules are skipped). */
  notRead?: string;
}

/**
 * The Product List of EMRT 2.1 and AMRT 1.3, which added Requester Product Number (D) and Name (E): comments move to F
 * (DOMAIN.md §4.2). Readers detect it from the sheet; writers of an EMRT 2.1 blank use it.
 */
export const REQUESTER_PRODUCT_LIST = {
  firstRow: 6,
  number: "B",
  name: "C",
  requesterNumber: "D",
  requesterName: "E",
  comments: "F",
} as const;

/**
 * The fixed cells of the CMRT 6.x / EMRT 2.x Product List: the scope note (B1), the link back to the Declaration (B4)
 * and the column of the copyright footer below the last data row.
 */
export const PRODUCT_LIST_SHEET = { noteCell: "B1", linkCell: "B4", footerColumn: "B" } as const;

const DECLARATION_SHEET = {
  titleCell: "D2",
  languageCell: "D3",
  languageIndexCell: "P3",
  mandatoryNoteCell: "B5",
  hiddenColumns: [
    { from: "L", to: "Y" },
    { from: "AA", to: "AA" },
  ],
} as const;

const YN = ["Yes", "No"] as const;
const YNU = ["Yes", "No", "Unknown"] as const;
const PERCENT = ["100%", "Greater than 90%", "Greater than 75%", "Greater than 50%", "50% or less", "None"] as const;
const CMRT_METALS = ["Tantalum", "Tin", "Gold", "Tungsten"] as const;

const block = (first: number, count: number) => Array.from({ length: count }, (_, i) => first + i);
const fixedRows = (header: number, n: number, q: number) =>
  Array.from({ length: q }, (_, i) => block(header + 1 + i * 6, n));

function company(first: number, shifted: Partial<Record<CompanyField, string>> = {}): Record<CompanyField, string> {
  const at = (offset: number) => `D${first + offset}`;
  return {
    name: "D8",
    scope: "D9",
    scopeDescription: "D10",
    uniqueId: at(0),
    uniqueIdAuthority: at(1),
    address: at(2),
    contactName: at(3),
    contactEmail: at(4),
    contactPhone: at(5),
    authorizer: at(6),
    authorizerTitle: at(7),
    authorizerEmail: at(8),
    authorizerPhone: at(9),
    effectiveDate: at(10),
    ...shifted,
  };
}

const SMELTER_COLUMNS: SmelterColumns = {
  cidInput: "A",
  metal: "B",
  lookupName: "C",
  name: "D",
  country: "E",
  cid: "F",
  idSource: "G",
  street: "H",
  city: "I",
  state: "J",
  contactName: "K",
  contactEmail: "L",
  nextSteps: "M",
  mineNames: "N",
  mineCountries: "O",
  recycledScrap: "P",
  comments: "Q",
};

const SMELTER_HELPERS: SmelterHelperColumns = {
  standardName: "R",
  countryCode: "S",
  stateCode: "T",
  lookupRow: "V",
  missingEntry: "X",
  combined: "AB",
};

const SMELTER_SHEET: SmelterSheetCells = {
  instructionsCell: "A2",
  conformantLinkCell: "J2",
  revisionCell: "Q3",
  answerListCells: ["AH2", "AH3", "AH4"],
  hiddenColumns: { from: "R", to: "AH" },
};

/** The Smelter List of CMRT 5.x–6.x, EMRT, CRT and AMRT 1.3: header row 4, data from row 5, columns A–Q. */
const SMELTER_LIST: SmelterListLayout = { firstRow: 5, columns: SMELTER_COLUMNS };

/**
 * Columns of the Smelter Look-up sheet (DOMAIN.md §3.7): header row 4, data from row 5, A–I as in LOOKUP_COLUMNS
 * (smelter-lookup.ts), then the hidden `=A&B` keys J (which the Smelter List formulas match on) and K.
 */
export const SMELTER_LOOKUP_SHEET = {
  noticeCell: "A1",
  headerRow: LOOKUP_FIRST_ROW - 1,
  firstRow: LOOKUP_FIRST_ROW,
  columns: {
    metal: "A",
    alias: "B",
    standardName: "C",
    country: "D",
    cid: "E",
    idSource: "F",
    street: "G",
    city: "H",
    state: "I",
    key: "J",
    keyCopy: "K",
  },
} as const;

/** EMRT 2.x / AMRT Mine List: header row 4, data from row 5 (to 2504), revision in M3. */
const MINE_LIST: MineListLayout = {
  firstRow: 5,
  revisionCell: "M3",
  columns: {
    metal: "A",
    smelterName: "B",
    name: "C",
    mineId: "D",
    idSource: "E",
    country: "F",
    street: "G",
    city: "H",
    state: "I",
    contactName: "J",
    contactEmail: "K",
    nextSteps: "L",
    comments: "M",
    combined: "Q",
  },
};

const AMRT12_SMELTER_COLUMNS: SmelterColumns = {
  metal: "A",
  name: "B",
  country: "C",
  cid: "D",
  idSource: "E",
  street: "F",
  city: "G",
  state: "H",
  contactName: "I",
  contactEmail: "J",
  nextSteps: "K",
  mineNames: "L",
  mineCountries: "M",
  recycledScrap: "N",
  comments: "O",
};

function companyQuestions(
  ids: string,
  firstRow: number,
  values: Record<string, readonly string[]>,
  url = "B",
): CompanyQuestion[] {
  return [...ids].map((id, i) => ({
    id,
    rows: [firstRow + 2 * i],
    perMineral: false,
    values: values[id] ?? YN,
    ...(id === url ? { urlCell: `G${firstRow + 2 * i}` } : {}),
  }));
}

const cmrtQuestions = (count: number, values: readonly (readonly string[])[]): QuestionBlock[] =>
  fixedRows(25, 4, count).map((rows, i) => ({ id: String(i + 1), rows, values: values[i] ?? YNU }));

export const CMRT_6: TemplateLayout = {
  family: "CMRT",
  versions: ["6.01", "6.1", "6.22", "6.31", "6.4", "6.5"],
  legacy: false,
  company: company(12),
  minerals: { kind: "fixed", minerals: CMRT_METALS },
  questions: cmrtQuestions(8, [YN, YN, YNU, YNU, YNU, PERCENT, YN, YN]),
  companyQuestions: companyQuestions("ABCDEFGH", 75, {
    E: ["Yes, in conformance with IPC1755 (e.g., CMRT)", "Yes, using other format (describe)", "No"],
    H: ["Yes, with the SEC", "Yes, with the EU", "Yes, with the SEC and the EU", "No"],
  }),
  smelterList: {
    ...SMELTER_LIST,
    helpers: SMELTER_HELPERS,
    sheet: { ...SMELTER_SHEET, metalListCells: ["W3", "X3", "Y3", "Z3"] },
  },
  productList: { firstRow: 6, number: "B", name: "C", comments: "D" },
  declarationSheet: { ...DECLARATION_SHEET, questionsIntroCell: "B24", companyIntroCell: "B73" },
};

/** CMRT 4.x–5.x (IPC-1755 era): Q1–Q7 without the CAHRA question, company questions A–I. */
export const CMRT_5: TemplateLayout = {
  ...CMRT_6,
  versions: ["5.0", "5.01", "5.1", "5.11", "5.12"],
  legacy: true,
  questions: cmrtQuestions(7, [YN, YN, YNU, YNU, PERCENT, YN, YN]),
  companyQuestions: companyQuestions("ABCDEFGHI", 69, {}),
  smelterList: SMELTER_LIST,
  declarationSheet: undefined,
};

/** CMRT 2.x–3.x: Q1–Q7, company questions A–J, no CID input column. */
export const CMRT_3: TemplateLayout = {
  ...CMRT_5,
  versions: ["2.0", "2.02", "2.03a", "3.0", "3.01", "3.02"],
  questions: cmrtQuestions(7, [YN, YN, YNU, YNU, [], YN, YN]),
  companyQuestions: companyQuestions("ABCDEFGHIJ", 69, {}),
  smelterList: { firstRow: 5, columns: { ...SMELTER_COLUMNS, cidInput: undefined } as SmelterColumns },
};

// Fields a layout does not have point at a column the reader never keeps (beyond every sheet's column cap).
export const ABSENT = "ZZ";

const CMRT2_UNKNOWN = ["Yes", "No", "Uncertain or Unknown"] as const;

/**
 * CMRT 2.x: Q1–Q6 per metal (headers 21, 27, …, 51; Ta, Sn, Au, W), company questions A–J at 59…77, smelter ID in
 * column A (pre-CID IDs such as 4CHN005), one "representative" as contact and authorizer. Cells and dropdown values
 * verified against CMRT 2.00, 2.02 and 2.03a workbooks. What each question means (only Q1 gates; Q2 asks
 * about DRC origin) is in questions.ts.
 */
export const CMRT_2: TemplateLayout = {
  ...CMRT_3,
  versions: ["2", "2.0", "2.00", "2.01", "2.02", "2.03", "2.03a"],
  company: {
    name: "D8",
    scope: "D9",
    scopeDescription: "D10",
    uniqueId: "D12",
    uniqueIdAuthority: `${ABSENT}1`,
    address: "D13",
    contactName: "D14",
    contactEmail: "D16",
    contactPhone: "D17",
    authorizer: "D14",
    authorizerTitle: "D15",
    authorizerEmail: "D16",
    authorizerPhone: "D17",
    effectiveDate: "D18",
  },
  questions: fixedRows(21, 4, 6).map((rows, i) => ({
    id: String(i + 1),
    rows,
    values: [
      YN,
      CMRT2_UNKNOWN,
      CMRT2_UNKNOWN,
      ["Yes", "No but > 75%", "No but > 50%", "No but > 25%", "No but < 25%", "No - none"],
      ["Yes all smelters have been provided", "No"],
      YNU,
    ][i]!,
  })),
  companyQuestions: companyQuestions("ABCDEFGHIJ", 59, {
    C: ["Yes", "Yes included in standard contract language", "No"],
    D: ["Yes", "No", "Planned once lists become available"],
    H: [
      "Yes (3rd party audit)",
      "Yes (documentation review only)",
      "Yes (internal audit)",
      "Yes (all methods apply)",
      "No",
    ],
  }),
  smelterList: {
    firstRow: 5,
    columns: {
      cid: "A",
      metal: "B",
      lookupName: "C",
      name: "D",
      country: "E",
      idSource: ABSENT,
      street: "F",
      city: "G",
      state: "H",
      contactName: "I",
      contactEmail: "J",
      nextSteps: "K",
      mineNames: "L",
      mineCountries: "M",
      recycledScrap: ABSENT,
      comments: "N",
    },
  },
  notRead: undefined,
};

/** CMRT 1.00: "Smelter and Mine List" with name, street/city, contact and mine columns every other column; no country or ID. */
export const CMRT_1: TemplateLayout = {
  ...CMRT_2,
  versions: ["1", "1.0", "1.00"],
  questions: [],
  companyQuestions: [],
  notRead:
    "answers to the questions and company questions (their cells differ before CMRT 2.0), so Checker rules are not applied",
  smelterList: {
    firstRow: 5,
    columns: {
      metal: "B",
      name: "D",
      country: ABSENT,
      cid: ABSENT,
      idSource: ABSENT,
      street: "F",
      city: ABSENT,
      state: ABSENT,
      contactName: "H",
      contactEmail: "J",
      nextSteps: "N",
      mineNames: "P",
      mineCountries: "R",
      recycledScrap: ABSENT,
      comments: "X",
    },
  },
};

const EMRT_C = ["Yes", "Yes, when more processors are validated", "No"] as const;
const EMRT_E = ["Yes, in conformance with IPC1755 (e.g. EMRT)", "Yes, Using Other Format (Describe)", "No"] as const;

export const EMRT_1: TemplateLayout = {
  family: "EMRT",
  versions: ["1.1", "1.11", "1.2", "1.3"],
  legacy: false,
  company: company(12),
  minerals: { kind: "fixed", minerals: ["Cobalt", "Mica"] },
  questions: fixedRows(25, 2, 7).map((rows, i) => ({
    id: String(i + 1),
    rows,
    values:
      i === 0
        ? ["Yes", "No", "Unknown", "Not applicable for this declaration"]
        : i === 2
          ? ["Yes", "No", "Unknown", "DRC only", "India and/or Madagascar only"]
          : i === 4
            ? PERCENT
            : YNU,
  })),
  companyQuestions: [
    { id: "A", rows: [69], perMineral: false, values: YN },
    { id: "B", rows: [71], perMineral: false, values: YN, urlCell: "G71" },
    { id: "C", rows: [74, 75], perMineral: true, values: EMRT_C },
    { id: "D", rows: [77], perMineral: false, values: YN },
    { id: "E", rows: [79], perMineral: false, values: EMRT_E },
    { id: "F", rows: [81], perMineral: false, values: YN },
    { id: "G", rows: [83], perMineral: false, values: YN },
  ],
  smelterList: SMELTER_LIST,
  productList: { firstRow: 6, number: "B", name: "C", comments: "D" },
};

export const EMRT_2: TemplateLayout = {
  family: "EMRT",
  versions: ["2.0", "2.1"],
  legacy: false,
  company: company(16),
  minerals: { kind: "slots", cells: ["D12", "E12", "G12", "D13", "E13", "G13"] },
  questions: Array.from({ length: 7 }, (_, i) => ({
    id: String(i + 1),
    rows: block(30 + i * 12, 10),
    values: i === 0 ? ["Yes", "No", "Unknown", "Not declaring"] : i === 4 ? [...PERCENT, "Did not survey"] : YNU,
  })),
  companyQuestions: [
    { id: "A", rows: [115], perMineral: false, values: YN },
    { id: "B", rows: [117], perMineral: false, values: YN, urlCell: "G117" },
    { id: "C", rows: block(120, 10), perMineral: true, values: EMRT_C },
    { id: "D", rows: [131], perMineral: false, values: YN },
    { id: "E", rows: [133], perMineral: false, values: EMRT_E },
    { id: "F", rows: [135], perMineral: false, values: YN },
    { id: "G", rows: [137], perMineral: false, values: YN },
  ],
  smelterList: { ...SMELTER_LIST, helpers: SMELTER_HELPERS, sheet: SMELTER_SHEET },
  productList: { firstRow: 6, number: "B", name: "C", comments: "D" },
  mineList: MINE_LIST,
  declarationSheet: {
    ...DECLARATION_SHEET,
    companyIntroCell: "B113",
    mineralScopeLabelCell: "B12",
    mineralScopeNoteCell: "B13",
    mineralListCells: block(12, 10).map((r) => `AA${r}`),
    companyCSuffixCell: "P54",
  },
};

export const CRT_2: TemplateLayout = {
  family: "CRT",
  versions: ["2.2", "2.21"],
  legacy: false,
  company: company(12),
  minerals: { kind: "fixed", minerals: ["Cobalt"] },
  questions: [
    { id: "1", rows: [26], values: YN },
    { id: "2", rows: [32], values: [...YNU, "DRC or adjoining countries only"] },
    { id: "3", rows: [38], values: YNU },
    { id: "4", rows: [44], values: PERCENT },
    { id: "5", rows: [50], values: YN },
    { id: "6", rows: [56], values: YN },
  ],
  companyQuestions: companyQuestions(
    "ABCDEFGHI",
    63,
    { G: ["Yes, CRT", "Yes, Using Other Format (Describe)", "No"] },
    "none",
  ),
  smelterList: SMELTER_LIST,
  productList: { firstRow: 6, number: "B", name: "C", comments: "D" },
};

const AMRT_CELLS = ["D12", "E12", "F12", "G12", "H12", "I12", "D13", "E13", "F13", "G13", "H13", "I13"];
const AMRT_Q1 = ["Yes", "No", "Unknown", "Not declaring"];

export const AMRT_13: TemplateLayout = {
  family: "AMRT",
  versions: ["1.3"],
  legacy: false,
  company: company(17),
  minerals: {
    kind: "list",
    cells: AMRT_CELLS,
    otherCells: AMRT_CELLS.map((c) => c.replace("12", "15").replace("13", "16")),
  },
  questions: [
    { id: "1", rows: block(31, 10), values: AMRT_Q1 },
    { id: "2", rows: block(43, 10), values: [...PERCENT, "Did not survey"] },
  ],
  companyQuestions: [],
  smelterList: SMELTER_LIST,
  productList: { firstRow: 6, number: "B", name: "C", comments: "F" },
  mineList: MINE_LIST,
};

export const AMRT_12: TemplateLayout = {
  ...AMRT_13,
  versions: ["1.2"],
  company: company(14),
  minerals: { kind: "list", cells: AMRT_CELLS, otherCells: [] },
  questions: [
    { id: "1", rows: block(28, 10), values: AMRT_Q1 },
    { id: "2", rows: block(40, 10), values: [...PERCENT, "Did not survey"] },
  ],
  smelterList: { firstRow: 5, columns: AMRT12_SMELTER_COLUMNS },
  productList: { firstRow: 6, number: "B", name: "C", comments: "D" },
};

/** Latest release of each family, for the outdated-template warning. */
export const LATEST_VERSION: Record<TemplateFamily, string> = { CMRT: "6.5", EMRT: "2.1", CRT: "2.21", AMRT: "1.3" };
