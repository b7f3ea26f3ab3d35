/** The options behind the bundled sample company in data/sample/ (scripts/make-sample.ts). */
export const SAMPLE_OPTIONS = { suppliers: 36, products: 12, seed: "calder-ridge", year: 2025 } as const;

export const SAMPLE_ARGS = [
  "generate",
  "--suppliers",
  String(SAMPLE_OPTIONS.suppliers),
  "--products",
  String(SAMPLE_OPTIONS.products),
  "--seed",
  SAMPLE_OPTIONS.seed,
  "--year",
  String(SAMPLE_OPTIONS.year),
];
