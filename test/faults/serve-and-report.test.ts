import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDatabase } from "../../src/db/database.ts";
import { reportData } from "../../src/site/data/report-data.ts";
import { reportMarkdown } from "../../src/site/data/report-markdown.ts";
import { isLocalHost, serveStatic } from "../../src/site/static-server.ts";
import { seedWarehouse } from "../site/_seed.ts";

/** One raw HTTP/1.1 request (the path is sent byte for byte, as a hostile client would). */
function raw(port: number, lines: string): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect(port, "127.0.0.1", () => socket.end(lines));
    let text = "";
    socket.on("data", (c) => (text += c.toString("utf8")));
    socket.on("end", () => done(text));
    socket.on("error", fail);
  });
}

function get(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: "127.0.0.1", port, path, headers: { host } }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", fail);
    req.end();
  });
}

describe("assay serve", () => {
  const site = mkdtempSync(join(tmpdir(), "assay-serve-"));
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let port = 0;
  beforeAll(async () => {
    writeFileSync(join(site, "index.html"), "<h1>Overview</h1>");
    mkdirSync(join(site, "suppliers"));
    writeFileSync(join(site, "suppliers.html"), "<h1>Suppliers</h1>");
    server = await serveStatic(site);
    port = Number(new URL(server.url).port);
  });
  afterAll(async () => {
    await server.close();
    rmSync(site, { recursive: true, force: true });
  });

  it("answers malformed escapes with 404 and keeps serving", async () => {
    for (const path of ["/%", "/%zz", "/suppliers%", "/%E0%A4%A", "/%00", "/..%2f..%2fetc%2fpasswd"]) {
      const reply = await raw(port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
      expect(reply, path).toMatch(/^HTTP\/1\.1 404/);
    }
    expect((await get(port, "/suppliers", `127.0.0.1:${port}`)).body).toBe("<h1>Suppliers</h1>");
  });

  it("refuses Host headers that are not this machine (DNS rebinding)", async () => {
    for (const host of [
      "evil.example",
      `evil.example:${port}`,
      `127.0.0.1.evil.example:${port}`,
      `localhost:${port + 1}`,
    ]) {
      const r = await get(port, "/", host);
      expect(r.status, host).toBe(421);
      expect(r.body).not.toContain("Overview");
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`])
      expect((await get(port, "/", host)).status, host).toBe(200);
    const noHost = await raw(port, `GET / HTTP/1.0\r\n\r\n`);
    expect(noHost).toMatch(/^HTTP\/1\.1 421/);
  });

  it("isLocalHost: loopback names on the served port only", () => {
    expect(isLocalHost("[::1]:8080", 8080)).toBe(true);
    expect(isLocalHost("localhost", 80)).toBe(true);
    expect(isLocalHost("localhost", 3000)).toBe(false);
    expect(isLocalHost("127.0.0.2:3000", 3000)).toBe(false);
    expect(isLocalHost(undefined, 3000)).toBe(false);
  });
});

describe("assay report Markdown", () => {
  it("prints hostile supplier and smelter names as inert text: no tags, links or table breaks", async () => {
    const hostile = `<script>alert(1)</script> [click](javascript:alert(2)) <a href="javascript:x">a</a> |B\n# Heading`;
    await withDatabase(async (db) => {
      await seedWarehouse(db, { suppliers: 30, hostile });
      const md = reportMarkdown(await reportData(db));
      expect(md, "the hostile text reaches the report").toContain("alert");
      expect(md).not.toMatch(/<script/i);
      expect(md).not.toMatch(/<a\s/i);
      expect(md).not.toMatch(/\]\(javascript:/i);
      expect(md).not.toMatch(/^# Heading/m);
      for (const line of md.split("\n").filter((l) => l.startsWith("| ")))
        expect(line, "table row keeps its columns").not.toMatch(/[^\\]\|B/);
    });
  });
});
