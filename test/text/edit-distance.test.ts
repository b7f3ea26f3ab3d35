import { describe, expect, it } from "vitest";
import { editDistance } from "../../src/text/edit-distance.ts";

describe("editDistance", () => {
  it.each([
    ["krastsvetmet", "krastsvetmet", 0],
    ["krastsvetmet", "krastvetmet", 1],
    ["almalyk", "almlayk", 1],
    ["kitten", "sitting", 3],
    ["", "tin", 3],
    ["corproation", "corporation", 1],
  ])("%s → %s: %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a), "symmetric").toBe(d);
  });

  it("stops above max with max + 1", () => {
    expect(editDistance("kitten", "sitting", 1)).toBe(2);
    expect(editDistance("tin", "tantalum", 2)).toBe(3);
  });
});
