import { normalizeName } from "../../src/text/normalize.ts";
import type { Declaration } from "../../src/rmi/declaration.ts";

/** Supplier identity: normalised company name plus unique ID; null when the declaration names no company. */
export function supplierKey(d: Pick<Declaration, "company">): string | null {
  const name = d.company.name ? normalizeName(d.company.name) : "";
  if (name === "") return null;
  const id = d.company.uniqueId ? normalizeName(d.company.uniqueId) : "";
  return `${name}|${id}`;
}

/** What a declaration covers: template family, scope and (for user-defined or product scope) its description. */
export function scopeKey(d: Pick<Declaration, "template" | "company">): string {
  const description =
    d.company.scope === "Company" || !d.company.scopeDescription ? "" : normalizeName(d.company.scopeDescription);
  return `${d.template}|${d.company.scope ?? ""}|${description}`;
}
