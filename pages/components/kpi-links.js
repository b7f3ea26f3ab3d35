// Where each Overview KPI card leads: the page and URL filter that list exactly the rows the figure counts.
// The target page applies the filter on load (urlFilter below); a KPI without a row list stays a plain card.

const LINKS = {
  suppliersInScope: "./suppliers?scope=in",
  // A share's card leads to its numerator: the page states it "of" the denominator.
  responseRate: "./suppliers?scope=in&declaration=usable",
  validDeclarations: "./suppliers?scope=in&declaration=usable",
  smeltersIdentified: "./smelters?identified=yes",
  conformantShare: "./smelters?identified=yes&audit=yes",
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
 * The smelter filter a URL carries (?band=Critical,High, ?sanctions=hit, ?identified=yes, ?audit=yes) as a row
 * predicate and a label, or null when the URL has none.
 */
export function smelterUrlFilter(search = location.search) {
  const q = new URLSearchParams(search);
  const bands = q.get("band")?.split(",").filter(Boolean) ?? [];
  const sanctions = q.get("sanctions");
  const identified = q.get("identified");
  const audit = q.get("audit");
  const parts = [];
  if (bands.length) parts.push(`band ${bands.join(" or ")}`);
  if (sanctions) parts.push(`sanctions ${sanctions}`);
  if (identified) parts.push(identified === "yes" ? "identified by CID" : "without a CID");
  if (audit) parts.push(audit === "yes" ? "RMAP conformant with an audit current at the period end" : `audit ${audit}`);
  if (!parts.length) return null;
  return {
    label: parts.join(", "),
    test: (d) =>
      (!bands.length || bands.includes(d.band)) &&
      (!sanctions || d.sanctions === sanctions) &&
      (!identified || (identified === "yes") === Boolean(d.cid)) &&
      (!audit || d.audit === audit),
  };
}

/**
 * The supplier filter a URL carries (?scope=in or out, ?declaration=usable) as a row predicate and a label, or null
 * when the URL has none. "usable": a current declaration without errors, as the response rate counts it.
 */
export function supplierUrlFilter(search = location.search) {
  const q = new URLSearchParams(search);
  const scope = q.get("scope");
  const declaration = q.get("declaration");
  const parts = [];
  if (scope) parts.push(scope === "out" ? "out of scope" : "in scope");
  if (declaration) parts.push(declaration === "usable" ? "with a usable declaration" : `declaration ${declaration}`);
  if (!parts.length) return null;
  return {
    label: parts.join(", "),
    test: (d) =>
      (!scope || (scope === "out") === !d.inScope) &&
      (!declaration || (declaration === "usable") === Boolean(d.usable)),
  };
}
