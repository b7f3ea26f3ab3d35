import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".arrow": "application/vnd.apache.arrow.file",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".md": "text/markdown; charset=utf-8",
};

/** Maps a URL path to a file under `root` the way Framework's clean URLs expect (x → x.html, x/ → x/index.html). */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0] ?? "/");
  } catch {
    return null; // a malformed escape ("/%", "/%zz") names no file
  }
  if (path.includes("\0")) return null;
  const base = resolve(root);
  const target = normalize(join(base, path));
  if (target !== base && !target.startsWith(base + sep)) return null;
  const candidates = [target, `${target}.html`, join(target, "index.html")];
  for (const c of candidates) if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * True when a Host header names this machine (127.0.0.1, localhost or [::1], on the port served). Any other name is a
 * page elsewhere reaching the local server through DNS rebinding: it must not read the supplier data.
 */
export function isLocalHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const m = /^(\[[^\]]*\]|[^:]+)(?::(\d+))?$/.exec(host.trim().toLowerCase());
  if (!m || !LOCAL_HOSTS.has(m[1]!)) return false;
  return m[2] === undefined ? port === 80 : Number(m[2]) === port;
}

/** Serves a built site on 127.0.0.1 (a random port unless given); resolves once listening. */
export async function serveStatic(
  root: string,
  port = 0,
): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  let actual = port;
  const server = createServer((req, res) => {
    if (!isLocalHost(req.headers.host, actual)) {
      res
        .writeHead(421, { "content-type": "text/plain" })
        .end("misdirected request: this server answers only to 127.0.0.1 and localhost");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { "content-type": "text/plain", allow: "GET, HEAD" }).end("method not allowed");
      return;
    }
    const file = resolveStaticPath(root, req.url ?? "/");
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "x-content-type-options": "nosniff",
    });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on("error", () => res.destroy());
    stream.pipe(res);
  });
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n");
    else socket.destroy();
  });
  await new Promise<void>((done) => server.listen(port, "127.0.0.1", done));
  const address = server.address();
  actual = typeof address === "object" && address ? address.port : port;
  return {
    server,
    url: `http://127.0.0.1:${actual}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
