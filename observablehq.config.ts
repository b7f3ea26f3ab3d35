// Observable Framework configuration for the Assay dashboard site (root: pages/).
// Pages read compact JSON prepared by the data loaders in pages/data/ from the DuckDB warehouse.
export default {
  title: "Assay",
  root: "pages",
  output: process.env.ASSAY_SITE_OUTPUT ?? "dist",
  // No web fonts: the site must build and render with no internet.
  globalStylesheets: [],
  theme: ["air", "near-midnight"],
  search: false,
  pager: false,
  footer: "Assay — open-source responsible-minerals due diligence.",
  pages: [] as { name: string; path: string }[],
};
