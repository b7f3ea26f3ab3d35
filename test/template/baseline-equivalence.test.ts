import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDeclaration, readTemplate } from "../../loaders/template/read-template.ts";
import { writeTemplate } from "../../src/generate/template/write-template.ts";
import { loadWithExcelJs } from "./exceljs-source.ts";
import { cleanCmrt } from "./sample-input.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = path.join(process.env.ASSAY_SHARED ?? path.resolve(repoRoot, "../shared"), "templates");
const options = { file: "f.xlsx", asOf: "2025-06-01" };

async function expectSameExtraction(bytes: Uint8Array) {
  const fast = readTemplate(bytes, options);
  const baseline = readDeclaration(await loadWithExcelJs(bytes), options);
  expect(fast).toEqual(baseline);
}

describe("the fast reader extracts exactly what an ExcelJS-based reader does", () => {
  const defects = [
    {},
    { effectiveDateAsText: true, pastedZeros: true, whitespaceNoise: true, hyperlinkEmails: true },
    { cidOnlyInF: true, spacedCids: true, deletedRows: 40 },
  ];
  it.each(["6.01", "6.22", "6.4", "6.5"].flatMap((v) => defects.map((d) => [v, d] as const)))(
    "generated CMRT %s %o",
    async (version, d) => {
      const base = cleanCmrt();
      await expectSameExtraction(
        await writeTemplate(
          { ...base, products: [{ number: "A-1", name: "Part" }] },
          { template: "CMRT", version, defects: d, realSize: true },
        ),
      );
    },
  );

  it("generated EMRT 2.0 and 2.1", async () => {
    for (const version of ["2.0", "2.1"]) {
      await expectSameExtraction(
        await writeTemplate(
          {
            company: cleanCmrt().company,
            minerals: ["Cobalt", "Nickel"],
            answers: [{ question: "1", mineral: "Cobalt", answer: "Yes" }],
            smelters: [{ metal: "Cobalt", lookupName: "Smelter not listed", name: "Refinery X", country: "FINLAND" }],
            mines: [{ metal: "Cobalt", smelterName: "Refinery X", name: "Mine Y", country: "FINLAND" }],
          },
          { template: "EMRT", version },
        ),
      );
    }
  });

  const files = existsSync(dir)
    ? ["official", "real", "legacy"].flatMap((d) =>
        readdirSync(path.join(dir, d))
          .filter((f) => f.endsWith(".xlsx"))
          .map((f) => `${d}/${f}`),
      )
    : [];
  it.skipIf(files.length === 0).each(files)("shared file %s", async (f) => {
    await expectSameExtraction(readFileSync(path.join(dir, f)));
  });
});
