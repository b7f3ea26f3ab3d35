import { describe, expect, it } from "vitest";
import { parseRevisionCell } from "../../src/rmi/revision.ts";

describe("parseRevisionCell", () => {
  it.each([
    ["Revision 6.4\r\nApril 26, 2024", "6.4", "2024-04-26"],
    ["Revision 6.31\nMay 26, 2023", "6.31", "2023-05-26"],
    ["Version 1.3\nApril 26, 2024", "1.3", "2024-04-26"],
    // The look-up loader and the exporter each had a stricter regex: "6.5." and no version for "Rev." spellings.
    ["Revision 6.5.\nApril 25, 2025", "6.5", "2025-04-25"],
    ["Rev. 6.22", "6.22", null],
    ["Revision: 2.1", "2.1", null],
    [6.4, "6.4", null],
    ["Conflict Minerals Reporting Template", null, null],
    [null, null, null],
  ])("%j → version %s, released %s", (cell, version, date) => {
    expect(parseRevisionCell(cell)).toEqual({ version, date });
  });
});
