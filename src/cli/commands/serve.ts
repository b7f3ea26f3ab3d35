import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadConfig } from "../../config/config.ts";
import { AssayError } from "../../errors.ts";
import { serveStatic } from "../../site/static-server.ts";
import { stringOption, type Command } from "../command.ts";

export const serveCommand: Command = {
  name: "serve",
  summary: "serve the built site on localhost (clean URLs, as the pages expect)",
  usage: "assay serve [--site <dir>] [--port <n>]",
  description:
    "Serves the site that `assay build` wrote (default: config outputs.site, else dist) on 127.0.0.1 until stopped.",
  options: {
    site: {
      type: "string",
      value: "<dir>",
      description: "built site folder (default: config outputs.site, else dist)",
    },
    port: { type: "string", value: "<n>", description: "port (default 3000)", default: "3000" },
  },
  async run(ctx) {
    const config = loadConfig(ctx.configPath);
    const site = resolve(stringOption(ctx, "site") ?? config.resolve(config.config.outputs.site));
    if (!existsSync(join(site, "index.html")))
      throw new AssayError(`assay serve: no built site in ${site} (run assay build first)`, { exitCode: 2 });
    const port = Number(stringOption(ctx, "port"));
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new AssayError(`assay serve: invalid --port: ${stringOption(ctx, "port")} (expected 0–65535)`, {
        exitCode: 2,
      });
    const server = await serveStatic(site, port);
    ctx.io.err(`serving ${site} at ${server.url}/ (Ctrl-C to stop)\n`);
    await new Promise<void>((done) => {
      process.once("SIGINT", done);
      process.once("SIGTERM", done);
    });
    await server.close();
    return 0;
  },
};
