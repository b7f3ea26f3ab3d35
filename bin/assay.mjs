#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so the package needs no compile step.

// `assay … | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// `assay match` runs from a cached bundle (start-up is most of a batch's time); everything else through tsx.
let main = null;
if (process.argv[2] === "match" && !process.env.ASSAY_TSX)
  main = await (await import("./bundled-cli.mjs")).bundledMain();
if (!main) {
  (await import("tsx/esm/api")).register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
