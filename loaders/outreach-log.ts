import { z } from "zod";
import type { Database } from "../src/db/database.ts";
import { identifier, isoDate, oneOf, optionalText } from "./inputs/fields.ts";
import { loadCsvInput, type LoadResult } from "./inputs/load-csv-input.ts";

export const OUTREACH_EVENTS = [
  "requested",
  "reminder",
  "escalated",
  "bounced",
  "responded-no-data",
  "response-received",
] as const;
export type OutreachEvent = (typeof OUTREACH_EVENTS)[number];
export const OUTREACH_COLUMNS = ["supplier_id", "date", "channel", "contact", "event", "note"] as const;

export const OutreachRow = () =>
  z.object({
    supplier_id: identifier,
    date: isoDate,
    channel: optionalText,
    contact: optionalText,
    event: oneOf(OUTREACH_EVENTS),
    note: optionalText,
  });
export type OutreachRow = z.infer<ReturnType<typeof OutreachRow>>;

/** Loads an outreach log CSV (one line per contact event) into `outreach_events`. */
export async function loadOutreachLog(db: Database, path: string): Promise<LoadResult> {
  return loadCsvInput(db, path, {
    kind: "outreach log",
    table: "outreach_events",
    columns: OUTREACH_COLUMNS,
    required: ["supplier_id", "date", "event"],
    schema: OutreachRow,
    store: {
      columns: ["supplier_id", "event_date", "channel", "contact", "event", "note"],
      values: (r) => [r.supplier_id, r.date, r.channel, r.contact, r.event, r.note],
    },
  });
}
