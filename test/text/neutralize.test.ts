import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { formatMailMergeCsv } from "../../src/engagement/email/mail-merge-csv.ts";
import { markdownTable } from "../../src/exports/markdown.ts";
import { smelterAnnexCsv } from "../../src/exports/smelter-annex-csv.ts";
import { csvField, parseCsvTable, toCsv } from "../../src/text/csv.ts";
import { neutralizeCell, neutralizeFormula } from "../../src/text/neutralize.ts";
import { repoRoot } from "../helpers/paths.ts";

const browser = (await import(pathToFileURL(resolve(repoRoot, "pages/components/csv.js")).href)) as {
  csvCell(v: unknown): string;
};

const HOSTILE: [string, string][] = [
  ['=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'],
  ["+1 555 0100", "'+1 555 0100"],
  ["-2+3", "'-2+3"],
  ["@SUM(A1)", "'@SUM(A1)"],
  ["\t=1", "'\t=1"],
  ["\r=1", "'\r=1"],
  ["＝1+2", "'＝1+2"],
  ["＋cmd|' /C calc'!A0", "'＋cmd|' /C calc'!A0"],
  ["－2", "'－2"],
  ["＠SUM(A1)", "'＠SUM(A1)"],
  ["Alder Electronics", "Alder Electronics"],
  ["a=b", "a=b"],
  ["Tin", "Tin"],
];

describe("the one formula neutraliser", () => {
  it.each(HOSTILE)("neutralizeFormula(%j) → %j", (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
    expect(neutralizeCell(input)).toBe(expected);
  });

  it("leaves empty values empty", () => {
    expect(neutralizeCell(null)).toBeNull();
    expect(neutralizeCell(undefined)).toBeNull();
  });

  it.each(HOSTILE)("the browser CSV download neutralises %j the same way", (input) => {
    expect(browser.csvCell(input)).toBe(csvField(input));
  });

  it("numbers stay numbers in both writers", () => {
    for (const v of [-2, 42, -3.5]) expect([csvField(v), browser.csvCell(v)]).toEqual([String(v), String(v)]);
  });
});

describe("the one CSV writer", () => {
  it("neutralises and quotes, and round-trips through the project's parser", () => {
    const text = toCsv(
      ["name", "note"],
      [
        ['＝HYPERLINK("x")', "a,b\nc"],
        [" padded ", 3],
      ],
    );
    expect(text).toBe(`name,note\r\n"'＝HYPERLINK(""x"")","a,b\nc"\r\n" padded ",3\r\n`);
    expect(parseCsvTable(text).records.map((r) => r.fields)).toEqual([
      ['\'＝HYPERLINK("x")', "a,b\nc"],
      [" padded ", "3"],
    ]);
  });

  it("writes fixture CSV unneutralised only when asked", () => {
    expect(toCsv(["a"], [["=1"]], { neutralize: false, eol: "\n" })).toBe("a\n=1\n");
  });

  it("mail-merge CSV and the smelter annex go through it: full-width triggers are caught", () => {
    const mail = formatMailMergeCsv(["supplier_name"], [{ supplier_name: "＠SUM(A1)" }]);
    expect(mail).toBe("\ufeffsupplier_name\r\n'＠SUM(A1)\r\n");
    const annex = smelterAnnexCsv(
      [
        {
          metal: "Tin",
          cid: "CID000001",
          name: "＋Evil Smelter",
          country: "PERU",
          countryIso2: "PE",
          onReference: true,
          status: "conformant",
          suppliers: 1,
          sanctions: [],
        } as never,
      ],
      "2025-12-31",
    );
    expect(annex).toContain("'＋Evil Smelter");
  });

  it("Markdown tables neutralise text cells as well as escaping them", () => {
    const md = markdownTable(
      ["name", "n"],
      [
        ["＝cmd", -2],
        ["@SUM(A1)", 1],
      ],
    );
    expect(md).not.toMatch(/\| ＝cmd/);
    expect(md).toContain("| '＝cmd | \\-2 |");
    expect(md).toContain("| '@SUM(A1) | 1 |");
  });
});
