import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/repo-root.ts";

// Every table, view, sequence and macro is created by a migration in src/db/migrations (src/db/database.ts creates
// only the schema_migrations ledger); docs/architecture.md names each of them with the module that writes it.

const CREATE =
  /\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP(?:ORARY)?\s+)?(TABLE|VIEW|SEQUENCE|MACRO|INDEX)\s+(?:IF\s+NOT\s+EXISTS\s+)?"?(\w+)/gi;

function files(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name.startsWith(".")) return [];
    return statSync(join(REPO_ROOT, path)).isDirectory() ? files(path) : /\.(ts|js|mjs|md)$/.test(name) ? [path] : [];
  });
}

function creates(paths: readonly string[]): { file: string; kind: string; name: string }[] {
  return paths.flatMap((file) =>
    [...readFileSync(join(REPO_ROOT, file), "utf8").matchAll(CREATE)].map((m) => ({
      file: relative(REPO_ROOT, join(REPO_ROOT, file)),
      kind: m[1]!.toUpperCase(),
      name: m[2]!,
    })),
  );
}

describe("schema in migrations", () => {
  const code = ["src", "loaders", "pages"].flatMap(files);
  const migrations = files("src/db/migrations");

  it("finds the statements it checks", () => {
    expect(creates(migrations).some((c) => c.kind === "VIEW" && c.name === "resolved_smelter_rows")).toBe(true);
    expect(creates(["src/db/database.ts"]).map((c) => c.name)).toEqual(["schema_migrations"]);
  });

  it("creates no table, view, sequence or macro outside src/db", () => {
    const outside = creates(code.filter((f) => !f.startsWith("src/db/")));
    expect(outside.map((c) => `${c.file}: CREATE ${c.kind} ${c.name}`)).toEqual([]);
  });

  it("asks the catalog (information_schema, duckdb_tables(), duckdb_columns()) only in src/db", () => {
    const CATALOG = /\binformation_schema\.|\bduckdb_(?:tables|views|columns)\s*\(/i;
    expect(CATALOG.test(readFileSync(join(REPO_ROOT, "src/db/database.ts"), "utf8")), "the check finds them").toBe(
      true,
    );
    const outside = code.filter(
      (f) => !f.startsWith("src/db/") && CATALOG.test(readFileSync(join(REPO_ROOT, f), "utf8")),
    );
    expect(outside, "every table exists once migrated; list tables with db.baseTables()").toEqual([]);
  });

  it("names every table and view of the migrations in docs/architecture.md", () => {
    const doc = readFileSync(join(REPO_ROOT, "docs/architecture.md"), "utf8");
    const named = new Set([...doc.matchAll(/`([\w*]+)`/g)].map((m) => m[1]!));
    const covered = (name: string) =>
      named.has(name) || [...named].some((n) => n.endsWith("*") && name.startsWith(n.slice(0, -1)));
    const missing = creates(migrations)
      .filter((c) => c.kind === "TABLE" || c.kind === "VIEW")
      .map((c) => c.name)
      .filter((name) => !covered(name));
    expect([...new Set(missing)]).toEqual([]);
  });
});
