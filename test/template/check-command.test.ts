import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { Declaration } from "../../src/rmi/declaration.ts";
import { writeTemplate } from "../../src/generate/template/write-template.ts";
import { cleanCmrt } from "./sample-input.ts";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), isTTY: false }, out, err };
}

describe("assay check", () => {
  it("prints exactly one JSON object matching the contract, exit 0", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "assay-check-"));
    const file = path.join(dir, "kestrel.xlsx");
    writeFileSync(file, await writeTemplate(cleanCmrt(), { template: "CMRT", version: "6.4" }));
    const c = capture();
    expect(await main(["check", file, "--json", "--as-of", "2025-06-01"], c.io)).toBe(0);
    const parsed = Declaration.safeParse(JSON.parse(c.out.join("")));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.findings.map((f) => f.code)).toEqual(["template-outdated"]);
    const human = capture();
    expect(await main(["check", file, "--as-of", "2025-06-01"], human.io)).toBe(0);
    expect(human.out.join("")).toContain("CMRT 6.4");
    expect(human.out.join("")).toContain("template-outdated");
  });

  it("exits 2 with one stderr line and an error object for files that are not templates", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "assay-check-"));
    const file = path.join(dir, "photo.xlsx");
    writeFileSync(file, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    const c = capture();
    expect(await main(["check", file, "--json"], c.io)).toBe(2);
    expect(JSON.parse(c.out.join(""))).toEqual({ file, error: "not a workbook: the file is a JPEG image" });
    expect(c.err.join("")).toBe(`${file}: cannot read as an RMI template: not a workbook: the file is a JPEG image\n`);
    const missing = capture();
    expect(await main(["check", path.join(dir, "nope.xlsx")], missing.io)).toBe(2);
    expect(missing.err.join("")).toMatch(/nope\.xlsx: cannot read as an RMI template: no such file/);
  });

  it("rejects a workbook that is not an RMI template", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Prices").getCell("A1").value = "price list";
    const dir = mkdtempSync(path.join(tmpdir(), "assay-check-"));
    const file = path.join(dir, "prices.xlsx");
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const c = capture();
    expect(await main(["check", file], c.io)).toBe(2);
    expect(c.err.join("")).toContain("not an RMI reporting template (no Declaration sheet)");
  });
});
