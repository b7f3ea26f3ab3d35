import { activeDecisions } from "../../decisions/store.ts";
import type { Warehouse } from "./_warehouse.ts";

/** An analyst's active clear-sanctions decision on one smelter. */
export interface Clearance {
  decisionId: string;
  who: string;
  when: string;
  why: string;
  /** "cleared — by Dana Whitfield on 2026-05-02: Different company, same name" */
  text: string;
}

/** `smelter key|metal` (lower case), as clear-sanctions decisions name their targets. */
export const clearanceKey = (key: string, metal: string): string => `${key}|${metal.toLowerCase()}`;

/**
 * The smelters whose sanctions hit or possible match an active clear-sanctions decision clears (decisions stage). A
 * cleared smelter is no hit on any page, whether or not the scoring run read the decision already (it reads it too).
 */
export async function sanctionsClearances(w: Warehouse): Promise<Map<string, Clearance>> {
  const out = new Map<string, Clearance>();
  for (const d of await activeDecisions(w.db, "clear-sanctions"))
    for (const t of d.targets.filter((t) => !t.startsWith("entry:")))
      out.set(t, {
        decisionId: d.decisionId,
        who: d.who,
        when: d.when,
        why: d.why,
        text: `cleared — by ${d.who} on ${d.when}: ${d.why}`,
      });
  return out;
}
