import type { Database } from "../db/database.ts";
import { TradeMeasure } from "./measures.ts";

/** Every measure of the current trade-measures lists (the newest load of each list file), in list order. */
export async function currentTradeMeasures(db: Database): Promise<TradeMeasure[]> {
  const rows = await db.all(
    `SELECT mineral, imposer, measure_type AS "measureType", description, origin, CAST(effective_from AS VARCHAR) AS "effectiveFrom",
       CAST(effective_to AS VARCHAR) AS "effectiveTo", effective_from_text AS "effectiveFromText", effective_to_text AS "effectiveToText",
       source_url AS "sourceUrl", source_file AS source, line
     FROM current_trade_measures ORDER BY source_file, line`,
  );
  return rows.map((r) => TradeMeasure.parse(r));
}
