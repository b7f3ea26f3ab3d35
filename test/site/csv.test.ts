import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/paths.ts";

type Csv = { toCsv(rows: Record<string, unknown>[], columns?: string[]): string; csvCell(v: unknown): string };
const csv = (await import(pathToFileURL(resolve(repoRoot, "pages/components/csv.js")).href)) as Csv;

describe("CSV downloads", () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ["+1+2", "'+1+2"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    [null, ""],
    [42, "42"],
    [-3.5, "-3.5"],
  ])("neutralises and quotes %j", (input, expected) => {
    expect(csv.csvCell(input)).toBe(expected);
  });

  it("writes a header and one CRLF line per row in column order", () => {
    const text = csv.toCsv(
      [
        { a: 1, b: "=x" },
        { a: 2, b: "y,z" },
      ],
      ["b", "a"],
    );
    expect(text).toBe(`b,a\r\n'=x,1\r\n"y,z",2\r\n`);
  });
});
