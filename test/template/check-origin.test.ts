import { describe, expect, it } from "vitest";
import type { Declaration } from "../../src/rmi/declaration.ts";
import { readTemplate } from "../../loaders/template/read-template.ts";
import { writeTemplate, type TemplateInput } from "../../src/generate/template/write-template.ts";
import { cleanCmrt } from "./sample-input.ts";

// Origin answers (Q3 covered countries, Q5 100% recycled) read against the workbook's own Smelter List.
async function read(input: TemplateInput): Promise<Declaration> {
  const bytes = await writeTemplate(input, { template: "CMRT", version: "6.5" });
  return readTemplate(bytes, { file: "supplier.xlsx", asOf: "2025-06-01" });
}
const answer = (base: TemplateInput, question: string, mineral: string, value: string) =>
  base.answers!.map((a) => (a.question === question && a.mineral === mineral ? { ...a, answer: value } : a));
const finding = (d: Declaration, code: string) => d.findings.find((f) => f.code === code);

const BOILERPLATE =
  "Australia, Austria, Belgium, Bolivia, Brazil, Burundi, Canada, China, Colombia, Congo, Democratic Republic of the, Ecuador, Ethiopia, France, Germany, Ghana, Guyana, India, Indonesia, Japan, Kazakhstan, Kenya, Malaysia, Mexico, Mongolia, Mozambique, Myanmar, Nigeria, Peru, Portugal, Russia, Rwanda, Sierra Leone, South Africa, Spain, Thailand, Uganda, United States, Viet Nam, Zimbabwe";

describe("checkOrigin: origin answers against the Smelter List", () => {
  it("flags a 100% recycled Yes when Smelter List rows of that metal are not recycled", async () => {
    const base = cleanCmrt();
    const d = await read({
      ...base,
      answers: answer(base, "5", "Tungsten", "Yes"),
      smelters: [
        ...base.smelters!,
        {
          metal: "Tungsten",
          lookupName: "Smelter not listed",
          name: "Hunan Tungsten Mill",
          country: "CHINA",
          recycledScrap: "Yes",
        },
      ],
    });
    const f = finding(d, "recycled-claim-contradicted");
    expect(f, JSON.stringify(d.findings)).toMatchObject({ severity: "warning", sheet: "Declaration", cell: "D53" });
    expect(f?.message).toBe(
      '"100% from recycled or scrap sources" is Yes for Tungsten, but 1 of 2 Tungsten Smelter List rows are not marked recycled or scrap (column P, first row 6)',
    );
    expect(finding(await read(cleanCmrt()), "recycled-claim-contradicted"), "clean file").toBeUndefined();
  });

  it("flags a No to covered-country sourcing when a row reports a covered mine country", async () => {
    const base = cleanCmrt();
    const d = await read({
      ...base,
      smelters: [{ ...base.smelters![0]!, mineCountries: "Rwanda; Brazil" }, base.smelters![1]!],
    });
    expect(finding(d, "covered-origin-contradicted")?.message).toBe(
      '"sourced from the covered countries (SEC)" is No for Tantalum, but 1 Tantalum Smelter List row(s) report mine countries Rwanda (column O, first row 5)',
    );
  });

  it("flags boilerplate mine-country lists and does not read them as covered-country origin", async () => {
    const base = cleanCmrt();
    const d = await read({ ...base, smelters: base.smelters!.map((s) => ({ ...s, mineCountries: BOILERPLATE })) });
    const f = finding(d, "boilerplate-mine-countries");
    expect(f).toMatchObject({ severity: "warning", sheet: "Smelter List", cell: "O5" });
    expect(f?.message).toContain("2 Smelter List row(s) list up to 39 mine countries each");
    expect(finding(d, "covered-origin-contradicted"), "a boilerplate list is no evidence of origin").toBeUndefined();
  });
});
