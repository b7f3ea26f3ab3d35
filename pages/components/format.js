// Formatting and colours shared by every page. All text goes through textContent or Plot/Inputs, never innerHTML.

export const BANDS = ["Critical", "High", "Medium", "Low", "Data gap", "Excluded"];
export const BAND_COLORS = ["#b2182b", "#ef8a62", "#f4c542", "#67a9cf", "#9e9e9e", "#d9d9d9"];
export const bandColor = (band) => BAND_COLORS[BANDS.indexOf(band)] ?? "#bbb";

export const pct = (x, digits = 0) =>
  x === null || x === undefined || Number.isNaN(x) ? "–" : `${(x * 100).toFixed(digits)}%`;
export const count = (x) => (x === null || x === undefined ? "–" : Number(x).toLocaleString("en-US"));
export const fmt = (x, format) => (format === "percent" ? pct(x, 0) : count(x));

/** "+12 pts" / "−3" against the previous period, with whether the change is good news. */
export function delta(kpi) {
  if (kpi.value === null || kpi.previous === null || kpi.previous === undefined) return null;
  const d = kpi.value - kpi.previous;
  const text =
    kpi.format === "percent"
      ? `${d >= 0 ? "+" : "−"}${Math.abs(d * 100).toFixed(0)} pts`
      : `${d >= 0 ? "+" : "−"}${Math.abs(d).toLocaleString("en-US")}`;
  return { d, text, good: d === 0 ? null : d > 0 === (kpi.better === "up") };
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A KPI card: label, big number, change against the previous period, and a note. */
export function kpiCard(kpi, previousPeriod) {
  const card = el("div", "card kpi");
  card.append(el("h2", "", kpi.label), el("span", "big", fmt(kpi.value, kpi.format)));
  const change = delta(kpi);
  const line = el("div", "kpi-delta");
  if (change) {
    const badge = el("span", change.good === null ? "flat" : change.good ? "good" : "bad", change.text);
    line.append(badge, document.createTextNode(` vs ${previousPeriod ?? "previous period"}`));
  } else line.textContent = "no previous period";
  card.append(line, el("p", "muted", kpi.note));
  return card;
}

/** A coloured band label (text only). */
export function bandBadge(band) {
  const span = el("span", "band", band);
  span.style.setProperty("--band", bandColor(band));
  return span;
}

/** A link built from a path and an id; the id is URL-encoded and the label set as text. */
export function link(path, id, label) {
  const a = el("a", "", label ?? id);
  a.href = `${path}?id=${encodeURIComponent(id)}`;
  return a;
}

export function textBlock(tag, text, className) {
  return el(tag, className, text);
}
