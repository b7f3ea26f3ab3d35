import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Declaration } from "../../src/rmi/declaration.ts";
import { readTemplate } from "../../loaders/template/read-template.ts";
import { writeTemplate, type TemplateInput } from "../../src/generate/template/write-template.ts";
import { repoRoot } from "../helpers/paths.ts";
import { patchWorkbook, type CellPatch } from "./_patch-workbook.ts";
import { cleanCmrt } from "./sample-input.ts";

const AS_OF = "2025-06-01";
const read = (bytes: Uint8Array, file = "supplier.xlsx") => readTemplate(bytes, { file, asOf: AS_OF });
const codes = (d: Declaration) => d.findings.map((f) => `${f.severity}:${f.code}@${f.sheet ?? ""}!${f.cell ?? ""}`);
const generated = (input: TemplateInput, template: "CMRT" | "EMRT" = "CMRT", version = "6.5") =>
  writeTemplate(input, { template, version, defects: {} });

describe("generated workbooks: metals, cross-metal rows, newer versions", () => {
  it("reads metals as suppliers write them (Sn, wolfram, 锡, TANTALUM) in RMI's spelling", async () => {
    const d = read(
      await generated(
        cleanCmrt({
          smelters: [
            { metal: "Sn", lookupName: "Smelter not listed", name: "Thaisarco", country: "THAILAND" },
            { metal: "wolfram", lookupName: "Smelter not listed", name: "Mill A", country: "AUSTRIA" },
            { metal: "锡", lookupName: "Smelter not listed", name: "云南锡业股份有限公司", country: "CHINA" },
            { metal: "TANTALUM", lookupName: "Global Advanced Metals Aizu", cid: "CID002558" },
          ],
        }),
      ),
    );
    expect(d.smelters.map((s) => s.metal)).toEqual(["Tin", "Tungsten", "Tin", "Tantalum"]);
  });

  it("suggests the other metal for a gold refiner reported under Tin, by CID and by name", async () => {
    const d = read(
      await generated(
        cleanCmrt({
          smelters: [
            ...cleanCmrt().smelters!,
            { metal: "Tin", cid: "CID000082" },
            { metal: "Tin", lookupName: "Smelter not listed", name: "Asahi Pretec Corp.", country: "JAPAN" },
            { metal: "Tin", lookupName: "Smelter not listed", name: "Nowhere Tin Works", country: "PERU" },
          ],
        }),
      ),
    );
    const other = d.findings.filter((f) => f.code === "smelter-other-metal");
    expect(other.map((f) => f.cell)).toEqual(["B7", "B8"]);
    expect(other[0]!.message).toMatch(/CID000082 is a Gold smelter .* reported under Tin/);
    expect(other[1]!.message).toMatch(/Asahi Pretec Corp\. is a Gold smelter \(CID000082\)/);
    expect(codes(d)).not.toContain("warning:cid-unknown@Smelter List!F7");
    // A real CID of the right metal raises nothing.
    expect(d.findings.filter((f) => f.cell === "B5" || f.cell === "B6")).toEqual([]);
  });

  it.each([
    ["CMRT", "6.5", "6.6"],
    ["EMRT", "2.1", "2.11"],
    ["EMRT", "2.1", "2.2"],
  ] as const)("reads an unknown newer %s %s→%s with the nearest layout and says so", async (family, base, newer) => {
    const input =
      family === "CMRT"
        ? cleanCmrt()
        : ({ ...cleanCmrt({ smelters: [] }), answers: [], companyAnswers: [], minerals: ["Cobalt"] } as TemplateInput);
    const original = read(await generated(input, family, base));
    const d = read(patchWorkbook(await generated(input, family, base), { Declaration: { J3: `Revision ${newer}` } }));
    expect([d.template, d.version]).toEqual([family, newer]);
    const warn = d.findings.find((f) => f.code === "version-unverified");
    expect(warn?.severity).toBe("warning");
    expect(warn?.message).toContain(`read with the ${family} ${base} cell map`);
    expect(codes(d)).not.toContain("warning:template-outdated@Declaration!J3");
    expect(d.answers).toEqual(original.answers);
    expect(d.minerals).toEqual(original.minerals);
  });
});

const shared = process.env.ASSAY_SHARED ?? path.resolve(repoRoot, "../shared");
const templates = path.join(shared, "templates");
const file = (rel: string) => new Uint8Array(readFileSync(path.join(templates, rel)));
const patched = async (rel: string, patch: CellPatch) => read(patchWorkbook(file(rel), patch), rel);

