import type ExcelJS from "exceljs";
import { DATE_FORMAT, isoToDate, merge, put, putEmail, textDate, type Labels } from "./_cells.ts";
import type { TemplateDefects, TemplateInput } from "./_input.ts";

export const SCOPE_VALUES = {
  Company: "A. Company",
  Product: "B. Product (or List of Products)",
  "User defined": "C. User defined [Specify in 'Description of scope']",
} as const;

/** Maps the contract's scope ("Company", …) or an already-spelled template value to the stored dropdown value. */
export function scopeValue(scope: string | null | undefined): string | null {
  if (!scope) return null;
  return SCOPE_VALUES[scope as keyof typeof SCOPE_VALUES] ?? scope;
}

/** Row numbers of the company fields; the CMRT and EMRT 2.x blocks differ after the scope rows. */
export interface CompanyRows {
  uniqueId: number;
  address: number;
  contactName: number;
  effectiveDate: number;
}

const FIELDS = [
  ["uniqueId", "Company Unique ID:"],
  ["uniqueIdAuthority", "Company Unique ID Authority:"],
  ["address", "Address:"],
  ["contactName", "Contact Name (*):"],
  ["contactEmail", "Email – Contact (*):"],
  ["contactPhone", "Phone – Contact (*):"],
  ["authorizer", "Authorizer (*):"],
  ["authorizerTitle", "Title - Authorizer:"],
  ["authorizerEmail", "Email - Authorizer (*):"],
  ["authorizerPhone", "Phone - Authorizer:"],
] as const;

/**
 * Writes name (D8), scope (D9), description (D10), then the ten contact fields from `firstFieldRow`
 * and the effective date right after them, with RMI's merges.
 */
export function writeCompanyBlock(
  ws: ExcelJS.Worksheet,
  labels: Labels,
  input: TemplateInput,
  firstFieldRow: number,
  defects: TemplateDefects,
): void {
  const c = input.company ?? {};
  const noisy = (v: string | null | undefined, tail: string) => (v && defects.whitespaceNoise ? v + tail : v);
  labels.set(ws, "B8", "Company Name (*):");
  put(ws, "D8", noisy(c.name, "\t\t\t\t\t\t"));
  merge(ws, "D8:J8");
  labels.set(ws, "B9", "Declaration Scope or Class (*):");
  put(ws, "D9", scopeValue(c.scope));
  merge(ws, "D9:G9");
  labels.set(ws, "B10", c.scope === "User defined" ? "Description of Scope (*):" : "Description of Scope:");
  put(ws, "D10", c.scopeDescription);
  merge(ws, "D10:J10");
  FIELDS.forEach(([key, label], i) => {
    const row = firstFieldRow + i;
    labels.set(ws, `B${row}`, label);
    const value = c[key];
    if (key === "contactEmail" || key === "authorizerEmail")
      putEmail(ws, `D${row}`, value, defects.hyperlinkEmails === true);
    else if (key === "contactName" || key === "authorizerTitle") put(ws, `D${row}`, noisy(value, "\t".repeat(12)));
    else if (key === "contactPhone") put(ws, `D${row}`, noisy(value, "\t\t\t"));
    else put(ws, `D${row}`, value);
    merge(ws, `D${row}:J${row}`);
  });
  const dateRow = firstFieldRow + FIELDS.length;
  labels.set(ws, `B${dateRow}`, "Effective Date (*):");
  const cell = ws.getCell(`D${dateRow}`);
  cell.numFmt = DATE_FORMAT;
  const date = c.effectiveDate;
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date))
    cell.value = defects.effectiveDateAsText ? textDate(date) : isoToDate(date);
  else if (date) cell.value = date;
  merge(ws, `D${dateRow}:E${dateRow}`);
}
