import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import * as topojson from "topojson-client";
import { BAND_COLORS, BANDS } from "./format.js";

const bandScale = { domain: BANDS, range: BAND_COLORS, legend: true };

// A left margin for category labels that never leaves the bars a negative width on a narrow card.
const labelMargin = (wanted, width) => Math.max(0, Math.min(wanted, Math.floor((width ?? 640) * 0.45)));

/** A legend of the risk bands (coloured dots), e.g. for the smelter map's location dots. */
export function bandLegend(bands = BANDS) {
  const div = document.createElement("div");
  div.className = "legend-bands";
  div.setAttribute("aria-label", "Map dot colours by worst risk");
  for (const b of bands) {
    const span = document.createElement("span");
    span.textContent = b;
    span.style.setProperty("--band", BAND_COLORS[BANDS.indexOf(b)] ?? "#888");
    div.append(span);
  }
  return div;
}

/** Horizontal stacked bar of counts per band. */
export function bandBar(rows, { width, label = "" } = {}) {
  return Plot.plot({
    width,
    height: 70,
    marginLeft: 10,
    x: { label, grid: false },
    color: bandScale,
    marks: [
      Plot.barX(
        rows,
        Plot.stackX({ x: "n", z: "band", fill: "band", order: BANDS, title: (d) => `${d.band}: ${d.n}` }),
      ),
      Plot.textX(
        rows,
        Plot.stackX({
          x: "n",
          z: "band",
          text: (d) => (d.n ? d.n : ""),
          order: BANDS,
          fill: "white",
          fontWeight: "bold",
        }),
      ),
    ],
  });
}

/** Engagement funnel: one bar per stage with its share of the first stage. */
export function funnelChart(funnel, { width } = {}) {
  const top = funnel[0]?.n || 1;
  return Plot.plot({
    width,
    height: 40 + funnel.length * 36,
    marginLeft: labelMargin(130, width),
    x: { axis: null },
    y: { domain: funnel.map((d) => d.stage), label: null },
    marks: [
      Plot.barX(funnel, {
        y: "stage",
        x: "n",
        fill: "var(--theme-foreground-focus)",
        fillOpacity: (_d, i) => 1 - i * 0.18,
      }),
      Plot.text(funnel, {
        y: "stage",
        x: "n",
        text: (d) => `${d.n} (${Math.round((d.n / top) * 100)}%)`,
        textAnchor: "start",
        dx: 6,
      }),
    ],
  });
}

/** Share of identified smelters that are conformant, per metal, with last period's value as a tick. */
export function conformanceChart(rows, { width } = {}) {
  return Plot.plot({
    width,
    height: 40 + rows.length * 32,
    marginLeft: 80,
    x: { domain: [0, 1], tickFormat: "%", label: "conformant share of identified smelters" },
    y: { label: null },
    marks: [
      Plot.barX(rows, {
        y: "metal",
        x: "share",
        fill: "#4c9f70",
        title: (d) => `${d.metal}: ${d.conformant} of ${d.identified}`,
      }),
      Plot.tickX(
        rows.filter((d) => d.previousShare !== null),
        { y: "metal", x: "previousShare", stroke: "currentColor", strokeWidth: 2 },
      ),
      Plot.ruleX([0]),
    ],
  });
}

/**
 * World map (d3-geo Equal Earth): reported mine countries shaded by their listed risk, and smelter
 * location countries as dots sized by the number of smelters, coloured by their worst band.
 */
