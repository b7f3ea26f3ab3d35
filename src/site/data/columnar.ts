import { gzipSync } from "node:zlib";
import { zipSync } from "fflate";

// The wire form of the site's page data. A table is one array per column; a text column whose values repeat
// (band, status, country…) is sent once as a dictionary plus one small integer per row; numbers are rounded to
// what the page shows. pages/components/columnar.js turns it back into row objects.

/** One column: the values in row order, or a dictionary of the distinct values and each row's index into it. */
export type Column = unknown[] | { dict: unknown[]; codes: (number | null)[] };
export interface Columnar {
  length: number;
  columns: Record<string, Column>;
}

export interface ColumnarOptions {
  /** Decimal places to keep per numeric column (e.g. {score: 1, coverage: 2}). */
  round?: Record<string, number>;
  /** Column order; by default the union of the rows' keys in first-seen order. */
  columns?: readonly string[];
}

const roundTo = (v: unknown, digits: number): unknown =>
  typeof v === "number" && Number.isFinite(v) ? Math.round(v * 10 ** digits) / 10 ** digits : v;

/** A column is dictionary-encoded when it is all text (or null) and its distinct values are few against its rows. */
function encode(values: unknown[]): Column {
  if (values.length < 8 || !values.every((v) => v === null || typeof v === "string" || typeof v === "boolean"))
    return values;
  const index = new Map<unknown, number>();
  for (const v of values) if (v !== null && !index.has(v)) index.set(v, index.size);
  if (index.size > Math.max(4, values.length / 4)) return values;
  return { dict: [...index.keys()], codes: values.map((v) => (v === null ? null : index.get(v)!)) };
}

export function columnar<T extends object>(rows: readonly T[], options: ColumnarOptions = {}): Columnar {
  const names = options.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const columns: Record<string, Column> = {};
  for (const name of names) {
    const digits = options.round?.[name];
    const values = rows.map((r) => {
      const v = (r as Record<string, unknown>)[name] ?? null;
      return digits === undefined ? v : roundTo(v, digits);
    });
    columns[name] = encode(values);
  }
  return { length: rows.length, columns };
}

/** Row objects back from the columnar form (what the browser does; used by tests and the CLI). */
export function rowsOf(table: Columnar): Record<string, unknown>[] {
  const cols = Object.entries(table.columns).map(
    ([name, c]) => [name, Array.isArray(c) ? c : c.codes.map((i) => (i === null ? null : c.dict[i]))] as const,
  );
  return Array.from({ length: table.length }, (_, i) =>
    Object.fromEntries(cols.map(([name, values]) => [name, values[i] ?? null])),
  );
}

/** Page data as gzip-compressed JSON: the page fetches these bytes and inflates them (DecompressionStream). */
export function gzipJson(value: unknown): Uint8Array {
  return gzipSync(JSON.stringify(value), { level: 9 });
}

/** A zip of one gzip-compressed JSON file per shard (00.json.gz …); Framework extracts it next to the page data. */
export function zipShards(shards: readonly unknown[]): Uint8Array {
  const files = Object.fromEntries(
    shards.map((s, i) => [
      `${String(i).padStart(2, "0")}.json.gz`,
      [gzipJson(s), { level: 0 }] as [Uint8Array, { level: 0 }],
    ]),
  );
  return zipSync(files);
}
