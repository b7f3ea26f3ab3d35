import { normalizeName } from "../text/normalize.ts";

/**
 * A reported smelter's stable identity across runs, shared by screening and scoring: the CID when the row resolved
 * to one, else `unmatched:<metal in lower case>:<normalised name>`.
 */
export function smelterKey(cid: string | null, metal: string, name: string): string {
  return cid ?? `unmatched:${metal.toLowerCase()}:${normalizeName(name)}`;
}
