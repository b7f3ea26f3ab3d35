import { addDays, monthStart, weekStart } from "./_dates.ts";
import type { CampaignWindow } from "./campaign.ts";
import type { SupplierEngagement } from "./engagement-status.ts";
import type { BomLine } from "./inputs.ts";

export interface EngagementMetric {
  dimension: "all" | "commodity" | "product";
  groupKey: string;
  groupLabel: string;
  inScope: number;
  contacted: number;
  /** Suppliers that sent a declaration (or whose response is logged), usable or not. */
  responded: number;
  respondedWithoutData: number;
  usable: number;
  delinquent: number;
  /** responded / inScope (0 when nothing is in scope). */
  responseRate: number;
  /** usable / responded: the share of valid declarations among the answers (null when nobody answered). */
  validShare: number | null;
  /** usable / inScope: what scoring can rely on. */
  coverage: number;
  medianDaysToRespond: number | null;
  p90DaysToRespond: number | null;
}

export interface TimelinePoint {
  granularity: "week" | "month";
  bucketStart: string;
  bucketEnd: string;
  inScope: number;
  /** Cumulative counts at the end of the bucket. */
  contacted: number;
  responded: number;
  usable: number;
  responseRate: number;
}

/** Quantile by linear interpolation between order statistics (as d3.quantile / R type 7). */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (h - lo);
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 10_000) / 10_000);
const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

function summarise(
  dimension: EngagementMetric["dimension"],
  groupKey: string,
  groupLabel: string,
  list: readonly SupplierEngagement[],
): EngagementMetric {
  const inScope = list.filter((e) => e.inScope);
  const responded = inScope.filter((e) => e.status === "responded");
  const usable = inScope.filter((e) => e.usable).length;
  const days = responded.map((e) => e.daysToRespond).filter((d): d is number => d !== null);
  return {
    dimension,
    groupKey,
    groupLabel,
    inScope: inScope.length,
    contacted: inScope.filter(
      (e) => e.requests > 0 || e.status === "responded" || e.status === "responded-without-data",
    ).length,
    responded: responded.length,
    respondedWithoutData: inScope.filter((e) => e.status === "responded-without-data").length,
    usable,
    delinquent: inScope.filter((e) => e.status === "delinquent").length,
    responseRate: ratio(responded.length, inScope.length),
    validShare: responded.length === 0 ? null : ratio(usable, responded.length),
    coverage: ratio(usable, inScope.length),
    medianDaysToRespond: round1(quantile(days, 0.5)),
    p90DaysToRespond: round1(quantile(days, 0.9)),
  };
}

/** Engagement metrics overall, by commodity (supplier master text, trimmed) and by product (through BOM lines). */
export function engagementMetrics(
  engagements: readonly SupplierEngagement[],
  bomLines: readonly BomLine[],
): EngagementMetric[] {
  const out = [summarise("all", "all", "All in-scope suppliers", engagements)];
  const byCommodity = new Map<string, { label: string; list: SupplierEngagement[] }>();
  for (const e of engagements) {
    const label = e.commodity?.trim() || "(no commodity)";
    const key = label.toLowerCase();
    const entry = byCommodity.get(key) ?? { label, list: [] };
    entry.list.push(e);
    byCommodity.set(key, entry);
  }
  for (const [key, { label, list }] of [...byCommodity].sort((a, b) => a[0].localeCompare(b[0])))
    out.push(summarise("commodity", key, label, list));

  const bySupplier = new Map(engagements.map((e) => [e.supplierId, e] as const));
  const products = new Map<string, { label: string; suppliers: Set<string> }>();
  for (const line of bomLines) {
    const entry = products.get(line.productId) ?? {
      label: line.productName ?? line.productId,
      suppliers: new Set<string>(),
    };
    entry.suppliers.add(line.supplierId);
    products.set(line.productId, entry);
  }
  for (const [id, { label, suppliers }] of [...products].sort((a, b) => a[0].localeCompare(b[0]))) {
    const list = [...suppliers].map((s) => bySupplier.get(s)).filter((e): e is SupplierEngagement => e !== undefined);
    out.push(summarise("product", id, label, list));
  }
  return out;
}

/**
 * Cumulative contact and response counts per week (Monday-based) or month, from the campaign start
 * (or the earliest dated event) through `asOf` or the campaign end, whichever is first.
 */
export function responseTimeline(
  engagements: readonly SupplierEngagement[],
  window: CampaignWindow,
  asOf: string,
  granularity: "week" | "month",
): TimelinePoint[] {
  const inScope = engagements.filter((e) => e.inScope);
  const dates = inScope
    .flatMap((e) => [e.firstRequestDate, e.responseDate])
    .filter((d): d is string => d !== null)
    .sort();
  const first = window.start ?? dates[0] ?? asOf;
  const last = window.end !== null && window.end < asOf ? window.end : asOf;
  if (last < first) return [];
  const startOf = granularity === "week" ? weekStart : monthStart;
  const next = (d: string) => (granularity === "week" ? addDays(d, 7) : addDays(monthStart(addDays(d, 31)), 0));
  const points: TimelinePoint[] = [];
  for (let bucket = startOf(first); bucket <= last; bucket = next(bucket)) {
    const end = addDays(next(bucket), -1);
    const cut = end < last ? end : last;
    const responded = inScope.filter(
      (e) => e.status === "responded" && e.responseDate !== null && e.responseDate <= cut,
    );
    points.push({
      granularity,
      bucketStart: bucket,
      bucketEnd: cut,
      inScope: inScope.length,
      contacted: inScope.filter((e) => e.firstRequestDate !== null && e.firstRequestDate <= cut).length,
      responded: responded.length,
      usable: responded.filter((e) => e.usable).length,
      responseRate: ratio(responded.length, inScope.length),
    });
  }
  return points;
}
