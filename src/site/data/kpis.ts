import type { RunRef, Warehouse } from "./_warehouse.ts";
import { figuresForRun, type Figures } from "./figures.ts";

/** Programme KPIs of one scoring run: the headline figures, each defined once in figures.ts. */
export type Kpis = Figures;

export async function kpisForRun(w: Warehouse, run: RunRef): Promise<Kpis> {
  return figuresForRun(w, run);
}

export interface Kpi {
  key: string;
  label: string;
  value: number | null;
  previous: number | null;
  format: "count" | "percent";
  /** Whether a rise is good news (up) or bad news (down): the page colours the change with it. */
  better: "up" | "down";
  note: string;
}

export function kpiList(now: Kpis, before: Kpis | null): Kpi[] {
  const k = (key: keyof Kpis, label: string, format: Kpi["format"], better: Kpi["better"], note: string): Kpi => ({
    key,
    label,
    value: now[key] as number | null,
    previous: before ? (before[key] as number | null) : null,
    format,
    better,
    note,
  });
  return [
    k("suppliersInScope", "Suppliers in scope", "count", "up", "suppliers asked for a declaration"),
    k(
      "responseRate",
      "Response rate",
      "percent",
      "up",
      `${now.validDeclarations} of ${now.suppliersInScope} responded with a usable declaration (${now.responded} answered), as the filings count it`,
    ),
    k(
      "validDeclarations",
      "Valid declarations",
      "count",
      "up",
      `usable answers: current, without errors (${now.responded} responded)`,
    ),
    k("highRiskSuppliers", "High-risk suppliers", "count", "down", "suppliers in scope in the High or Critical band"),
    k(
      "smeltersIdentified",
      "Smelters identified",
      "count",
      "up",
      `${now.smelters} reported, ${now.smelters - now.smeltersIdentified} without a CID`,
    ),
    k(
      "conformantShare",
      "Conformant smelters",
      "percent",
      "up",
      `${now.conformant} of ${now.smeltersIdentified} identified, RMAP conformant with an audit current at ${now.periodEnd}${now.conformantLapsed ? ` (${now.conformantLapsed} more listed as conformant, audit lapsed)` : ""}`,
    ),
    k(
      "sanctionsHits",
      "Sanctions hits",
      "count",
      "down",
      `smelters your suppliers report that match a sanctions list (${now.referenceSanctionsHits} more on the RMI reference list, reported by none)`,
    ),
    k("highRiskSmelters", "High-risk smelters", "count", "down", "High or Critical band"),
    k("highRiskProducts", "High-risk products", "count", "down", `of ${now.products} products, High or Critical band`),
    k("actionsOpen", "Open actions", "count", "down", "suppliers in scope with a next step"),
    k("actionsOverdue", "Overdue actions", "count", "down", `of ${now.actionsOpen} open actions, past their due date`),
  ];
}
