import { normalizeName } from "../../src/text/normalize.ts";
import type { Finding, ProductRow, SmelterRow } from "../../src/rmi/declaration.ts";
import { isCid, normalizeLegacyId } from "../../src/rmi/identifiers.ts";
import { isSpecialLookup, type WorkbookLookup } from "./read-sections.ts";
import type { SmelterColumns } from "../../src/rmi/layouts.ts";

const SHEET = "Smelter List";
const f = (severity: Finding["severity"], code: string, cell: string, message: string): Finding => ({
  severity,
  code,
  sheet: SHEET,
  cell,
  message,
});
const lower = (s: string | null) => (s ?? "").toLowerCase();
const titleCase = (s: string) => s.replace(/\b[a-z]/g, (ch) => ch.toUpperCase());

export interface SmelterCheckInput {
  smelters: readonly SmelterRow[];
  columns: SmelterColumns;
  /** Minerals declared in scope (Q1 = Yes and Q2 not No, or selected in the template). */
  inScope: readonly string[];
  /** Minerals answered Q1 = No. */
  declaredNo: readonly string[];
  lookup: WorkbookLookup | null;
  /** Declaration cell of each mineral's question 1 answer, for findings about the answer. */
  q1Cells?: ReadonlyMap<string, string>;
}

/** RMI Checker rows 65–69 (a smelter per declared metal, "Smelter not listed" needs name and country) plus audit warnings. */
export function checkSmelters(input: SmelterCheckInput): Finding[] {
  const { smelters, columns: c } = input;
  const out: Finding[] = [];
  const metals = new Map<string, number>();
  for (const s of smelters) if (s.metal) metals.set(lower(s.metal), (metals.get(lower(s.metal)) ?? 0) + 1);
  const q1Cell = (m: string) => input.q1Cells?.get(m) ?? null;
  for (const m of input.inScope) {
    if (metals.has(lower(m))) continue;
    out.push(
      f(
        "error",
        "metal-without-smelters",
        `${c.metal}5`,
        `${m} is declared in scope but the Smelter List has no ${m} smelter`,
      ),
    );
    // The Checker's error is about the Smelter List; the audit warning points at the answer that declares the metal.
    out.push({
      severity: "warning",
      code: "declared-metal-without-smelters",
      sheet: "Declaration",
      cell: q1Cell(m),
      message: `question 1 says ${m} is used but no ${m} smelter is listed`,
    });
  }
  for (const m of input.declaredNo) {
    const n = metals.get(lower(m));
    if (n)
      out.push({
        severity: "warning",
        code: "smelters-for-undeclared-metal",
        sheet: "Declaration",
        cell: q1Cell(m),
        message: `${n} ${m} smelter row(s) listed but question 1 says ${m} is not used`,
      });
  }
  const seen = new Map<string, number>();
  for (const s of smelters) {
    if (!s.metal)
      out.push(
        f(
          "warning",
          "smelter-metal-missing",
          `${c.metal}${s.row}`,
          `smelter row has no metal: ${s.name ?? s.lookupName ?? s.cid ?? ""}`,
        ),
      );
    if (/^smelter not listed$/i.test(s.lookupName ?? "")) {
      const written = s.name !== null;
      if (!written)
        out.push(
          f(
            "error",
            "smelter-not-listed-incomplete",
            `${c.name}${s.row}`,
            `"Smelter not listed" row without a smelter name`,
          ),
        );
      if (s.country === null)
        out.push(
          f(
            "error",
            "smelter-not-listed-incomplete",
            `${c.country}${s.row}`,
            `"Smelter not listed" row without a smelter country`,
          ),
        );
    } else if (/^smelter not yet identified$/i.test(s.lookupName ?? "")) {
      out.push(
        f(
          "info",
          "smelter-not-identified",
          `${c.lookupName ?? c.name}${s.row}`,
          `${s.metal ?? "metal"} smelter not yet identified`,
        ),
      );
    }
    if (s.cid !== null && normalizeLegacyId(s.cid) === s.cid) {
      out.push(
        f(
          "info",
          "legacy-smelter-id",
          `${c.cid}${s.row}`,
          `${s.cid} is a pre-2015 CFSI smelter ID; matching translates it to its CID`,
        ),
      );
    } else if (s.cid !== null && !isCid(s.cid)) {
      out.push(
        f(
          "warning",
          "cid-malformed",
          `${c.cid}${s.row}`,
          `smelter identification is not an RMI CID: ${s.cid} (expected CID followed by 6 digits)`,
        ),
      );
    } else if (s.cid !== null && s.metal && input.lookup && !input.lookup.cids.get(lower(s.metal))?.has(s.cid)) {
      const others = [...input.lookup.cids].filter(([, set]) => set.has(s.cid!)).map(([m]) => titleCase(m));
      if (others.length > 0) {
        out.push(
          f(
            "warning",
            "smelter-other-metal",
            `${c.metal}${s.row}`,
            `${s.cid} is a ${others.join("/")} smelter in this template's Smelter Look-up but is reported under ${s.metal}; check the metal`,
          ),
        );
      } else {
        out.push(
          f(
            "warning",
            "cid-unknown",
            `${c.cid}${s.row}`,
            `${s.cid} is not a ${s.metal} smelter in this template's Smelter Look-up`,
          ),
        );
      }
    }
    const name = s.name ?? (isSpecialLookup(s.lookupName) ? null : s.lookupName);
    if (s.cid === null && name && s.metal && input.lookup) {
      const metals = input.lookup.names.get(normalizeName(name));
      if (metals && !metals.has(s.metal)) {
        const [other, cid] = [...metals][0]!;
        out.push(
          f(
            "warning",
            "smelter-other-metal",
            `${c.metal}${s.row}`,
            `${name} is a ${other} smelter (${cid}) in this template's Smelter Look-up but is reported under ${s.metal}; check the metal`,
          ),
        );
      }
    }
    const key = s.cid
      ? `${lower(s.metal)}|${s.cid}`
      : name
        ? `${lower(s.metal)}|${normalizeName(name)}|${lower(s.country)}`
        : null;
    if (key === null) continue;
    const first = seen.get(key);
    if (first !== undefined)
      out.push(
        f(
          "warning",
          "duplicate-smelter",
          `${c.metal}${s.row}`,
          `smelter listed twice: ${s.metal ?? ""} ${s.cid ?? name} (first on row ${first})`,
        ),
      );
    else seen.set(key, s.row);
  }
  return out;
}

export function checkProducts(products: readonly ProductRow[], productScope: boolean, numberColumn: string): Finding[] {
  const out: Finding[] = [];
  if (productScope && products.length === 0) {
    out.push({
      severity: "error",
      code: "product-list-empty",
      sheet: "Product List",
      cell: `${numberColumn}6`,
      message: "declaration scope is Product but the Product List is empty",
    });
  }
  for (const p of products) {
    if (p.number === null)
      out.push({
        severity: "warning",
        code: "product-number-missing",
        sheet: "Product List",
        cell: `${numberColumn}${p.row}`,
        message: `product without a product number: ${p.name ?? ""}`,
      });
  }
  return out;
}
