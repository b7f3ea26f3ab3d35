import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { Database } from "../../src/db/database.ts";
import { parseCsv } from "../../loaders/inputs/parse-csv.ts";
import { seed, seedWarehouse } from "./_seed.ts";

const dir = mkdtempSync(join(tmpdir(), "assay-outreach-"));
const dbPath = join(dir, "assay.duckdb");
const configPath = join(dir, "assay.config.json");
const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), isTTY: false }, out, err };
};

beforeAll(async () => {
  const db = await Database.open(dbPath);
  await seedWarehouse(db);
  await seed(db, "suppliers", [
    {
      supplier_id: "SUP-06",
      name: '=HYPERLINK("http://evil.example")',
      commodity: "Solder bars",
      contact_name: "Mallory\r\nBcc: all@evil.example",
      contact_email: "mallory@kessler.example.my",
      source: "suppliers.csv",
      line: 7,
    },
    {
      supplier_id: "SUP-07",
      name: "Westmark Insulation Corporation",
      commodity: "Mica insulation",
      contact_email: "first,last@westmark.example.kr",
      source: "suppliers.csv",
      line: 8,
    },
  ]);
  await seed(db, "declarations", [
    {
      declaration_id: "d-kessler",
      file: "inbox/k.xlsx",
      company_name: '=HYPERLINK("http://evil.example")',
      template: "CMRT",
      version: "6.5",
      effective_date: "2025-03-01",
      is_current: true,
    },
  ]);
  await seed(db, "findings", [
    {
      declaration_id: "d-kessler",
      severity: "error",
      code: "missing-required",
      sheet: "Declaration",
      cell: "D22",
      message: "effective date is empty",
    },
    {
      declaration_id: "d-kessler",
      severity: "error",
      code: "unknown-cid",
      sheet: "Smelter List",
      cell: "A7",
      message: "CID999999 is not on the RMI list",
    },
    {
      declaration_id: "d-kessler",
      severity: "info",
      code: "note",
      sheet: "Declaration",
      cell: "D3",
      message: "language Chinese",
    },
  ]);
  db.close();
  writeFileSync(
    configPath,
    JSON.stringify({
      company: {
        name: "Calder Ridge Instruments Inc.",
        contactName: "Ana Ruiz",
        contactEmail: "ana.ruiz@calder.example.com",
        contactPhone: "+1 555 0100",
        policyUrl: "https://calder.example.com/minerals",
      },
      outreach: { templateVersions: { CMRT: "6.5", EMRT: "2.1" } },
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("assay outreach", () => {
  it("writes the draft each supplier's next action calls for, and a mail-merge CSV", async () => {
    const out = join(dir, "drafts");
    const c = io();
    expect(
      await main(["outreach", "--out", out, "--as-of", "2025-04-15", "--db", dbPath, "--config", configPath], c.io),
    ).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "SUP-02-escalation.eml",
      "SUP-03-request.eml",
      "SUP-05-reminder.eml",
      "SUP-06-clarification.eml",
      "SUP-07-request.eml",
      "outreach-2025.csv",
    ]);
    expect(c.out.join("")).toContain(
      "1 escalation, 2 request, 1 reminder, 1 clarification; mail merge outreach-2025.csv",
    );
    expect(c.err.join("")).toContain(
      'warning: SUP-07 SUP-07-request.eml: invalid contact e-mail "first,last@westmark.example.kr": the draft has no To: header',
    );

    const request = readFileSync(join(out, "SUP-03-request.eml"), "utf8");
    expect(request).toContain('From: "Ana Ruiz" <ana.ruiz@calder.example.com>\r\nTo: <ravi@bluefin.example.in>\r\n');
    for (const needed of [
      "Why we need it",
      "CMRT 6.5: RMI Conflict Minerals Reporting Template",
      "EMRT 2.1: RMI Extended Minerals Reporting Template",
      "Deadline: 2025-05-15",
      "How to complete it correctly",
      "Smelter Look-up",
      "https://www.responsiblemineralsinitiative.org/",
      "ana.ruiz@calder.example.com",
      "+1 555 0100",
      "https://calder.example.com/minerals",
    ]) {
      expect(request, needed).toContain(needed);
    }
    const escalation = readFileSync(join(out, "SUP-02-escalation.eml"), "utf8");
    expect(escalation).toContain("We have written 4 times since 2025-01-17 without receiving a usable answer.");

    const clarification = readFileSync(join(out, "SUP-06-clarification.eml"), "utf8");
    const head = clarification.split("\r\n\r\n")[0]!;
    expect(head).not.toMatch(/^Bcc:/m);
    expect(head).toContain('To: "Mallory Bcc: all@evil.example" <mallory@kessler.example.my>');
    expect(clarification).toContain(
      "  - Declaration!D22 (error): effective date is empty\r\n  - Smelter List!A7 (error): CID999999 is not on the RMI list\r\n",
    );
    expect(clarification).not.toContain("language Chinese");

    const csv = parseCsv(readFileSync(join(out, "outreach-2025.csv"), "utf8"));
    expect(csv.header.slice(0, 9)).toEqual([
      "supplier_id",
      "supplier_name",
      "kind",
      "status",
      "to_name",
      "to_email",
      "subject",
      "templates",
      "deadline",
    ]);
    const row = (id: string) =>
      Object.fromEntries(csv.header.map((h, i) => [h, csv.records.find((r) => r.fields[0] === id)?.fields[i]]));
    expect(row("SUP-06")).toMatchObject({
      supplier_name: '\'=HYPERLINK("http://evil.example")',
      kind: "clarification",
      templates: "CMRT 6.5",
    });
    expect(row("SUP-06").findings).toBe(
      "Declaration!D22 (error): effective date is empty\nSmelter List!A7 (error): CID999999 is not on the RMI list",
    );
    expect(row("SUP-03")).toMatchObject({
      kind: "request",
      to_email: "ravi@bluefin.example.in",
      templates: "CMRT 6.5; EMRT 2.1",
      deadline: "2025-05-15",
      eml_file: "SUP-03-request.eml",
    });
    for (const r of csv.records) for (const f of r.fields) expect(/^[=+\-@]/.test(f), f).toBe(false);
  });

  it("--kind all writes request, reminder and escalation drafts for every open supplier", async () => {
    const out = join(dir, "all");
    const c = io();
    expect(
      await main(
        ["outreach", "--out", out, "--kind", "all", "--as-of", "2025-04-15", "--db", dbPath, "--config", configPath],
        c.io,
      ),
    ).toBe(0);
    const files = readdirSync(out);
    expect(files.filter((f) => f.startsWith("SUP-02-")).sort()).toEqual([
      "SUP-02-escalation.eml",
      "SUP-02-reminder.eml",
      "SUP-02-request.eml",
    ]);
    expect(
      files.some((f) => f.startsWith("SUP-01-")),
      "responded supplier",
    ).toBe(false);
    expect(
      files.some((f) => f.startsWith("SUP-04-")),
      "out-of-scope supplier",
    ).toBe(false);
  });

  it.each([
    [[], "assay outreach: missing --out <dir>"],
    [
      ["--out", "x", "--kind", "fax"],
      'assay outreach: invalid --kind: "fax" (expected one of next, all, request, reminder, escalation, clarification)',
    ],
  ])("rejects %j", async (args, message) => {
    const c = io();
    expect(await main(["outreach", "--db", dbPath, "--config", configPath, ...args], c.io)).toBe(2);
    expect(c.err.join("")).toContain(message);
  });
});
