/**
 * The Dodd-Frank §1502(e)(1) covered countries: the Democratic Republic of the Congo and the nine countries sharing
 * an internal border with it (Angola, Burundi, Central African Republic, Republic of the Congo, Rwanda, South Sudan,
 * Tanzania, Uganda, Zambia). Statutory, so fixed; data/reference/country-risk/dodd_frank_covered_countries.csv is the
 * same list with its basis.
 */
export const COVERED_COUNTRIES: ReadonlySet<string> = new Set([
  "CD",
  "AO",
  "BI",
  "CF",
  "CG",
  "RW",
  "SS",
  "TZ",
  "UG",
  "ZM",
]);
