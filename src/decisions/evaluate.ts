import { normalizeCid } from "../rmi/identifiers.ts";
import { normalizeName } from "../text/normalize.ts";
import type { Decision, DecisionStatus } from "./decision.ts";

/** A screening result a clear-sanctions decision may override: a reference smelter or a reported spelling group. */
export interface ScreeningTarget {
  /** The scoring smelter key: the CID, or `unmatched:<metal>:<name>`. */
  key: string;
  cid: string | null;
  metal: string;
  names: string[];
  decision: string;
  /** The list entries behind it, "OFAC SDN 35318". */
  entries: string[];
  /** What the list says of each entry (listed name, programme), so a vintage that changes an entry shows. */
  evidence?: Record<string, string>;
}

/** What a decision rested on when first applied, and why it expired for good (null while it holds). */
export interface DecisionEvidence {
  evidence: Record<string, string>;
  expired: string | null;
}

export interface DecisionContext {
  asOf: string;
  /** Current RMI reference: CID → its metals (lower case). */
  referenceCids: Map<string, string[]>;
  screening: ScreeningTarget[];
  /** Distinct reported smelter rows: metal (lower case) and the typed and look-up names. */
  reported: { metal: string; name: string | null; lookupName: string | null }[];
  declarations: { declarationId: string; file: string | null; companyName: string | null }[];
  suppliers: Set<string>;
  products: Set<string>;
  smelterKeys: Set<string>;
  /** Current RMI facts of each facility, `CID|metal` → "name; status", which a confirmed match rests on. */
  facilities?: Map<string, string>;
  /** What each decision rested on when first applied (decision_evidence). */
  evidence: Map<string, DecisionEvidence>;
}

export const entryKey = (e: string) => normalizeName(e);
const baseName = (f: string) => f.replace(/^.*[\\/]/, "");

function entriesCovered(cleared: readonly string[], current: readonly string[]): string[] {
  const keys = cleared.map(entryKey);
  // "35318" clears "OFAC SDN 35318"; the full "OFAC SDN 35318" does too.
  return current.filter((e) => !keys.some((k) => entryKey(e) === k || entryKey(e).endsWith(` ${k}`)));
}

/** "CID000814|gold: Istanbul Gold Refinery; conformant → Istanbul Gold Refinery; active" for each fact that moved. */
function changedEvidence(before: Record<string, string> | undefined, now: Record<string, string>): string[] {
  if (!before) return [];
  return Object.entries(before)
    .filter(([k, v]) => k in now && now[k] !== v)
    .map(([k, v]) => `${k}: ${v} → ${now[k]}`);
}

/** Does the decision's subject (a CID or a typed name) and metal name this screening result? */
function namesTarget(d: Decision, t: ScreeningTarget): boolean {
  if (d.metal && d.metal.toLowerCase() !== t.metal.toLowerCase()) return false;
  const cid = normalizeCid(d.subject);
  if (cid) return t.cid === cid || t.key === cid;
  const n = normalizeName(d.subject);
  return t.names.some((x) => normalizeName(x) === n) || t.key.endsWith(`:${n}`);
}

/**
 * Whether each decision still holds on `ctx.asOf`, and what it applies to. Pure: the caller reads the warehouse.
 * A decision expires on its `expires` date, when the facility it maps to leaves the RMI reference, or when the lists
 * bring evidence it did not clear (an entry other than those named, or than those matching when first applied), or
 * when a newer vintage changes the evidence it rests on (a cleared list entry's name or programme, a confirmed
 * facility's RMI name or status). An expiry for changed evidence holds in later builds: the analyst decides anew.
 */
