import type { Declaration, Finding } from "../../src/rmi/declaration.ts";

/**
 * Longest text kept per field, in characters. Generous for real entries (the longest RMI facility names are about 120
 * characters, e-mail addresses are at most 254), small enough that a pasted blob or a crafted 100 KB value cannot
 * reach page URLs (HTTP 431), page data, exports or logs.
 */
export const TEXT_LIMITS = { name: 300, id: 100, email: 320, phone: 100, url: 2_048, text: 2_000 } as const;

const limitFor = (field: string): number => {
  if (/email/i.test(field)) return TEXT_LIMITS.email;
  if (/phone/i.test(field)) return TEXT_LIMITS.phone;
  if (/url/i.test(field)) return TEXT_LIMITS.url;
  if (
    /^(cid|uniqueId|mineId|idSource|number|metal|country|mineral|question|answer|uniqueIdAuthority|lookupName)$/.test(
      field,
    )
  )
    return TEXT_LIMITS.id;
  if (/comment|description|address|nextSteps|street|mineNames|mineCountries/i.test(field)) return TEXT_LIMITS.text;
  return TEXT_LIMITS.name;
};

interface Cut {
  count: number;
  firstRow: number | null;
  longest: number;
  limit: number;
}

/**
 * Cuts every over-long text value in a declaration to its field's limit (TEXT_LIMITS) and reports it: one
 * `text-truncated` warning per sheet and field, naming how many values were cut, the first row and the longest length.
 */
export function capTextLengths(d: Declaration): void {
  const cuts = new Map<string, Cut>();
  const cap = <T extends object>(record: T, sheet: string, row: number | null) => {
    const fields = record as Record<string, unknown>;
    for (const [field, value] of Object.entries(fields)) {
      if (typeof value !== "string") continue;
      const limit = limitFor(field);
      if (value.length <= limit) continue;
      fields[field] = `${value.slice(0, limit - 1)}…`;
      const key = `${sheet}\u0000${field}`;
      const cut = cuts.get(key) ?? { count: 0, firstRow: row, longest: 0, limit };
      cut.count++;
      cut.longest = Math.max(cut.longest, value.length);
      cuts.set(key, cut);
    }
  };
  cap(d.company, "Declaration", null);
  for (const a of d.answers) cap(a, "Declaration", null);
  for (const a of d.companyAnswers) cap(a, "Declaration", null);
  for (const s of d.smelters) cap(s, "Smelter List", s.row);
  for (const p of d.products) cap(p, "Product List", p.row);
  for (const m of d.mines) cap(m, "Mine List", m.row);
  const findings: Finding[] = [...cuts].map(([key, c]) => {
    const [sheet, field] = key.split("\u0000") as [string, string];
    const where = c.firstRow === null ? "" : ` (first in row ${c.firstRow})`;
    return {
      severity: "warning",
      code: "text-truncated",
      sheet,
      cell: null,
      message: `${c.count} ${field} value(s) longer than ${c.limit} characters${where}, the longest ${c.longest}; kept the first ${c.limit}`,
    };
  });
  // Check messages echo the values they are about: cut those too, before the findings about the cuts are added.
  for (const f of d.findings)
    if (f.message.length > TEXT_LIMITS.text) f.message = `${f.message.slice(0, TEXT_LIMITS.text - 1)}…`;
  d.findings.push(...findings);
}
