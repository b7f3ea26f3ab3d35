import {
  DuckDBInstance,
  DuckDBTypeId,
  dateValue,
  listValue,
  type DuckDBConnection,
  type DuckDBListType,
  type DuckDBType,
  type DuckDBValue,
  type DuckDBResultReader,
} from "@duckdb/node-api";
import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { migrations, type Migration } from "./migrations/index.ts";

/** A value that may be bound to a SQL parameter. */
export type SqlValue = string | number | boolean | bigint | null | SqlValue[];
export type SqlParams = SqlValue[] | Record<string, SqlValue>;
export type Row = Record<string, unknown>;

const NUMERIC_AS_STRING = new Set(["BIGINT", "HUGEINT", "UBIGINT", "UHUGEINT"]);

function toNumberColumns(reader: DuckDBResultReader, rows: Row[]): Row[] {
  const names = reader.columnNames();
  const types = reader.columnTypes();
  const convert = names.filter((_, i) => {
    const t = types[i]?.toString() ?? "";
    return NUMERIC_AS_STRING.has(t) || t.startsWith("DECIMAL");
  });
  if (convert.length === 0) return rows;
  for (const row of rows) {
    for (const name of convert) {
      const v = row[name];
      if (typeof v === "string") row[name] = Number(v);
    }
  }
  return rows;
}

/**
 * The one owner of the DuckDB connection. Every query binds its values;
 * nothing outside src/db imports @duckdb/node-api.
 */
export class Database {
  readonly path: string;
  private readonly instance: DuckDBInstance;
  private readonly connection: DuckDBConnection;

  private constructor(path: string, instance: DuckDBInstance, connection: DuckDBConnection) {
    this.path = path;
    this.instance = instance;
    this.connection = connection;
  }

  /**
   * Opens (creating if needed) the database and applies pending migrations unless read-only. A write-ahead log left
   * behind means the last writer did not close (killed, power cut): after DuckDB replays it, the indexes are rebuilt
   * from their tables and the result checkpointed, so a replay that left an index out of step cannot poison later runs.
   * `repair` does the same on demand.
   */
  static async open(
    path = ":memory:",
    options: { readOnly?: boolean; migrate?: boolean; repair?: boolean } = {},
  ): Promise<Database> {
    const file = path !== ":memory:" && !options.readOnly;
    if (file) mkdirSync(dirname(path), { recursive: true });
    const unclean = file && existsSync(`${path}.wal`);
    const instance = await DuckDBInstance.create(path, options.readOnly ? { access_mode: "READ_ONLY" } : {});
    const connection = await instance.connect();
    const db = new Database(path, instance, connection);
    try {
      if (file && (unclean || options.repair)) await db.repair();
      if (!options.readOnly && options.migrate !== false) await db.migrate(migrations);
    } catch (error) {
      db.close();
      throw error;
    }
    return db;
  }

  /** Rebuilds every secondary index from its table and checkpoints (after a crash, or when an index is found damaged). */
  async repair(): Promise<number> {
    const indexes = await this.all<{ name: string; sql: string }>(
      "SELECT index_name AS name, sql FROM duckdb_indexes() WHERE sql IS NOT NULL AND schema_name = 'main'",
    );
    // One statement at a time: DuckDB 1.5 aborts the process when such a transaction commits on a replayed database.
    for (const i of indexes) {
      await this.run(`DROP INDEX ${quoteIdentifier(i.name)}`);
      await this.run(i.sql);
    }
    await this.run("CHECKPOINT");
    return indexes.length;
  }

  async run(sql: string, params?: SqlParams): Promise<void> {
    await this.connection.run(sql, params as DuckDBValue[] | Record<string, DuckDBValue> | undefined);
  }