export function evaluateDecisions(decisions: readonly Decision[], ctx: DecisionContext): DecisionStatus[] {
  return decisions.map((d) => {
    const s = (status: DecisionStatus["status"], detail: string, targets: string[] = []): DecisionStatus => ({
      decisionId: d.decisionId,
      status,
      detail,
      targets,
    });
    if (d.expires && d.expires < ctx.asOf) return s("expired", `expired on ${d.expires}`);
    const before = ctx.evidence.get(d.decisionId);
    if (before?.expired) return s("expired", before.expired);
    switch (d.action) {
      case "clear-sanctions": {
        const targets = ctx.screening.filter((t) => t.decision !== "clear" && namesTarget(d, t));
        if (targets.length === 0)
          return s("no-match", `no sanctions hit or possible match on ${JSON.stringify(d.subject)} to clear`);
        const current = [...new Set(targets.flatMap((t) => t.entries))].sort();
        const cleared = d.value
          ? d.value
              .split(/[;|]/)
              .map((v) => v.trim())
              .filter(Boolean)
          : before
            ? Object.keys(before.evidence)
            : current;
        const uncovered = entriesCovered(cleared, current);
        if (uncovered.length > 0)
          return s(
            "expired",
            `the lists now bring evidence this decision did not clear: ${uncovered.join("; ")}`,
            current,
          );
        const now: Record<string, string> = Object.assign({}, ...targets.map((t) => t.evidence ?? {}));
        const changed = changedEvidence(before?.evidence, now);
        if (changed.length > 0)
          return s(
            "expired",
            `a newer list vintage changed the entries this decision cleared: ${changed.join("; ")}`,
            current,
          );
        return {
          ...s("active", `clears ${current.join("; ")} on ${targets.map((t) => `${t.key} (${t.metal})`).join(", ")}`, [
            ...targets.map((t) => `${t.key}|${t.metal.toLowerCase()}`),
            ...current.map((e) => `entry:${e}`),
          ]),
          evidence: before?.evidence ?? now,
        };
      }
      case "confirm-match": {
        const cid = normalizeCid(d.value)!;
        const metals = ctx.referenceCids.get(cid) ?? [];
        const metal = d.metal?.toLowerCase() ?? null;
        if (metals.length === 0 || (metal && !metals.includes(metal)))
          return s("expired", `${cid}${metal ? ` (${d.metal})` : ""} is not in the current RMI reference`);
        const n = normalizeName(d.subject);
        const rows = ctx.reported.filter(
          (r) =>
            (!metal || r.metal === metal) &&
            metals.includes(r.metal) &&
            [r.name, r.lookupName].some((x) => x && normalizeName(x) === n),
        );
        if (rows.length === 0)
          return s(
            "no-match",
            `no supplier reports a smelter named ${JSON.stringify(d.subject)}${metal ? ` for ${d.metal}` : ""}`,
          );
        const targets = [...new Set(rows.map((r) => `${r.metal}|${n}`))];
        const now: Record<string, string> = {};
        for (const m of new Set(rows.map((r) => r.metal))) {
          const facts = ctx.facilities?.get(`${cid}|${m}`);
          if (facts !== undefined) now[`${cid}|${m}`] = facts;
        }
        const changed = changedEvidence(before?.evidence, now);
        if (changed.length > 0)
          return s("expired", `the RMI list changed the facility this match rests on: ${changed.join("; ")}`, targets);
        return {
          ...s(
            "active",
            `${JSON.stringify(d.subject)} is ${cid} (${[...new Set(rows.map((r) => r.metal))].join(", ")})`,
            targets,
          ),
          evidence: before?.evidence ?? now,
        };
      }
      case "link-declaration": {
        const supplier = d.value!;
        if (!ctx.suppliers.has(supplier)) return s("no-match", `supplier ${supplier} is not in the supplier master`);
        const n = normalizeName(d.subject);
        const hit = ctx.declarations.filter(
          (x) =>
            x.declarationId === d.subject ||
            (x.file && (x.file === d.subject || baseName(x.file) === baseName(d.subject))) ||
            (x.companyName && normalizeName(x.companyName) === n),
        );
        if (hit.length === 0)
          return s("no-match", `no declaration with file, id or company name ${JSON.stringify(d.subject)}`);
        return s(
          "active",
          `${hit.length} declaration(s) linked to ${supplier}`,
          hit.map((x) => x.declarationId),
        );
      }
      case "follow-up": {
        const cid = normalizeCid(d.subject);
        const target = ctx.suppliers.has(d.subject)
          ? `supplier:${d.subject}`
          : ctx.products.has(d.subject)
            ? `product:${d.subject}`
            : cid && ctx.smelterKeys.has(cid)
              ? `smelter:${cid}`
              : ctx.smelterKeys.has(d.subject)
                ? `smelter:${d.subject}`
                : null;
        if (!target) return s("no-match", `no supplier, product or smelter ${JSON.stringify(d.subject)}`);
        return s("active", d.expires ? `due ${d.expires}` : "open", [target]);
      }
    }
  });
}
