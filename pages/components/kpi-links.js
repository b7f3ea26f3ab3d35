// Where each Overview KPI card leads: the page and URL filter that list exactly the rows the figure counts.
// The target page applies the filter on load (urlFilter below); a KPI without a row list stays a plain card.

const LINKS = {
  smeltersIdentified: "./smelters?identified=yes",
  sanctionsHits: "./smelters?sanctions=hit",
  highRiskSmelters: "./smelters?band=Critical,High",
};

/** The card wrapped in a link to its rows, or the card itself when its rows have no page. */
export function kpiLink(card, key) {
  const href = LINKS[key];
  if (!href) return card;
  const a = document.createElement("a");
  a.className = "kpi-link";
  a.href = href;
  // The accessible name stays the card's own text (an aria-label that differs from it fails WCAG 2.5.3).
  a.title = `${card.querySelector("h2")?.textContent ?? key}: show the rows counted`;
  a.append(card);
  return a;
}

/**
 * The smelter filter a URL carries (?band=Critical,High, ?sanctions=hit, ?identified=yes) as a row predicate and a
 * label, or null when the URL has none.
 */
export function smelterUrlFilter(search = location.search) {
  const q = new URLSearchParams(search);
  const bands = q.get("band")?.split(",").filter(Boolean) ?? [];
  const sanctions = q.get("sanctions");
  const identified = q.get("identified");
  const parts = [];
  if (bands.length) parts.push(`band ${bands.join(" or ")}`);
  if (sanctions) parts.push(`sanctions ${sanctions}`);
  if (identified) parts.push(identified === "yes" ? "identified by CID" : "without a CID");
  if (!parts.length) return null;
  return {
    label: parts.join(", "),
    test: (d) =>
      (!bands.length || bands.includes(d.band)) &&
      (!sanctions || d.sanctions === sanctions) &&
      (!identified || (identified === "yes") === Boolean(d.cid)),
  };
}
