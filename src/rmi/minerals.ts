export const CMRT_METALS = ["Tantalum", "Tin", "Gold", "Tungsten"] as const;
export const EMRT_MINERALS = ["Cobalt", "Copper", "Graphite", "Lithium", "Mica", "Nickel"] as const;

/** The minerals of a template family, in the template's row order. */
export function familyMinerals(family: "CMRT" | "EMRT"): readonly string[] {
  return family === "CMRT" ? CMRT_METALS : EMRT_MINERALS;
}

const ALL = [...CMRT_METALS, ...EMRT_MINERALS];

/** "TIN(*)", " natural graphite", "Tantalum " → the canonical mineral name; null when not one of the ten. */
export function canonicalMineral(value: string | null | undefined): string | null {
  const folded = (value ?? "").toLowerCase().replace(/[^a-z ]+/g, " ").trim();
  if (folded === "") return null;
  const words = folded.split(/\s+/);
  for (const name of ALL) {
    if (words.includes(name.toLowerCase())) return name;
  }
  return null;
}

const CONFLICT_MINERALS = new Set(CMRT_METALS.map((m) => m.toLowerCase()));

/** Tin, tantalum, tungsten, gold: the minerals Dodd-Frank §1502 and EU 2017/821 cover (DOMAIN B §5.1–5.2). */
export function isConflictMineral(mineral: string): boolean {
  return CONFLICT_MINERALS.has(mineral.trim().toLowerCase());
}
