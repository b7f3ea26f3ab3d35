import { z } from "zod";
import type { Bands } from "./model.ts";

export const Band = z.enum(["Low", "Medium", "High", "Critical", "Excluded", "Data gap"]);
export type Band = z.infer<typeof Band>;

/** One line of a score's explanation. Weighted reasons sum to the score before clamping; overrides carry 0 points. */
export const Reason = z.object({
  factor: z.string(),
  points: z.number(),
  evidence: z.string(),
  override: z.enum(["critical", "exclude", "floor", "data-gap"]).optional(),
});
export type Reason = z.infer<typeof Reason>;

export const SmelterScore = z.object({
  key: z.string(),
  name: z.string(),
  metal: z.string(),
  score: z.number().min(0).max(100),
  band: Band,
  reasons: z.array(Reason),
  /** Data-quality flags: unmatched, removed, not-operating, audit-date-unknown, unlinked-only (no supplier reports it, only an unlinked declaration). */
  flags: z.array(z.string()),
});
export type SmelterScore = z.infer<typeof SmelterScore>;

export const SupplierScore = z.object({
  supplierId: z.string(),
  /** Null when the supplier did not answer: the band is then "Data gap", never Low. */
  score: z.number().min(0).max(100).nullable(),
  band: Band,
  responded: z.boolean(),
  smelterCount: z.number().int(),
  reasons: z.array(Reason),
});
export type SupplierScore = z.infer<typeof SupplierScore>;

export const ProductScore = z.object({
  product: z.string(),
  score: z.number().min(0).max(100),
  band: Band,
  /** Share (0–1) of in-scope suppliers that answered; 0 when there are none in scope. */
  coverage: z.number().min(0).max(1),
  dataGap: z.boolean(),
  suppliersInScope: z.number().int(),
  suppliersAnswered: z.number().int(),
  reasons: z.array(Reason),
});
export type ProductScore = z.infer<typeof ProductScore>;

const ORDER: Record<Band, number> = { "Data gap": 0, Excluded: 0, Low: 1, Medium: 2, High: 3, Critical: 4 };

/** The band of a weighted score (overrides are applied by the caller). */
export function bandFor(score: number, bands: Bands): "Low" | "Medium" | "High" {
  if (score >= bands.high) return "High";
  if (score >= bands.medium) return "Medium";
  return "Low";
}

/** Orders Low < Medium < High < Critical; Data gap and Excluded sort below Low. */
export function bandRank(band: Band): number {
  return ORDER[band];
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

export function clamp100(x: number): number {
  return Math.min(100, Math.max(0, x));
}
