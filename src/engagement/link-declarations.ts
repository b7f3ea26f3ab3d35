import { nameCore } from "../rmi/name-key.ts";
import { foldDiacritics, normalizeName } from "../text/normalize.ts";
import type { DeclarationRef, Supplier } from "./inputs.ts";

export type LinkMethod = "supplier-id" | "unique-id" | "name" | "name-prefix" | "file-name" | "decision";

export interface DeclarationLink {
  declaration: DeclarationRef;
  supplierId: string;
  method: LinkMethod;
}

export interface UnlinkedDeclaration {
  declaration: DeclarationRef;
  reason: string;
}

export interface LinkResult {
  links: DeclarationLink[];
  unlinked: UnlinkedDeclaration[];
}

// Words a supplier master and a template's company name add or drop beyond legal forms ("Acme Holdings").
const FILLER = new Set(["group", "holding", "holdings", "international", "intl"]);

/**
 * A company name reduced for comparison ("Acme Electronics Co., Ltd." → "acme electronics"): src/rmi's nameCore
 * (the one legal-form list) without the filler words above; the whole name if nothing else is left.
 */
export function companyKey(name: string | null): string {
  if (!name) return "";
  const core = nameCore(name);
  const kept = core.filter((t) => !FILLER.has(t));
  return (kept.length > 0 ? kept : core).join(" ");
}

/** Alphanumerics of an identifier, upper case ("459-88-02246" → "4598802246"); placeholders give "". */
export function compactId(value: string | null): string {
  if (!value) return "";
  const c = foldDiacritics(value)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  if (c.length < 4 || /^(.)\1*$/.test(c) || /^(NA|NONE|NULL|TBD|UNKNOWN|ABC\d*)$/.test(c)) return "";
  return c;
}

function idTokens(value: string | null): string[] {
  if (!value) return [];
  return foldDiacritics(value)
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((t) => t.length >= 5);
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Links each declaration to one supplier of the master: by the supplier id assigned at ingest, then by unique ID
 * (DUNS, tax number — also found as a token inside free text such as "139691877 Honeywell International Inc."),
 * then by company name without legal forms, then by a unique name prefix of at least two words, and last by a
 * supplier name of two words or more found in the file name ("CMRT_Bluefin_Capacitor_Limited_2025.xlsx") when the
 * declaration names no company (a blank or placeholder declaration block).
 * Ambiguous and unknown declarations are returned as unlinked with the reason.
 */
export function linkDeclarations(suppliers: readonly Supplier[], declarations: readonly DeclarationRef[]): LinkResult {
  const byId = new Map(suppliers.map((s) => [s.supplierId, s] as const));
  const byUniqueId = new Map<string, Supplier[]>();
  const byName = new Map<string, Supplier[]>();
  for (const s of suppliers) {
    const uid = compactId(s.uniqueId);
    if (uid) addTo(byUniqueId, uid, s);
    const keys = new Set([companyKey(s.name), companyKey(s.declarationName)]);
    for (const key of keys) if (key) addTo(byName, key, s);
  }
  const links: DeclarationLink[] = [];
  const unlinked: UnlinkedDeclaration[] = [];
  for (const d of declarations) {
    const link = (s: Supplier, method: LinkMethod) => links.push({ declaration: d, supplierId: s.supplierId, method });
    const fromIngest = d.supplierId ? byId.get(d.supplierId) : undefined;
    if (fromIngest) {
      link(fromIngest, "supplier-id");
      continue;
    }
    const uid = compactId(d.uniqueId);
    const idHits = new Set<Supplier>(uid ? (byUniqueId.get(uid) ?? []) : []);
    if (idHits.size === 0) for (const t of idTokens(d.uniqueId)) for (const s of byUniqueId.get(t) ?? []) idHits.add(s);
    if (idHits.size === 1) {
      link([...idHits][0]!, "unique-id");
      continue;
    }
    const key = companyKey(d.companyName);
    const nameHits = key ? (byName.get(key) ?? []) : [];
    const candidates = idHits.size > 1 ? nameHits.filter((s) => idHits.has(s)) : nameHits;
    if (candidates.length === 1) {
      link(candidates[0]!, "name");
      continue;
    }
    if (candidates.length > 1) {
      unlinked.push({
        declaration: d,
        reason: `ambiguous: company name ${JSON.stringify(d.companyName)} matches suppliers ${candidates.map((s) => s.supplierId).join(", ")}`,
      });
      continue;
    }
    const prefixHits = key ? prefixMatches(key, byName) : [];
    if (prefixHits.length === 1) {
      link(prefixHits[0]!, "name-prefix");
      continue;
    }
    const fileHits = prefixHits.length === 0 && key.length <= 3 ? fileNameMatches(d.file, byName) : [];
    if (fileHits.length === 1) {
      link(fileHits[0]!, "file-name");
      continue;
    }
    const what = d.companyName ? `company name ${JSON.stringify(d.companyName)}` : "no company name";
    const id = d.uniqueId ? `, unique ID ${JSON.stringify(d.uniqueId)}` : "";
    unlinked.push({
      declaration: d,
      reason:
        prefixHits.length > 1
          ? `ambiguous: ${what} starts like suppliers ${prefixHits.map((s) => s.supplierId).join(", ")}`
          : `no supplier in the master matches ${what}${id}`,
    });
  }
  return { links, unlinked };
}

/** Suppliers whose name key (two words or more) is a whole-word prefix of `key`, or the other way round. */
function prefixMatches(key: string, byName: Map<string, Supplier[]>): Supplier[] {
  const hits: Supplier[] = [];
  for (const [name, list] of byName) {
    if (name === key || !name.includes(" ") || !key.includes(" ")) continue;
    if (key.startsWith(`${name} `) || name.startsWith(`${key} `)) hits.push(...list);
  }
  return [...new Set(hits)];
}

/** Suppliers whose name key (two words or more) occurs as whole words in the file's base name. */
function fileNameMatches(file: string | null, byName: Map<string, Supplier[]>): Supplier[] {
  if (!file) return [];
  const base = file.split(/[\\/]/).pop() ?? "";
  const words = ` ${normalizeName(base.replace(/\.[a-z0-9]+$/i, "").replace(/_/g, " "))} `;
  const hits: Supplier[] = [];
  for (const [name, list] of byName) if (name.includes(" ") && words.includes(` ${name} `)) hits.push(...list);
  return [...new Set(hits)];
}

/** An analyst's link-declaration decision: these declarations are this supplier's. */
export interface LinkDecision {
  decisionId: string;
  declarationIds: readonly string[];
  supplierId: string;
}

/** Applies analyst decisions over the automatic links: each named declaration goes to the decided supplier (method "decision"). */
export function applyLinkDecisions(
  result: LinkResult,
  decisions: readonly LinkDecision[],
  suppliers: readonly Supplier[],
): LinkResult {
  const known = new Set(suppliers.map((s) => s.supplierId));
  const decided = new Map<string, string>();
  for (const d of decisions)
    if (known.has(d.supplierId)) for (const id of d.declarationIds) decided.set(id, d.supplierId);
  if (decided.size === 0) return result;
  const all = [...result.links.map((l) => l.declaration), ...result.unlinked.map((u) => u.declaration)];
  return {
    links: [
      ...result.links.filter((l) => !decided.has(l.declaration.declarationId)),
      ...all
        .filter((d) => decided.has(d.declarationId))
        .map((d) => ({ declaration: d, supplierId: decided.get(d.declarationId)!, method: "decision" as const })),
    ],
    unlinked: result.unlinked.filter((u) => !decided.has(u.declaration.declarationId)),
  };
}