describe.skipIf(!existsSync(path.join(templates, "legacy")))(
  "CMRT 2.x answers (real 2.00, 2.02, 2.03a workbooks)",
  () => {
    it.each(["cmrt2.00_green.xlsx", "cmrt2.02_high_risk.xlsx", "cmrt2.03a_green.xlsx"])(
      "%s: Q1 Yes for all metals → answers and minerals",
      (f) => {
        const d = read(file(`legacy/${f}`), f);
        expect(d.minerals).toEqual(["Tantalum", "Tin", "Gold", "Tungsten"]);
        expect(d.answers.filter((a) => a.question === "1").map((a) => a.answer)).toEqual(["Yes", "Yes", "Yes", "Yes"]);
        expect(d.answers).toHaveLength(24);
        expect(d.answers.find((a) => a.question === "4" && a.mineral === "Tin")?.answer).toBe("No but > 75%");
        expect(d.answers.find((a) => a.question === "5" && a.mineral === "Tantalum")?.answer).toBe(
          "Yes all smelters have been provided",
        );
        expect(d.companyAnswers.map((a) => a.question).join("")).toBe("ABCDEFGHIJ");
        expect(d.companyAnswers.find((a) => a.question === "B")?.comment).toBe("http://company/policy");
        expect(d.companyAnswers.find((a) => a.question === "H")?.answer).toBe("Yes (documentation review only)");
        expect(d.findings.filter((x) => x.code === "invalid-answer" || x.code === "answer-missing")).toEqual([]);
        expect(d.findings.find((x) => x.code === "legacy-layout")?.message).not.toMatch(/not read/);
        // Q5 "No" for tin: not all smelters identified.
        expect(codes(d)).toContain("warning:smelters-not-all-identified@Declaration!D47");
      },
    );

    it("Q2 (DRC origin) No does not take a metal out of scope; only Q1 gates", async () => {
      const d = await patched("legacy/cmrt2.00_green.xlsx", { Declaration: { D23: "No", D41: null } });
      expect(d.minerals).toEqual(["Tantalum", "Gold", "Tungsten"]);
      // Tin's Q4 blank is not required once Q1 says No; Tantalum's Q2 says No yet its blanks stay required.
      const t = await patched("legacy/cmrt2.00_green.xlsx", { Declaration: { D40: null } });
      expect(codes(t)).toContain("error:answer-missing@Declaration!D40");
      expect(codes(d)).not.toContain("error:answer-missing@Declaration!D41");
    });
  },
);

describe.skipIf(!existsSync(path.join(templates, "official")))("official blanks filled in as suppliers do", () => {
  it("EMRT 1.3: Mica 'Not applicable for this declaration' does not demand Q2–Q7 for mica", async () => {
    const d = await patched("official/RMI_EMRT_1.3.xlsx", {
      Declaration: { D26: "Yes", D27: "Not applicable for this declaration" },
    });
    const missing = d.findings.filter((f) => f.code === "answer-missing").map((f) => f.cell);
    expect(missing).toEqual(["D32", "D38", "D44", "D50", "D56", "D62"]);
    expect(d.findings.filter((f) => f.code === "invalid-answer")).toEqual([]);
    expect(d.minerals).toEqual(["Cobalt"]);
  });

  it("AMRT 1.3: minerals picked and typed in Chinese come out in RMI's spelling", async () => {
    const d = await patched("official/RMI_AMRT_1.3.xlsx", {
      Declaration: { D12: "铝", E12: "Other [specify below]", D15: "铬", E15: "铜 (Copper)", F15: "Aluminium" },
    });
    expect(d.minerals).toEqual(["Aluminum", "Chromium", "Copper"]);
  });

  it("AMRT 1.2: the official Chinese-language blank's minerals (铝 铬 铜 锂 镍 银 锌) are translated, in answers too; unknown text is kept", async () => {
    const d = await patched("official/RMI_AMRT_1.2.xlsx", { Declaration: { F12: "Unobtainium" } });
    expect(d.minerals).toEqual([
      "Aluminum",
      "Chromium",
      "Unobtainium",
      "Copper",
      "Lithium",
      "Nickel",
      "Silver",
      "Zinc",
    ]);
    expect(d.answers.filter((a) => a.question === "1").map((a) => a.mineral)).toEqual([
      "Chromium",
      "Lithium",
      "Aluminum",
      "Nickel",
      "Copper",
      "Zinc",
      "Silver",
    ]);
  });

  it.each(["1.31", "1.4"])("AMRT %s reads with the AMRT 1.3 layout and says so", async (v) => {
    const d = await patched("official/RMI_AMRT_1.3.xlsx", { Declaration: { J3: `Revision ${v}`, D12: "Silver" } });
    expect([d.template, d.version]).toEqual(["AMRT", v]);
    expect(d.minerals).toEqual(["Silver"]);
    expect(d.findings.find((f) => f.code === "version-unverified")?.message).toContain(
      "read with the AMRT 1.3 cell map",
    );
  });

  it("CMRT 6.6 (official 6.5 blank relabelled) reads with the 6.5 layout and says so", async () => {
    const d = await patched("official/RMI_CMRT_6.5.xlsx", { Declaration: { J3: "Revision 6.6", D26: "Yes" } });
    expect([d.template, d.version]).toEqual(["CMRT", "6.6"]);
    expect(d.minerals).toEqual(["Tantalum"]);
    expect(d.findings.find((f) => f.code === "version-unverified")?.severity).toBe("warning");
  });
});
