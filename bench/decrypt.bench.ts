// Cost of reading workbooks encrypted with Excel's default password, and of legacy .xls, as ratios against reading the
// same template as a plain .xlsx in the same run.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readTemplate } from "../loaders/template/read-template.ts";
import { encryptAgile, encryptStandard } from "../test/helpers/office-encrypt.ts";
import { writeXls, xlsxAsXlsSheets } from "../test/helpers/xls-writer.ts";
import { markdownTable, medianMs, type Bench } from "./harness.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sharedXls = path.join(
  process.env.ASSAY_SHARED ?? path.resolve(repoRoot, "../shared"),
  "templates/legacy/cmrt3.01_filled_encrypted.xls",
);

export const bench: Bench = async ({ quick }) => {
  const plain = readFileSync(path.join(repoRoot, "data/sample/inbox/CMRT_Granite_Semiconductor_AB_2025.xlsx"));
  const sheets = xlsxAsXlsSheets(plain);
  const variants: Array<[string, Uint8Array]> = [
    ["plain .xlsx (baseline)", plain],
    ["Agile .xlsx (SHA-512, AES-256, 100,000 spins)", encryptAgile(plain)],
    ["Standard .xlsx (SHA-1, AES-128)", encryptStandard(plain)],
    [".xls", writeXls(sheets)],
    [".xls, RC4 CryptoAPI", writeXls(sheets, { encrypt: { method: "rc4-cryptoapi" } })],
    [".xls, RC4", writeXls(sheets, { encrypt: { method: "rc4" } })],
  ];
  if (existsSync(sharedXls))
    variants.push(["real CMRT 3.01 .xls, RC4 CryptoAPI (2.4 MB, ../shared)", readFileSync(sharedXls)]);
  const runs = quick ? 3 : 9;
  const rows: Array<[string, number, number]> = [];
  for (const [name, bytes] of variants) {
    const ms = await medianMs(() => readTemplate(bytes, { file: "bench", asOf: "2025-12-01" }), runs);
    rows.push([name, bytes.length, ms]);
  }
  const base = rows[0]![2];
  return {
    title: "Encrypted and legacy workbooks",
    lines: [
      `Median of ${runs} reads (readTemplate) of one sample CMRT 6.4 (56 smelters) in each form; ratio against the plain .xlsx read in this run.`,
      "",
      ...markdownTable(
        ["form", "bytes", "ms", "× plain .xlsx"],
        rows.map(([n, b, ms]) => [n, b, ms.toFixed(1), (ms / base).toFixed(2)]),
      ),
      "",
      "Agile's fixed cost is the password hash: 100,000 rounds of SHA-512 however small the workbook (Excel's default spin count).",
    ],
  };
};
