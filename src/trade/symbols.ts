// Element symbols of the minerals trade measures name, so `--metal W` means tungsten.
const SYMBOLS: Record<string, string> = {
  sn: "Tin",
  ta: "Tantalum",
  w: "Tungsten",
  au: "Gold",
  co: "Cobalt",
  cu: "Copper",
  li: "Lithium",
  ni: "Nickel",
  ag: "Silver",
  al: "Aluminum",
  mn: "Manganese",
  cr: "Chromium",
  ga: "Gallium",
  ge: "Germanium",
  sb: "Antimony",
  te: "Tellurium",
  bi: "Bismuth",
  mo: "Molybdenum",
  in: "Indium",
  sm: "Samarium",
  gd: "Gadolinium",
  tb: "Terbium",
  dy: "Dysprosium",
  lu: "Lutetium",
  sc: "Scandium",
  y: "Yttrium",
  ho: "Holmium",
  er: "Erbium",
  tm: "Thulium",
  eu: "Europium",
  yb: "Ytterbium",
  zn: "Zinc",
  pt: "Platinum",
  pd: "Palladium",
};

/** The mineral an element symbol stands for ("W" → "Tungsten"), or null. */
export function symbolMineral(value: string): string | null {
  return SYMBOLS[value.trim().toLowerCase()] ?? null;
}
