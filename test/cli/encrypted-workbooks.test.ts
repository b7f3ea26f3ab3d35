import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { encryptAgile, encryptStandard } from "../helpers/office-encrypt.ts";
import { repoRoot } from "../helpers/paths.ts";
import { runCli } from "../helpers/run-cli.ts";
import { writeXls, xlsxAsXlsSheets } from "../helpers/xls-writer.ts";

const work = mkdtempSync(join(tmpdir(), "assay-encrypted-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const source = "CMRT_Granite_Semiconductor_AB_2025.xlsx";
const plain = readFileSync(join(repoRoot, "data/sample/inbox", source));

const inbox = join(work, "inbox");
mkdirSync(inbox);
const files = {
  agile: join(inbox, "granite-agile.xlsx"),
  standard: join(inbox, "granite-standard.xlsx"),
  xls: join(inbox, "granite-97-2003.xls"),
  locked: join(inbox, "granite-locked.xlsx"),
  lockedXls: join(inbox, "granite-locked.xls"),
};
writeFileSync(files.agile, encryptAgile(plain));
writeFileSync(files.standard, encryptStandard(plain));
writeFileSync(files.xls, writeXls(xlsxAsXlsSheets(plain), { encrypt: { method: "rc4-cryptoapi" } }));
writeFileSync(files.locked, encryptAgile(plain, { password: "Quarterly2025!", spinCount: 1_000 }));
writeFileSync(
  files.lockedXls,
  writeXls(xlsxAsXlsSheets(plain), { encrypt: { method: "rc4", password: "Quarterly2025!" } }),
);

describe("workbooks encrypted with Excel's default password, end to end", () => {
  const expected = JSON.parse(
    runCli(["check", join(repoRoot, "data/sample/inbox", source), "--json", "--as-of", "2025-12-01"]).stdout,
  );

  it.each([
    ["agile", "Agile"],
    ["standard", "Standard"],
    ["xls", "RC4 CryptoAPI"],
  ] as const)("assay check reads the %s file like the plain one, with an info finding", (kind, method) => {
    const r = runCli(["check", files[kind], "--json", "--as-of", "2025-12-01"]);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.findings[0]).toMatchObject({ severity: "info", code: "decrypted-default-password" });
    expect(d.findings[0].message).toContain(method);
    expect({ ...d, file: expected.file, findings: d.findings.slice(1) }).toEqual(expected);
  });

  it("a real password is exit 2 naming the file and what to ask for", () => {
    for (const file of [files.locked, files.lockedXls]) {
      const r = runCli(["check", file, "--json"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `${file}: cannot read as an RMI template: encrypted with a password; ask the supplier for an unprotected copy\n`,
      );
      expect(JSON.parse(r.stdout)).toEqual({
        file,
        error: "encrypted with a password; ask the supplier for an unprotected copy",
      });
    }
  });

  it("assay ingest stores the decrypted declarations and rejects the locked ones by name", () => {
    const r = runCli(["ingest", inbox, "--db", join(work, "ingest.duckdb"), "--as-of", "2025-12-01"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("5 file(s): 3 new, 0 unchanged, 2 rejected");
    for (const file of [files.locked, files.lockedXls]) {
      expect(r.stdout).toContain(
        `rejected ${file}: encrypted with a password; ask the supplier for an unprotected copy`,
      );
    }
    expect(r.stdout).not.toContain(`rejected ${files.agile}`);
    expect(r.stdout).not.toContain(`rejected ${files.xls}`);
  });
});
