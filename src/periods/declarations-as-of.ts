/**
 * SQL selecting the declarations current on a date: per supplier and scope the newest one effective on or before
 * `$asOf` (migration 010's is_current rule, minus what had not been sent yet). A declaration without an effective
 * date always counts; a null `$asOf` selects today's current set. Columns: every column of `declarations`.
 */
export const DECLARATIONS_AS_OF = `
  SELECT * EXCLUDE (rank) FROM (
    SELECT *, row_number() OVER (
      PARTITION BY coalesce(supplier_key, declaration_id), scope_key
      ORDER BY effective_date DESC NULLS LAST, received_at DESC, declaration_id DESC) AS rank
    FROM declarations
    WHERE CAST($asOf AS DATE) IS NULL OR effective_date IS NULL OR effective_date <= CAST($asOf AS DATE))
  WHERE rank = 1`;
