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
  // An inline icon: without one the browser asks the server for /favicon.ico and logs a 404.
  head: '<link rel="icon" href="data:,">',
  pager: false,
  footer: "Assay — open-source responsible-minerals due diligence.",
  pages: [
    { name: "Overview", path: "/" },
    { name: "Smelters", path: "/smelters" },
    { name: "Suppliers", path: "/suppliers" },
    { name: "Products", path: "/products" },
    { name: "Sanctions and countries", path: "/sanctions" },
    { name: "Trade measures", path: "/trade-measures" },
    { name: "Decisions", path: "/decisions" },
    { name: "Data quality", path: "/quality" },
    { name: "Method", path: "/method" },
    { name: "Executive report", path: "/report" },
    {
      name: "Regulatory drafts",
      open: false,
      pages: [
        { name: "Form SD / Conflict Minerals Report", path: "/drafts/conflict-minerals-report" },
        { name: "EU 2017/821 Article 7 report", path: "/drafts/eu-2017-821-article-7-report" },
        { name: "EU Batteries Regulation", path: "/drafts/eu-batteries-due-diligence" },
      ],
    },
  ] as ({ name: string; path: string } | { name: string; open?: boolean; pages: { name: string; path: string }[] })[],
};