  /** Runs a query and returns JSON-safe row objects (BIGINT and DECIMAL become numbers, dates ISO strings). */
  async all<T = Row>(sql: string, params?: SqlParams): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(
      sql,
      params as DuckDBValue[] | Record<string, DuckDBValue> | undefined,
    );
    return toNumberColumns(reader, reader.getRowObjectsJson() as Row[]) as T[];
  }

  async one<T = Row>(sql: string, params?: SqlParams): Promise<T | undefined> {
    const rows = await this.all<T>(sql, params);
    return rows[0];
  }

  async scalar<T = unknown>(sql: string, params?: SqlParams): Promise<T | undefined> {
    const row = await this.one<Row>(sql, params);
    return row ? (Object.values(row)[0] as T) : undefined;
  }

  /**
   * Inserts rows. Batches of 32 rows or more go through DuckDB's appender when every value converts exactly to its
   * column's type and no omitted column needs a non-constant default (a sequence); otherwise, or for small batches,
   * through parameterised INSERT statements, which apply SQL's casts.
   */
  async insertRows(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void> {
    if (rows.length === 0) return;
    if (rows.length >= 32 && (await this.append(table, columns, rows, { strict: false }))) return;
    const quoted = columns.map(quoteIdentifier).join(", ");
    const placeholders = columns.map(() => "?").join(", ");
    const chunk = Math.max(1, Math.floor(2000 / Math.max(1, columns.length)));
    for (let i = 0; i < rows.length; i += chunk) {
      const slice = rows.slice(i, i + chunk);
      const params: SqlValue[] = [];
      for (const [j, row] of slice.entries()) {
        if (row.length !== columns.length) {
          throw new Error(`insertRows(${table}): row ${i + j} has ${row.length} values for ${columns.length} columns`);
        }
        for (let k = 0; k < row.length; k++) params.push(row[k] ?? null);
      }
      const values = slice.map(() => `(${placeholders})`).join(", ");
      await this.run(`INSERT INTO ${quoteIdentifier(table)} (${quoted}) VALUES ${values}`, params);
    }
  }

  /**
   * Bulk-appends rows through DuckDB's appender (much faster than INSERT for many rows). Values come in `columns`
   * order; the table's other columns get their defaults. DATE columns take ISO `YYYY-MM-DD` strings, list columns arrays.
   * Runs inside the caller's transaction, if any; a value that does not fit its column throws (naming table, row and
   * column) before anything is appended.
   */
  async appendRows(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void> {
    if (rows.length === 0) return;
    await this.append(table, columns, rows, { strict: true });
  }

  /** The appender path: false (nothing appended) when `strict` is off and some value or default does not fit. */
  private async append(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly SqlValue[])[],
    { strict }: { strict: boolean },
  ): Promise<boolean> {
    const tableColumns = await this.all<{ name: string; fallback: string | null }>(
      "SELECT column_name AS name, column_default AS fallback FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position",
      [table],
    );
    if (tableColumns.length === 0) throw new Error(`appendRows(${table}): no such table`);
    const unknown = columns.filter((c) => !tableColumns.some((t) => t.name === c));
    if (unknown.length > 0) throw new Error(`appendRows(${table}): no column ${unknown.join(", ")}`);
    const source = tableColumns.map((t) => columns.indexOf(t.name));
    const sequenced = tableColumns.find((t, i) => source[i]! < 0 && /nextval\s*\(/i.test(t.fallback ?? ""));
    if (sequenced) {
      if (strict)
        throw new Error(
          `appendRows(${table}): column ${sequenced.name} takes its default from a sequence; pass its value`,
        );
      return false;
    }
    const appender = await this.connection.createAppender(table);
    try {
      const types = source.map((_, i) => appender.columnType(i));
      // Convert everything first, so a value that does not fit leaves nothing half-appended.
      const converted: Array<Array<DuckDBValue | typeof DEFAULT>> = [];
      for (const [r, row] of rows.entries()) {
        if (row.length !== columns.length)
          throw new Error(`appendRows(${table}): row ${r} has ${row.length} values for ${columns.length} columns`);
        const out: Array<DuckDBValue | typeof DEFAULT> = [];
        for (let i = 0; i < source.length; i++) {
          const k = source[i]!;
          if (k < 0) {
            out.push(DEFAULT);
            continue;
          }
          const value = coerce(row[k] ?? null, types[i]!);
          if (value === CANNOT) {
            if (!strict) return false;
            const rule =
              types[i]!.typeId === DuckDBTypeId.DATE
                ? "invalid date (expected YYYY-MM-DD)"
                : `value does not fit ${types[i]!.toString()}`;
            throw new Error(`appendRows(${table}): row ${r}, column ${columns[k]}: ${rule}: ${JSON.stringify(row[k])}`);
          }
          out.push(value);
        }
        converted.push(out);
      }
      for (const row of converted) {
        for (let i = 0; i < row.length; i++) {
          const value = row[i]!;
          if (value === DEFAULT) appender.appendDefault();
          else if (value === null) appender.appendNull();
          else appender.appendValue(value, types[i]);
        }
        appender.endRow();
      }
      appender.flushSync();
      return true;
    } catch (error) {
      appender.clear();
      throw error;
    } finally {
      appender.closeSync();
    }
  }

  /**
   * Runs `fn` inside a transaction; rolls back and rethrows on error. A COMMIT that fails (disk full) has already
   * ended the transaction in DuckDB, so the ROLLBACK after it fails too ("no transaction is active"): the error
   * rethrown is always the first one, never the rollback's.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.run("BEGIN TRANSACTION");
    try {
      const result = await fn();
      await this.run("COMMIT");
      return result;
    } catch (error) {
      try {
        await this.run("ROLLBACK");
      } catch {
        // already rolled back by the failed statement or COMMIT
      }
      throw error;
    }
  }

  async tableNames(): Promise<string[]> {
    const rows = await this.all<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1",
    );
    return rows.map((r) => r.name);
  }

  /** The base tables of the migrated schema (views left out), sorted: what checksums and exports walk. */
  async baseTables(): Promise<string[]> {
    const rows = await this.all<{ name: string }>(
      "SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT internal ORDER BY 1",
    );
    return rows.map((r) => r.name);
  }

  /** The columns of one table with their DuckDB types, in table order. */
  async columnTypes(table: string): Promise<{ name: string; type: string }[]> {
    return this.all<{ name: string; type: string }>(
      "SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ? ORDER BY column_index",
      [table],
    );
  }

  async migrate(list: readonly Migration[]): Promise<number> {
    await this.run(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP DEFAULT current_timestamp)",
    );
    const done = new Set(
      (await this.all<{ version: number }>("SELECT version FROM schema_migrations")).map((r) => r.version),
    );
    let applied = 0;
    for (const m of [...list].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await this.transaction(async () => {
        for (const statement of m.up) await this.run(statement);
        await this.run("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [m.version, m.name]);
      });
      applied++;
    }
    return applied;
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

const DAY_MS = 86_400_000;

const DEFAULT = Symbol("default");
const CANNOT = Symbol("cannot");
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The appender value for `value` in a column of `type`, or CANNOT when only SQL's casts could store it. */
function coerce(value: SqlValue, type: DuckDBType): DuckDBValue | typeof CANNOT {
  if (value === null) return null;
  switch (type.typeId) {
    case DuckDBTypeId.VARCHAR:
      if (typeof value === "string") return value;
      return typeof value === "number" || typeof value === "bigint" || typeof value === "boolean"
        ? String(value)
        : CANNOT;
    case DuckDBTypeId.BOOLEAN:
      return typeof value === "boolean" ? value : CANNOT;
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
      if (typeof value === "bigint") return Number(value);
      return typeof value === "number" && Number.isInteger(value) ? value : CANNOT;
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
      if (typeof value === "bigint") return value;
      return typeof value === "number" && Number.isSafeInteger(value) ? BigInt(value) : CANNOT;
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      if (typeof value === "bigint") return Number(value);
      return typeof value === "number" ? value : CANNOT;
    case DuckDBTypeId.DATE: {
      if (typeof value !== "string" || !DATE_ONLY.test(value)) return CANNOT;
      const ms = Date.parse(`${value}T00:00:00Z`);
      return Number.isNaN(ms) ? CANNOT : dateValue(ms / DAY_MS);
    }
    case DuckDBTypeId.LIST: {
      if (!Array.isArray(value)) return CANNOT;
      const items: DuckDBValue[] = [];
      for (const item of value) {
        const v = coerce(item, (type as DuckDBListType).valueType);
        if (v === CANNOT) return CANNOT;
        items.push(v);
      }
      return listValue(items);
    }
    default:
      return CANNOT;
  }
}

/** Quotes an SQL identifier (table or column name) for DuckDB. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Opens a fresh in-memory database for the duration of `fn` (tests). */
export async function withDatabase<T>(fn: (db: Database) => Promise<T>, path = ":memory:"): Promise<T> {
  const db = await Database.open(path);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}