export function worldMap(world, { locations, mines }, { width } = {}) {
  const countries = topojson.feature(world, world.objects.countries);
  const byIso = new Map(countries.features.map((f) => [f.properties.iso2, f]));
  const mineRisk = new Map(mines.map((m) => [m.iso2, m]));
  const dots = locations
    .filter((d) => byIso.has(d.iso2))
    .map((d) => ({ ...d, centroid: d3.geoCentroid(byIso.get(d.iso2)) }));
  return Plot.plot({
    width,
    height: Math.round(width * 0.5),
    projection: { type: "equal-earth", domain: { type: "Sphere" } },
    color: {
      domain: ["Covered country", "CAHRA", "Labour risk", "No listed risk"],
      range: ["#8c2d04", "#e6550d", "#fdae6b", "#d9d9d9"],
      legend: true,
      label: "mine country",
    },
    r: { range: [3, 18] },
    marks: [
      Plot.sphere({ stroke: "var(--theme-foreground-faint)" }),
      Plot.geo(countries, {
        fill: (f) => mineRisk.get(f.properties.iso2)?.risk ?? null,
        stroke: "var(--theme-background)",
        strokeWidth: 0.5,
      }),
      Plot.geo(countries, {
        fill: "var(--theme-foreground-faintest)",
        fillOpacity: (f) => (mineRisk.has(f.properties.iso2) ? 0 : 1),
        stroke: "var(--theme-foreground-faint)",
        strokeWidth: 0.3,
      }),
      Plot.dot(dots, {
        x: (d) => d.centroid[0],
        y: (d) => d.centroid[1],
        r: "smelters",
        fill: (d) => BAND_COLORS[BANDS.indexOf(d.worst)] ?? "#888",
        stroke: "white",
        title: (d) => `${d.country}: ${d.smelters} smelters (worst band ${d.worst})`,
      }),
      Plot.tip(
        mines.filter((m) => byIso.has(m.iso2)),
        Plot.pointer(
          Plot.geoCentroid({
            geometry: (m) => byIso.get(m.iso2),
            title: (m) => `${m.country}: mine country of ${m.smelters} smelters (${m.metals}); ${m.risk}`,
          }),
        ),
      ),
    ],
  });
}

/** The sentence shown instead of a one-dot chart when only one period has been scored. */
export function singlePeriodNote(history) {
  const h = history[0];
  const p = document.createElement("p");
  p.className = "history-single";
  p.textContent = `Scored in one period only: ${h.period}, ${h.band}${h.score === null || h.score === undefined ? "" : ` (score ${h.score})`}. A trend shows once a second period is scored.`;
  return p;
}

/** Score per period (history of one smelter or supplier); call it with two periods or more (see singlePeriodNote). */
export function historyChart(history, { width, y = "score" } = {}) {
  return Plot.plot({
    width,
    height: 180,
    y: { domain: [0, 100], label: "risk score", grid: true },
    x: { type: "point", label: "period" },
    marks: [
      Plot.line(history, { x: "period", y }),
      Plot.dot(history, {
        x: "period",
        y,
        fill: (d) => BAND_COLORS[BANDS.indexOf(d.band)] ?? "#888",
        r: 6,
        title: (d) => `${d.period}: ${d.band} (${d.score ?? "no score"})`,
      }),
    ],
  });
}

/** Count of rows per category (horizontal bars), e.g. findings by code. */
export function countBars(rows, { width, y, x = "n", fill = "var(--theme-foreground-focus)", label = null } = {}) {
  return Plot.plot({
    width,
    height: 40 + rows.length * 24,
    marginLeft: labelMargin(Math.min(260, 8 + 7 * Math.max(4, ...rows.map((r) => String(r[y]).length))), width),
    x: { label, grid: true },
    y: { label: null, domain: rows.map((r) => r[y]) },
    marks: [Plot.barX(rows, { y, x, fill, title: (d) => `${d[y]}: ${d[x]}` }), Plot.ruleX([0])],
  });
}

/** Product risk against coverage: where risk is high and the evidence thin. */
export function productScatter(products, { width } = {}) {
  return Plot.plot({
    width,
    height: 300,
    x: { domain: [0, 1], tickFormat: "%", label: "coverage (share of suppliers answered)" },
    y: { domain: [0, 100], label: "risk score", grid: true },
    color: bandScale,
    marks: [
      Plot.dot(products, {
        x: "coverage",
        y: "score",
        fill: "band",
        r: 6,
        stroke: "white",
        tip: true,
        title: (d) => `${d.name}\n${d.band} (${d.score}), coverage ${Math.round(d.coverage * 100)}%`,
      }),
    ],
  });
}
