import { createHash } from "node:crypto";
import { z } from "zod";
import type { Database } from "../src/db/database.ts";
import { DECISION_ACTIONS, decisionAction } from "../src/decisions/decision.ts";
import { normalizeCid } from "../src/rmi/identifiers.ts";
import { isoDate, optionalText, requiredText } from "./inputs/fields.ts";
import { loadCsvInput, type LoadResult } from "./inputs/load-csv-input.ts";

export const DECISION_COLUMNS = ["action", "subject", "metal", "value", "who", "when", "why", "expires"] as const;

const action = z.string().transform((v, ctx) => {
  const a = decisionAction(v);
  if (a) return a;
  ctx.addIssue({
    code: "custom",
    message: `unknown action: ${JSON.stringify(v.trim())} (expected one of ${DECISION_ACTIONS.join(", ")})`,
  });
  return z.NEVER;
});

const optionalDate = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v || v.trim() === "") return null;
    const parsed = isoDate.safeParse(v);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: "custom", message: parsed.error.issues[0]?.message ?? "invalid date" });
    return z.NEVER;
  });

/** One row of a decisions file (CSV: action, subject, metal, value, who, when, why, expires). */
export const DecisionRow = () =>
  z
    .object({
      action,
      subject: requiredText,
      metal: optionalText,
      value: optionalText,
      who: requiredText,
      when: isoDate,
      why: requiredText,
      expires: optionalDate,
    })
    .superRefine((d, ctx) => {
      if (d.action === "confirm-match" && !normalizeCid(d.value)) {
        ctx.addIssue({
          code: "custom",
          path: ["value"],
          message: `confirm-match needs the RMI facility's CID in value: ${JSON.stringify(d.value ?? "")}`,
        });
      }
      if (d.action === "link-declaration" && !d.value)
        ctx.addIssue({ code: "custom", path: ["value"], message: "link-declaration needs the supplier id in value" });
      if (d.expires && d.expires < d.when)
        ctx.addIssue({ code: "custom", path: ["expires"], message: `expires ${d.expires} is before when ${d.when}` });
    });
export type DecisionRow = z.infer<ReturnType<typeof DecisionRow>>;

/** A decision's id: the hash of what it says, so moving a line keeps it and editing it makes a new decision. */
export function decisionId(r: DecisionRow): string {
  return createHash("sha256")
    .update(JSON.stringify([r.action, r.subject, r.metal, r.value, r.who, r.when, r.why, r.expires]))
    .digest("hex")
    .slice(0, 12);
}

/** Loads an analyst decisions CSV into `decisions` (a reload replaces the rows of the same file). */
export async function loadDecisions(db: Database, path: string): Promise<LoadResult> {
  return loadCsvInput(db, path, {
    kind: "decisions file",
    table: "decisions",
    columns: DECISION_COLUMNS,
    required: ["action", "subject", "who", "when", "why"],
    schema: DecisionRow,
    store: {
      columns: ["decision_id", "action", "subject", "metal", "value", "who", "decided_on", "why", "expires_on"],
      values: (r) => [
        decisionId(r),
        r.action,
        r.subject,
        r.metal,
        r.action === "confirm-match" ? normalizeCid(r.value) : r.value,
        r.who,
        r.when,
        r.why,
        r.expires,
      ],
    },
  });
}
