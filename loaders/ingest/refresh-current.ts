import type { Database } from "../../src/db/database.ts";

/**
 * Marks, per supplier and scope, the newest declaration (by effective date, then arrival) as current and points
 * the older ones at it through superseded_by. Declarations without a supplier identity always stay current.
 */
export async function refreshCurrent(db: Database): Promise<void> {
  await db.run(`UPDATE declarations AS d SET is_current = r.rank = 1, superseded_by = CASE WHEN r.rank = 1 THEN NULL ELSE r.newest END
    FROM (
      SELECT declaration_id,
        row_number() OVER w AS rank,
        first_value(declaration_id) OVER w AS newest
      FROM declarations WHERE supplier_key IS NOT NULL
      WINDOW w AS (PARTITION BY supplier_key, scope_key ORDER BY effective_date DESC NULLS LAST, received_at DESC, declaration_id DESC
                   ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    ) AS r
    WHERE d.declaration_id = r.declaration_id AND (d.is_current IS DISTINCT FROM (r.rank = 1)
      OR d.superseded_by IS DISTINCT FROM CASE WHEN r.rank = 1 THEN NULL ELSE r.newest END)`);
}
