import { describe, expect, it } from "vitest";
import { canonicalAnswer, freeText } from "../../loaders/template/cell-text.ts";
import { parseEffectiveDate } from "../../loaders/template/effective-date.ts";

describe("effective dates", () => {
  it.each([
    [45412, "2024-04-30"],
    ["02-May-2024", "2024-05-02"],
    ["2024-05-09", "2024-05-09"],
    ["09.05.2024", "2024-05-09"],
    ["29/02/2024", "2024-02-29"],
    ["05/31/2024", "2024-05-31"],
    ["May 2, 2024", "2024-05-02"],
    ["2 May 2024", "2024-05-02"],
    ["\t31-Dec-2023\u3000", "2023-12-31"],
    ["45412", "2024-04-30"],
    ["1st March 2025", "2025-03-01"],
  ])("%j → %s", (value, iso) => expect(parseEffectiveDate(value)).toEqual({ iso }));

  it("treats empty cells and pasted zeros as no date, and rejects text that is no date", () => {
    expect(parseEffectiveDate(null)).toBeNull();
    expect(parseEffectiveDate(0)).toBeNull();
    expect(parseEffectiveDate("  ")).toBeNull();
    expect(parseEffectiveDate("31-Feb-2024")).toEqual({ invalid: "31-Feb-2024" });
    expect(parseEffectiveDate("Q2 2024")).toEqual({ invalid: "Q2 2024" });
  });

  it("reads 1904-system serials", () => expect(parseEffectiveDate(40328, true)).toEqual({ iso: "2014-05-31" }));
});

describe("cell text", () => {
  it("canonicalises answers and reads number 1 as 100% only for the percentage question", () => {
    expect(canonicalAnswer(1, ["100%", "None"], true)).toBe("100%");
    expect(canonicalAnswer(" yes\t", ["Yes", "No"], false)).toBe("Yes");
    expect(canonicalAnswer("Perhaps", ["Yes", "No"], false)).toBe("Perhaps");
    expect(canonicalAnswer(0, ["Yes", "No"], false)).toBeNull();
  });

  it("collapses tabs, CR/LF and ideographic spaces; a literal 0 is empty", () => {
    expect(freeText("Honeywell International\t\t\t\t")).toBe("Honeywell International");
    expect(freeText("Xingluokeng,\r\nJinding\u3000Yulu")).toBe("Xingluokeng, Jinding Yulu");
    expect(freeText(0)).toBeNull();
    expect(freeText(16326706370)).toBe("16326706370");
  });
});
