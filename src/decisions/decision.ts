/**
 * What an analyst decided, and what it overrides:
 * - clear-sanctions: a sanctions hit or possible match on a smelter (`subject`: its CID, or the name as a supplier typed
 *   it) is a false positive; `value` may name the list entries cleared ("OFAC SDN 35318"), else every entry matching
 *   when the decision was taken. A newer list that brings other evidence expires it.
 * - confirm-match: the smelter a supplier typed (`subject`, with `metal`) is the RMI facility `value` (a CID): confirms
 *   a fuzzy match or maps a "Smelter not listed" name.
 * - link-declaration: the declaration (`subject`: file name, declaration id or company name as written) is the
 *   supplier `value`'s (a supplier id).
 * - follow-up: a note on a supplier, smelter or product (`subject`), due by `expires`.
 */
export const DECISION_ACTIONS = ["clear-sanctions", "confirm-match", "link-declaration", "follow-up"] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

const ALIASES: Record<string, DecisionAction> = {
  "clear-sanctions": "clear-sanctions",
  clear: "clear-sanctions",
  "false-positive": "clear-sanctions",
  "clear-hit": "clear-sanctions",
  "confirm-match": "confirm-match",
  "map-smelter": "confirm-match",
  "map-cid": "confirm-match",
  match: "confirm-match",
  "link-declaration": "link-declaration",
  link: "link-declaration",
  "follow-up": "follow-up",
  followup: "follow-up",
  note: "follow-up",
};

/** "False positive", "clear_sanctions", "Map CID" → the action; null when unknown. */
export function decisionAction(raw: string): DecisionAction | null {
  return (
    ALIASES[
      raw
        .trim()
        .toLowerCase()
        .replace(/[\s_]+/g, "-")
    ] ?? null
  );
}

export interface Decision {
  decisionId: string;
  action: DecisionAction;
  subject: string;
  metal: string | null;
  value: string | null;
  who: string;
  /** The day it was decided (YYYY-MM-DD). */
  when: string;
  why: string;
  /** Last day it holds (YYYY-MM-DD), or null. */
  expires: string | null;
  file: string;
  line: number;
}

export type DecisionState = "active" | "expired" | "no-match";

/** A decision evaluated against the current warehouse: whether it still holds, and what it touches. */
export interface DecisionStatus {
  decisionId: string;
  status: DecisionState;
  detail: string;
  /** What it applies to, e.g. the smelter keys, declaration ids or supplier id. */
  targets: string[];
  /** What an active decision rests on (kept from when it was first applied). */
  evidence?: Record<string, string>;
}
