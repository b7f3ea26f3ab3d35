import { cleanText, normalizeName } from "../text/normalize.ts";
import { canonicalMineral } from "../rmi/minerals.ts";
import { findCid, normalizeCid } from "../rmi/identifiers.ts";
import type { RollupDeclaration } from "./rollup-input.ts";
import type { RolledSmelter } from "./rollup-smelters.ts";

export interface RolledMine {
  metal: string;
  /** The rolled-up smelter the mine supplies, when the supplier's smelter name resolves to one. */
  smelter: RolledSmelter | null;
  /** The smelter name as the supplier wrote it (used when `smelter` is null). */
  smelterName: string | null;
  name: string | null;
  mineId: string | null;
  idSource: string | null;
  country: string | null;
  suppliers: string[];
}

export interface MineInput {
  supplierId: string;
  declaration: RollupDeclaration;
}

/**
 * Resolves a supplier's Mine List smelter name to a rolled smelter of the same metal: a CID in the text,
 * the rolled (standard) name, or the supplier's own Smelter List row of that name (its CID, else name + country).
 */
function smelterResolver(mineral: string, smelters: readonly RolledSmelter[]) {
  const mine = smelters.filter((s) => s.metal === mineral);
  const byCid = new Map(mine.flatMap((s) => (s.cid ? [[s.cid, s] as const] : [])));
  const byName = new Map<string, RolledSmelter>();
  for (const s of mine) if (!byName.has(normalizeName(s.name))) byName.set(normalizeName(s.name), s);
  return (text: string | null, d: RollupDeclaration): RolledSmelter | null => {
    const cid = findCid(text);
    if (cid) return byCid.get(cid) ?? null;
    const key = normalizeName(text ?? "");
    if (!key) return null;
    const direct = byName.get(key);
    if (direct) return direct;
    for (const row of d.smelters) {
      if (canonicalMineral(row.metal) !== mineral) continue;
      if (normalizeName(row.name ?? "") !== key && normalizeName(row.lookupName ?? "") !== key) continue;
      const rowCid = normalizeCid(row.cid);
      if (rowCid && byCid.has(rowCid)) return byCid.get(rowCid)!;
      const candidates = mine.filter(
        (s) =>
          normalizeName(s.name) === normalizeName(row.name ?? "") &&
          (!row.country || normalizeName(s.country ?? "") === normalizeName(row.country)),
      );
      if (candidates[0]) return candidates[0];
    }
    return null;
  };
}

/**
 * Deduplicates the Mine List rows of the given declarations for one mineral: one row per mine and smelter
 * it supplies (mine key: ID, else normalised name + country). Rows naming no mine are dropped.
 */
export function rollupMines(
  mineral: string,
  inputs: readonly MineInput[],
  smelters: readonly RolledSmelter[],
): RolledMine[] {
  const resolve = smelterResolver(mineral, smelters);
  const out = new Map<string, RolledMine>();
  for (const { supplierId, declaration } of inputs) {
    for (const row of declaration.mines) {
      if (canonicalMineral(row.metal) !== mineral) continue;
      const name = cleanText(row.name);
      const mineId = cleanText(row.mineId);
      if (!name && !mineId) continue;
      const smelter = resolve(row.smelterName, declaration);
      const smelterName = cleanText(row.smelterName);
      const country = cleanText(row.country);
      const smelterKey = smelter
        ? `${smelter.cid ?? ""}|${normalizeName(smelter.name)}`
        : normalizeName(smelterName ?? "");
      const mineKey = mineId
        ? `id:${mineId.toUpperCase()}`
        : `${normalizeName(name ?? "")}|${normalizeName(country ?? "")}`;
      const key = `${smelterKey}|${mineKey}`;
      let m = out.get(key);
      if (!m) {
        m = {
          metal: mineral,
          smelter,
          smelterName,
          name,
          mineId,
          idSource: cleanText(row.idSource),
          country,
          suppliers: [],
        };
        out.set(key, m);
      }
      m.name ??= name;
      m.country ??= country;
      if (!m.suppliers.includes(supplierId)) m.suppliers.push(supplierId);
    }
  }
  return [...out.values()].sort(
    (a, b) =>
      (a.smelter?.name ?? a.smelterName ?? "").localeCompare(b.smelter?.name ?? b.smelterName ?? "") ||
      (a.name ?? a.mineId ?? "").localeCompare(b.name ?? b.mineId ?? ""),
  );
}
