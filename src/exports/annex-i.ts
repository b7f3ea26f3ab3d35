/**
 * Annex I of Regulation (EU) 2017/821 (as amended by Delegated Regulation (EU) 2020/1588): the CN codes in scope and
 * their annual import volume thresholds, and the test of Article 1(3) — the Regulation applies to a Union importer
 * whose annual import volume of a listed mineral or metal reaches that entry's threshold.
 *
 * Statutory, so fixed here; data/reference/eu/annex_i_volume_thresholds.csv is the same table with its sources. Only
 * entries whose threshold could be checked against the Official Journal text are given a value. The thresholds that
 * Delegated Regulation 2020/1588 set for tantalum/niobium ores, gold ores and tin oxides are `null` (unknown): an
 * import under such a code, or under a CN code this table does not list, is reported "unknown — check" unless the
 * configuration states the threshold itself (`thresholdKg`).
 */

export interface AnnexIEntry {
  part: "A" | "B";
  /** The CN code as printed, with "ex" when only part of the code is covered. */
  cnCode: string;
  /** TARIC subdivision, when the entry names one. */
  taric: string | null;
  description: string;
  metal: "Tin" | "Tantalum" | "Tungsten" | "Gold";
  /** Annual import volume threshold in kilograms; null when not verified for this table. */
  thresholdKg: number | null;
}

export const ANNEX_I: readonly AnnexIEntry[] = [
  {
    part: "A",
    cnCode: "2609 00 00",
    taric: null,
    description: "Tin ores and concentrates",
    metal: "Tin",
    thresholdKg: 5_000,
  },
  {
    part: "A",
    cnCode: "2611 00 00",
    taric: null,
    description: "Tungsten ores and concentrates",
    metal: "Tungsten",
    thresholdKg: 250_000,
  },
  {
    part: "A",
    cnCode: "ex 2615 90 00",
    taric: "10",
    description: "Tantalum or niobium ores and concentrates",
    metal: "Tantalum",
    thresholdKg: null,
  },
  {
    part: "A",
    cnCode: "ex 2616 90 00",
    taric: "10",
    description: "Gold ores and concentrates",
    metal: "Gold",
    thresholdKg: null,
  },
  {
    part: "A",
    cnCode: "ex 7108",
    taric: null,
    description:
      "Gold, unwrought or in semi-manufactured forms, or in powder form, with a gold concentration lower than 99.5% that has not passed the refining stage",
    metal: "Gold",
    thresholdKg: 100,
  },
  {
    part: "B",
    cnCode: "2825 90 40",
    taric: null,
    description: "Tungsten oxides and hydroxides",
    metal: "Tungsten",
    thresholdKg: 100_000,
  },
  {
    part: "B",
    cnCode: "ex 2825 90 85",
    taric: "10",
    description: "Tin oxides and hydroxides",
    metal: "Tin",
    thresholdKg: null,
  },
];

/** One import line of the configuration: a CN code and the company's annual volume under it. */
export interface AnnexIImport {
  cnCode: string;
  kg: number;
  description?: string | undefined;
  /** The company's own reading of the threshold, for a code the table lists without one or does not list. */
  thresholdKg?: number | undefined;
}

export type AnnexIStatus = "above" | "below" | "unknown";

export interface AnnexILine {
  /** The code as the table prints it, or the configured code in 4+2+2 groups when the table does not list it. */
  cnCode: string;
  description: string;
  kg: number;
  thresholdKg: number | null;
  thresholdSource: "Annex I" | "configuration" | null;
  /** At or above the threshold ("reaches", Article 1(3)), below it, or not decidable. */
  status: AnnexIStatus;
  /** Matched an "ex" entry: only goods fitting its description count towards the threshold. */
  exEntry: boolean;
  /** The code is not in this table. */
  unlisted: boolean;
}

export interface AnnexIAssessment {
  lines: AnnexILine[];
  /** Applies when a line reaches its threshold; exempt when every line is below; unknown otherwise. */
  outcome: "applies" | "exempt" | "unknown";
}

const digits = (code: string): string => code.replace(/^\s*ex\s*/i, "").replace(/\D/g, "");

/** "26090000" → "2609 00 00"; shorter codes keep their groups ("7108"). */
export function formatCnCode(code: string): string {
  const d = digits(code);
  return [d.slice(0, 4), d.slice(4, 6), d.slice(6, 8)].filter(Boolean).join(" ");
}

/** The table entry a configured CN code falls under: the exact 8-digit code first, then an "ex" entry it extends. */
export function annexIEntryFor(code: string, table: readonly AnnexIEntry[] = ANNEX_I): AnnexIEntry | null {
  const d = digits(code);
  const exact = table.find((e) => digits(e.cnCode) === d);
  if (exact) return exact;
  return (
    table
      .filter((e) => /^ex/i.test(e.cnCode) && d.startsWith(digits(e.cnCode)))
      .sort((a, b) => digits(b.cnCode).length - digits(a.cnCode).length)[0] ?? null
  );
}

/**
 * Compares the configured annual imports with Annex I, one line per CN code (volumes under the same code are summed:
 * the thresholds are per code and year).
 */
export function assessAnnexI(
  imports: readonly AnnexIImport[],
  table: readonly AnnexIEntry[] = ANNEX_I,
): AnnexIAssessment {
  const byCode = new Map<string, AnnexIImport>();
  for (const i of imports) {
    const key = digits(i.cnCode);
    const prev = byCode.get(key);
    byCode.set(key, prev ? { ...prev, kg: prev.kg + i.kg, thresholdKg: prev.thresholdKg ?? i.thresholdKg } : { ...i });
  }
  const lines = [...byCode.values()].map((i): AnnexILine => {
    const entry = annexIEntryFor(i.cnCode, table);
    const fromTable = entry?.thresholdKg ?? null;
    const thresholdKg = fromTable ?? i.thresholdKg ?? null;
    const thresholdSource = fromTable !== null ? "Annex I" : thresholdKg !== null ? "configuration" : null;
    const status: AnnexIStatus = thresholdKg === null ? "unknown" : i.kg >= thresholdKg ? "above" : "below";
    const exEntry = entry !== null && /^ex/i.test(entry.cnCode);
    return {
      cnCode: entry && !(exEntry && digits(entry.cnCode) !== digits(i.cnCode)) ? entry.cnCode : formatCnCode(i.cnCode),
      description: i.description ?? entry?.description ?? "not listed in Assay's Annex I table",
      kg: i.kg,
      thresholdKg,
      thresholdSource,
      status,
      exEntry,
      unlisted: entry === null,
    };
  });
  const outcome = lines.some((l) => l.status === "above")
    ? "applies"
    : lines.length > 0 && lines.every((l) => l.status === "below")
      ? "exempt"
      : "unknown";
  return { lines, outcome };
}
