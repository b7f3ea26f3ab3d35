import { describe, expect, it } from "vitest";
import {
  encodeHeader,
  formatEml,
  formatMailbox,
  headerText,
  rfc5322Date,
  validAddress,
} from "../../src/engagement/email/eml.ts";
import { formatMailMergeCsv } from "../../src/engagement/email/mail-merge-csv.ts";
import { safeFileStem } from "../../src/engagement/email/safe-filename.ts";
import { parseCsv } from "../../loaders/inputs/parse-csv.ts";

const base = {
  from: { name: "Ana Ruiz", address: "ana.ruiz@calder.example.com" },
  date: "2025-04-15",
  messageId: "assay.request.1@calder.example.com",
  body: "Hello",
};

function headers(eml: string): string[] {
  return eml.split("\r\n\r\n")[0]!.split("\r\n");
}

describe("formatEml", () => {
  it("writes RFC 5322 headers with CRLF and a UTF-8 plain-text body", () => {
    const eml = formatEml({
      ...base,
      to: { name: "Jonas Müller", address: "jonas@birchfield.example.jp" },
      subject: "CMRT 6.5 request",
      body: "Grüße\nLine 2",
    });
    expect(headers(eml)).toEqual([
      'From: "Ana Ruiz" <ana.ruiz@calder.example.com>',
      "To: =?UTF-8?B?Sm9uYXMgTcO8bGxlcg==?= <jonas@birchfield.example.jp>",
      "Subject: CMRT 6.5 request",
      "Date: Tue, 15 Apr 2025 09:00:00 +0000",
      "Message-ID: <assay.request.1@calder.example.com>",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=UTF-8",
      "Content-Transfer-Encoding: 8bit",
      "X-Unsent: 1",
    ]);
    expect(eml.endsWith("\r\n\r\nGrüße\r\nLine 2\r\n")).toBe(true);
  });

  it.each([
    ["a CRLF in the subject", { subject: "Hi\r\nBcc: victim@evil.example" }],
    [
      "a bare LF in the display name",
      { to: { name: "Li\nBcc: victim@evil.example", address: "li@x.example" }, subject: "s" },
    ],
    ["a CR in an X- header", { subject: "s", headers: { "X-Assay-Supplier-Id": "S1\rBcc: victim@evil.example" } }],
    [
      "a line break inside the address",
      { to: { name: "Li", address: "li@x.example\r\nBcc: victim@evil.example" }, subject: "s" },
    ],
  ])("cannot be given an extra header through %s", (_, extra) => {
    const eml = formatEml({ ...base, to: null, ...extra });
    const lines = headers(eml);
    expect(
      lines.some((l) => /^Bcc:/i.test(l)),
      lines.join("\n"),
    ).toBe(false);
    for (const l of lines) expect(/^[\x21-\x39\x3b-\x7e]+: |^ /.test(l), l).toBe(true);
  });

  it("encodes non-ASCII subjects as RFC 2047 words of at most 75 characters", () => {
    const subject = "供应商冲突矿产申报请求 — 2025 年度 CMRT 6.5 与 EMRT 2.1 截止日期";
    const value = encodeHeader(subject);
    for (const word of value.split("\r\n ")) {
      expect(word.length).toBeLessThanOrEqual(75);
      expect(word).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
    }
    const decoded = value
      .split("\r\n ")
      .map((w) => Buffer.from(w.slice(10, -2), "base64").toString("utf8"))
      .join("");
    expect(decoded).toBe(subject);
  });

  it("quotes display names with quotes and backslashes", () => {
    expect(formatMailbox({ name: 'Wei "Bill" Lopez \\ Sales', address: "w@x.example" })).toBe(
      '"Wei \\"Bill\\" Lopez \\\\ Sales" <w@x.example>',
    );
  });

  it("wraps body lines longer than 998 octets", () => {
    const eml = formatEml({ ...base, to: null, subject: "s", body: "word ".repeat(600) });
    for (const line of eml.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(998);
  });

  it.each([
    ["first,last@domain.example", null],
    ["name@domain", null],
    ["a b@x.example", null],
    ["<a@x.example>", null],
    ["mailto:a.b@x.example", "a.b@x.example"],
    [" a.b+cmrt@sub.x.example ", "a.b+cmrt@sub.x.example"],
  ])("validAddress(%j) → %j", (input, expected) => {
    expect(validAddress(input)).toBe(expected);
  });

  it("headerText strips every control character", () => {
    expect(headerText("a\tb\u0000c\r\nd\u2028e")).toBe("a b c d e");
    expect(rfc5322Date("2024-02-29")).toBe("Thu, 29 Feb 2024 09:00:00 +0000");
  });
});

describe("mail-merge CSV", () => {
  it("round-trips through a CSV parser with quotes, commas and newlines, every cell neutralised", () => {
    const csv = formatMailMergeCsv(
      ["supplier_id", "supplier_name", "body"],
      [{ supplier_id: "=cmd|' /C calc'!A0", supplier_name: 'Orion "Circuits", Co.', body: "line 1\nline 2" }],
    );
    expect(csv.startsWith("\ufeffsupplier_id,supplier_name,body\r\n")).toBe(true);
    const parsed = parseCsv(csv);
    expect(parsed.header).toEqual(["supplier_id", "supplier_name", "body"]);
    expect(parsed.records[0]?.fields).toEqual(["'=cmd|' /C calc'!A0", 'Orion "Circuits", Co.', "line 1\nline 2"]);
  });
});

describe("safeFileStem", () => {
  it.each([
    ["SUP-0001", "SUP-0001"],
    ["../../etc/passwd", /^etc_passwd-[0-9a-f]{8}$/],
    ["CON", /^_CON-[0-9a-f]{8}$/],
    ["供应商 7", /^7-[0-9a-f]{8}$/],
    ["", /^_-[0-9a-f]{8}$/],
  ])("%j → %s", (input, expected) => {
    const stem = safeFileStem(input);
    if (typeof expected === "string") expect(stem).toBe(expected);
    else expect(stem).toMatch(expected);
    expect(stem).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
  });

  it("keeps different ids apart after sanitising", () => {
    expect(safeFileStem("A/B")).not.toBe(safeFileStem("A:B"));
  });
});
