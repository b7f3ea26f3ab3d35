import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const bundles = new Map<string, Promise<URL>>();

/**
 * Bundles a TypeScript worker entry and its imports into one plain-JavaScript module (a data: URL).
 * Workers then need no TypeScript loader: loader hooks inside worker threads can deadlock on Node 20,
 * and each worker would otherwise transpile the reader again.
 */
export function bundledWorkerUrl(entry: URL): Promise<URL> {
  let url = bundles.get(entry.href);
  if (!url) {
    url = build({
      entryPoints: [fileURLToPath(entry)],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      write: false,
      logLevel: "silent",
      // Keep node: builtins and npm packages with native parts outside the bundle.
      packages: "bundle",
      external: ["@duckdb/node-api", "exceljs"],
    }).then(
      (out) => new URL(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0]!.contents).toString("base64")}`),
    );
    bundles.set(entry.href, url);
  }
  return url;
}
