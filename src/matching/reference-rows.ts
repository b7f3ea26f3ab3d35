import { z } from "zod";
import type { Database } from "../db/database.ts";

// The reference rows identification is built from, as read from the warehouse (zod at the database boundary).
// Kept apart from match-index.ts so that \`assay match\` on a snapshot loads neither the schemas nor DuckDB.

export const ReferenceFacility = z.object({
  metal: z.string(),
  cid: z.string(),
  standard_name: z.string(),
  country: z.string().nullable(),
  country_iso2: z.string().nullable(),
});
export type ReferenceFacility = z.infer<typeof ReferenceFacility>;

export const ReferenceAlias = z.object({ metal: z.string(), cid: z.string(), alias: z.string() });
export type ReferenceAlias = z.infer<typeof ReferenceAlias>;

export const RemovedFacility = z.object({
  cid: z.string(),
  metal: z.string().nullable(),
  standard_name: z.string().nullable(),
  revision_date: z.string().nullable(),
  details: z.string().nullable(),
});
export type RemovedFacility = z.infer<typeof RemovedFacility>;

export const LegacyIdRow = z.object({ legacy_id: z.string(), cid: z.string(), metal: z.string().nullable() });
export type LegacyIdRow = z.infer<typeof LegacyIdRow>;

/** One list (one reference load) naming a facility: which list, which file, which vintage, and whether it is current. */
export const Sighting = z.object({
  metal: z.string(),
  cid: z.string(),
  name: z.string().nullable(),
  country: z.string().nullable(),
  /** reference_loads.kind of the load. */
  kind: z.string(),
  list: z.string(),
  file: z.string(),
  vintage: z.string().nullable(),
  current: z.boolean(),
  /** The load names this as the facility's standard name (look-ups, facility lists, status lists), not only an alias. */
  standard: z.boolean(),
});
export type Sighting = z.infer<typeof Sighting>;

/** A revision-history row: removed, added back, renamed, relocated, metal corrected. */
export const RevisionRow = z.object({
  cid: z.string(),
  metal: z.string().nullable(),
  standard_name: z.string().nullable(),
  country: z.string().nullable(),
  revision: z.string(),
  details: z.string().nullable(),
  revision_date: z.string().nullable(),
});
export type RevisionRow = z.infer<typeof RevisionRow>;

/** What the index is built from: the current look-ups, and every list of every loaded vintage. */
export interface MatchReference {
  facilities: readonly ReferenceFacility[];
  aliases: readonly ReferenceAlias[];
  removed?: readonly RemovedFacility[];
  legacy?: readonly LegacyIdRow[];
  sightings?: readonly Sighting[];
  revisions?: readonly RevisionRow[];
}

const LOADS = `WITH loads AS (
    SELECT l.load_id, l.kind, l.source_file AS file, CAST(l.vintage AS VARCHAR) AS vintage,
           coalesce(nullif(split_part(l.detail, ':', 1), ''), l.kind) AS list,
           l.load_id IN (SELECT load_id FROM current_reference_loads) AS current
    FROM reference_loads l)`;

/** The rows buildMatchIndex needs, read from the database (also what the index snapshot stores). */
export async function readMatchReference(db: Database): Promise<MatchReference> {
  const parse = <T>(schema: z.ZodType<T>, rows: unknown[]) => rows.map((r) => schema.parse(r));
  const facilities = await db.all(
    "SELECT metal, cid, standard_name, country, country_iso2 FROM current_ref_smelters ORDER BY metal, cid",
  );
  const aliases = await db.all("SELECT metal, cid, alias FROM current_ref_smelter_aliases ORDER BY metal, cid, alias");
  const sightings = await db.all(`${LOADS}
    SELECT DISTINCT metal, cid, name, country, kind, list, file, vintage, current, standard FROM (
      SELECT s.metal, s.cid, s.standard_name AS name, s.country, lo.*, true AS standard FROM ref_smelters s JOIN loads lo USING (load_id)
      UNION ALL
      SELECT a.metal, a.cid, a.alias, NULL, lo.*, false FROM ref_smelter_aliases a JOIN loads lo USING (load_id)
      UNION ALL
      SELECT f.metal, f.cid, f.standard_name, f.country, lo.*, true FROM ref_facility_status f JOIN loads lo USING (load_id)
      UNION ALL
      SELECT g.metal, g.cid, g.name, g.country, lo.* REPLACE (false AS current), false FROM ref_legacy_ids g JOIN loads lo USING (load_id) WHERE g.metal IS NOT NULL
    ) ORDER BY ALL`);
  const revisions = await db.all(
    `SELECT DISTINCT cid, metal, standard_name, country, revision, details, CAST(revision_date AS VARCHAR) AS revision_date FROM ref_facility_revisions ORDER BY ALL`,
  );
  const legacy = await db.all("SELECT DISTINCT legacy_id, cid, metal FROM ref_legacy_ids ORDER BY ALL");
  return {
    facilities: parse(ReferenceFacility, facilities),
    aliases: parse(ReferenceAlias, aliases),
    sightings: parse(Sighting, sightings),
    revisions: parse(RevisionRow, revisions),
    legacy: parse(LegacyIdRow, legacy),
  };
}
