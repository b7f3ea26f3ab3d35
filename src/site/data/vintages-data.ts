import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import type { Database } from "../../db/database.ts";
import { periodWindow } from "../../periods/period-window.ts";
import { REPO_ROOT } from "../../repo-root.ts";
import { currentAndPrevious, openWarehouse, str } from "./_warehouse.ts";

/** The reference families every page shows the age of, in display order. */
export const VINTAGE_GROUPS = ["RMI facility list", "Sanctions", "CAHRA", "Trade measures"] as const;
export type VintageGroup = (typeof VINTAGE_GROUPS)[number];

export interface ReferenceLoad {
  kind: string;
  file: string;
  vintage: string | null;
}

export interface VintageItem {
  group: VintageGroup;
  label: string;
  file: string;
  vintage: string | null;
  /** Why the list may not cover the period: older than the period end, or of unknown date; null when current. */
  warning: string | null;
}

/** Which family a reference load belongs to; null for loads no page needs (legacy id maps). */
export function vintageGroup(kind: string): VintageGroup | null {
  if (kind === "rmi-legacy-ids") return null;
  if (kind.startsWith("rmi-")) return "RMI facility list";
  if (/sanctions|^ofac-/.test(kind)) return "Sanctions";
  if (/cahra/.test(kind)) return "CAHRA";
  if (kind === "trade-measures") return "Trade measures";
  return null;
}

const LABELS: Record<string, string> = {
  "ofac-sdn": "OFAC SDN",
  "ofac-consolidated": "OFAC consolidated",
  "eu-sanctions": "EU sanctions",
  "uk-sanctions": "UK sanctions",
  cahra: "EU CAHRA list",
  "trade-measures": "Trade measures",
  "rmi-revisions": "RMI facility revisions",
};

/** "rmi-lookup-cmrt" → "RMI Smelter Look-up (CMRT)", "rmi-status-conformant" → "RMI audit status (conformant)". */
export function vintageLabel(kind: string): string {
  const rmi = /^rmi-(lookup|facility-list|status)-(.+)$/.exec(kind);
  if (rmi) {
    const what = { lookup: "RMI Smelter Look-up", "facility-list": "RMI facility list", status: "RMI audit status" }[
      rmi[1] as "lookup"
    ];
    return `${what} (${rmi[1] === "status" ? rmi[2]!.replace(/-/g, " ") : rmi[2]!.toUpperCase()})`;
  }
  return LABELS[kind] ?? kind;
}

/** The vintages that matter against the period end, with a warning for each list older than it or undated. Pure. */
export function vintageItems(loads: readonly ReferenceLoad[], periodEnd: string | null): VintageItem[] {
  const items: VintageItem[] = [];
  for (const l of loads) {
    const group = vintageGroup(l.kind);
    if (!group) continue;
    const warning =
      l.vintage === null
        ? "vintage unknown"
        : periodEnd && l.vintage < periodEnd
          ? `older than the period end (${periodEnd})`
          : null;
    items.push({ group, label: vintageLabel(l.kind), file: l.file, vintage: l.vintage, warning });
  }
  return items.sort(
    (a, b) =>
      VINTAGE_GROUPS.indexOf(a.group) - VINTAGE_GROUPS.indexOf(b.group) ||
      a.label.localeCompare(b.label) ||
      a.file.localeCompare(b.file),
  );
}

/** The CAHRA list the country-risk stage reads (data/reference/country-risk/*cahra*), dated by its file name. */
export function shippedCahra(dir = join(REPO_ROOT, "data/reference/country-risk")): ReferenceLoad[] {
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => /cahra/i.test(f));
  } catch {
    return [];
  }
  return files.map((f) => {
    const m = /(20\d{2})[-_](0[1-9]|1[0-2])(?:[-_](0[1-9]|[12]\d|3[01]))?/.exec(f);
    return { kind: "cahra", file: f, vintage: m ? `${m[1]}-${m[2]}-${m[3] ?? "01"}` : null };
  });
}

/** The strip every page shows: the current run's period end and the current load of each list that matters. */
export async function vintagesData(db: Database, options: { cahraDir?: string } = {}) {
  const w = await openWarehouse(db);
  const { current } = await currentAndPrevious(w);
  const periodEnd = current ? periodWindow(current.period, current.asOf).to : null;
  const loads = (
    await w.rows<Record<string, unknown>>(
      `SELECT kind, source_file, CAST(vintage AS VARCHAR) AS vintage FROM current_reference_loads
       UNION SELECT DISTINCT 'trade-measures', source_file, vintage FROM current_trade_measures ORDER BY 1, 2`,
    )
  ).map((r) => ({ kind: String(r.kind), file: basename(String(r.source_file ?? "")), vintage: str(r.vintage) }));
  // current_reference_loads keeps one load per kind; trade-measure lists are one per file name, listed from their view.
  const unique = [
    ...new Map([...loads, ...shippedCahra(options.cahraDir)].map((l) => [`${l.kind}|${l.file}`, l])).values(),
  ];
  return { period: current?.period ?? null, periodEnd, items: vintageItems(unique, periodEnd) };
}
export type VintagesData = Awaited<ReturnType<typeof vintagesData>>;
