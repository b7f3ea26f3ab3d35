import { z } from "zod";

export const PeriodSmelter = z.object({
  key: z.string(),
  cid: z.string().nullable(),
  name: z.string(),
  metal: z.string(),
  rmiStatus: z.string(),
  sanctions: z.string().nullable(),
  score: z.number(),
  band: z.string(),
});
export type PeriodSmelter = z.infer<typeof PeriodSmelter>;

export const PeriodSupplier = z.object({
  supplierId: z.string(),
  name: z.string(),
  score: z.number().nullable(),
  band: z.string(),
});
export type PeriodSupplier = z.infer<typeof PeriodSupplier>;

/** The stored results of a period's latest scoring run. */
export interface PeriodSnapshot {
  period: string;
  runId: number;
  asOf: string;
  modelVersion: string;
  smelters: PeriodSmelter[];
  suppliers: PeriodSupplier[];
}

export interface PeriodDiff {
  from: { period: string; runId: number; asOf: string; modelVersion: string };
  to: { period: string; runId: number; asOf: string; modelVersion: string };
  newSmelters: PeriodSmelter[];
  droppedSmelters: PeriodSmelter[];
  statusChanges: {
    key: string;
    name: string;
    metal: string;
    from: string;
    to: string;
    bandFrom: string;
    bandTo: string;
  }[];
  newSanctionsHits: PeriodSmelter[];
  supplierMoves: {
    supplierId: string;
    name: string;
    scoreFrom: number | null;
    scoreTo: number | null;
    bandFrom: string;
    bandTo: string;
  }[];
}

const delta = (m: { scoreFrom: number | null; scoreTo: number | null }) =>
  m.scoreFrom === null || m.scoreTo === null ? 0 : Math.abs(m.scoreTo - m.scoreFrom);
const head = (s: PeriodSnapshot) => ({ period: s.period, runId: s.runId, asOf: s.asOf, modelVersion: s.modelVersion });
const byKey = <T>(list: T[], key: (t: T) => string) => new Map(list.map((t) => [key(t), t]));

/**
 * What changed from period `a` to period `b`: smelters that appeared or disappeared, RMI status changes,
 * sanctions hits that are new in `b`, and suppliers whose band changed or whose score moved by at least
 * `minScoreMove` points (default 10). Pure.
 */
export function diffPeriods(a: PeriodSnapshot, b: PeriodSnapshot, minScoreMove = 10): PeriodDiff {
  const sa = byKey(a.smelters, (s) => s.key);
  const sb = byKey(b.smelters, (s) => s.key);
  const statusChanges: PeriodDiff["statusChanges"] = [];
  for (const [key, to] of sb) {
    const from = sa.get(key);
    if (from && from.rmiStatus !== to.rmiStatus) {
      statusChanges.push({
        key,
        name: to.name,
        metal: to.metal,
        from: from.rmiStatus,
        to: to.rmiStatus,
        bandFrom: from.band,
        bandTo: to.band,
      });
    }
  }
  const ua = byKey(a.suppliers, (s) => s.supplierId);
  const supplierMoves: PeriodDiff["supplierMoves"] = [];
  for (const to of b.suppliers) {
    const from = ua.get(to.supplierId);
    if (!from) continue;
    const moved =
      from.band !== to.band ||
      (from.score !== null && to.score !== null && Math.abs(to.score - from.score) >= minScoreMove);
    if (moved)
      supplierMoves.push({
        supplierId: to.supplierId,
        name: to.name,
        scoreFrom: from.score,
        scoreTo: to.score,
        bandFrom: from.band,
        bandTo: to.band,
      });
  }
  const byName = <T extends { name: string }>(x: T, y: T) => x.name.localeCompare(y.name);
  return {
    from: head(a),
    to: head(b),
    newSmelters: b.smelters.filter((s) => !sa.has(s.key)).sort(byName),
    droppedSmelters: a.smelters.filter((s) => !sb.has(s.key)).sort(byName),
    statusChanges: statusChanges.sort(byName),
    newSanctionsHits: b.smelters
      .filter((s) => s.sanctions === "hit" && sa.get(s.key)?.sanctions !== "hit")
      .sort(byName),
    supplierMoves: supplierMoves.sort((x, y) => delta(y) - delta(x) || x.name.localeCompare(y.name)),
  };
}
