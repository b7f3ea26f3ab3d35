/** Declaration!J3 holds "Revision 6.4\r\nApril 26, 2024" in every RMI template (EMRT 1.x: "Version …"). */
export const REVISION_CELL = "J3";

const VERSION = /(?:revision|version|rev\.?)\s*:?\s*(\d+(?:\.\d+)?[a-z]?)/i;
const RELEASED = /([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})/;
const MONTHS = "january february march april may june july august september october november december".split(" ");

/**
 * The version and ISO release date of a revision cell ("Revision 6.4\nApril 26, 2024" → 6.4, 2024-04-26; also
 * "Rev. 6.31", "Version: 2.1"). A number typed into the cell is the version.
 */
export function parseRevisionCell(value: unknown): { version: string | null; date: string | null } {
  if (typeof value === "number") return { version: String(value), date: null };
  if (typeof value !== "string") return { version: null, date: null };
  const v = VERSION.exec(value);
  const d = RELEASED.exec(value);
  const month = d ? MONTHS.indexOf(d[1]!.toLowerCase()) : -1;
  const date = d && month >= 0 ? `${d[3]}-${String(month + 1).padStart(2, "0")}-${d[2]!.padStart(2, "0")}` : null;
  return { version: v ? v[1]! : null, date };
}
