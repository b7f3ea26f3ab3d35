/** ILAB "List of Goods" names → the minerals Assay tracks (RMI spelling, lower case). Documented in docs/country-risk.md. */
const GOOD_PATTERNS: readonly [RegExp, string[]][] = [
  [/\bgold\b/i, ["gold"]],
  [/\bcoltan\b|\btantal/i, ["tantalum", "niobium"]],
  [/\bcassiterite\b|\btin\b/i, ["tin"]],
  [/\bwolframite\b|\btungsten\b/i, ["tungsten"]],
  [/\bcobalt\b|\bheterogenite\b/i, ["cobalt"]],
  [/\bmica\b/i, ["mica"]],
  [/\bcopper\b/i, ["copper"]],
  [/\bzinc\b/i, ["zinc"]],
  [/\bsilver\b/i, ["silver"]],
  [/\blithium\b/i, ["lithium"]],
  [/\bgraphite\b/i, ["graphite"]],
  [/\bnickel\b/i, ["nickel"]],
  [/\bbauxite\b|\balumin/i, ["aluminum"]],
];

/** Minerals a listed good stands for: "Tantalum ore (coltan)" → tantalum, niobium; "Gold" → gold; "Bricks" → none. */
export function goodToMinerals(good: string): string[] {
  for (const [re, minerals] of GOOD_PATTERNS) if (re.test(good)) return minerals;
  return [];
}
