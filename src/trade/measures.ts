import { z } from "zod";

/** A trade measure as stored: one row of a trade-measures list (see data/reference/trade). */
export const TradeMeasure = z.object({
  /** Canonical mineral: "Tungsten", "Cobalt", … or the list's own word ("Gallium", "Rare earth elements"). */
  mineral: z.string().min(1),
  /** The jurisdiction imposing the measure (ISO alpha-2, or "EU"). */
  imposer: z.string().min(2),
  measureType: z.string().min(1),
  description: z.string(),
  /** The origin the measure targets: the imposer for export measures, "(origin: XX)" for import measures; null = any origin. */
  origin: z.string().nullable(),
  /** First day the measure may be in force (YYYY-MM-DD; a month or year alone becomes its first day). */
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Last day in force, or null when open-ended (a month or year alone becomes its last day). */
  effectiveTo: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  /** The dates as the list wrote them, e.g. "2026" or "2023-06", kept so an approximate date shows as such. */
  effectiveFromText: z.string(),
  effectiveToText: z.string(),
  sourceUrl: z.string().nullable(),
  /** Which list it came from (file name) and the line, for the audit trail. */
  source: z.string(),
  line: z.number().int(),
});
export type TradeMeasure = z.infer<typeof TradeMeasure>;

const EXPORT_TYPES = /^export/;

/** The origin a measure applies to: an export measure binds material from the imposer; others name it as "(origin: XX)". */
export function measureOrigin(imposer: string, measureType: string, description: string): string | null {
  if (EXPORT_TYPES.test(measureType)) return imposer;
  const m = /\borigin:\s*([A-Z]{2})\b/.exec(description);
  return m ? m[1]! : null;
}

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A list date "2025-02-04", "2023-06" or "2026" as a day: the first day of the month/year when `edge` is "start",
 * the last when "end". Null when the text is no date.
 */
export function measureDate(text: string, edge: "start" | "end"): string | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : edge === "start" ? 1 : 12;
  if (mo < 1 || mo > 12) return null;
  const d = m[3] ? Number(m[3]) : edge === "start" ? 1 : lastDay(y, mo);
  if (d < 1 || d > lastDay(y, mo)) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A closed date range, both ends YYYY-MM-DD. */
export interface DateWindow {
  from: string;
  to: string;
}

/** In force on some day of the window (an open-ended measure stays in force). */
export function inForceDuring(m: Pick<TradeMeasure, "effectiveFrom" | "effectiveTo">, window: DateWindow): boolean {
  return m.effectiveFrom <= window.to && (m.effectiveTo === null || m.effectiveTo >= window.from);
}

/** True when the list only gave a month or a year for one of the dates. */
export function approximateDates(m: Pick<TradeMeasure, "effectiveFromText" | "effectiveToText">): boolean {
  const partial = (t: string) => t.trim() !== "" && !/^\d{4}-\d{1,2}-\d{1,2}$/.test(t.trim());
  return partial(m.effectiveFromText) || partial(m.effectiveToText);
}

/** Does the measure bind this mineral from this country? (mineral compared case-insensitively; no origin = any). */
export function affects(m: Pick<TradeMeasure, "mineral" | "origin">, mineral: string, country: string | null): boolean {
  if (m.mineral.toLowerCase() !== mineral.toLowerCase()) return false;
  return m.origin === null || (country !== null && m.origin === country.toUpperCase());
}

/** A measure that binds a smelter, supplier or product, and why. */
export interface MeasureHit {
  measure: TradeMeasure;
  mineral: string;
  country: string | null;
  /** "location": the smelter's country; "mine": a mine country suppliers reported for it. */
  basis: "location" | "mine";
}

export interface MeasureSubject {
  mineral: string;
  /** The smelter's location (ISO alpha-2), or null when unknown. */
  country: string | null;
  /** Mine countries reported for it (ISO alpha-2). */
  mineCountries?: readonly string[];
}

/**
 * The measures in force during `window` that bind a subject's mineral from its location or a reported mine country.
 * A measure on any origin (a Section 232 tariff) binds every subject of its mineral, once, on its location.
 */
export function measuresFor(
  measures: readonly TradeMeasure[],
  subject: MeasureSubject,
  window: DateWindow,
): MeasureHit[] {
  const hits: MeasureHit[] = [];
  for (const m of measures) {
    if (!inForceDuring(m, window) || m.mineral.toLowerCase() !== subject.mineral.toLowerCase()) continue;
    if (affects(m, subject.mineral, subject.country)) {
      hits.push({ measure: m, mineral: subject.mineral, country: subject.country, basis: "location" });
      continue;
    }
    const mine = (subject.mineCountries ?? []).find((c) => affects(m, subject.mineral, c));
    if (mine) hits.push({ measure: m, mineral: subject.mineral, country: mine, basis: "mine" });
  }
  return hits;
}

/** A measure on one line of text: "CN export licence from 2025-02-04 (MOFCOM/GAC …)". */
export function measureSummary(m: TradeMeasure): string {
  const to = m.effectiveToText ? ` to ${m.effectiveToText}` : "";
  const origin = m.origin === null ? "any origin" : m.origin === m.imposer ? `from ${m.origin}` : `${m.origin}-origin`;
  return `${m.imposer} ${m.measureType.replace(/_/g, " ")} (${origin}) from ${m.effectiveFromText}${to}`;
}
