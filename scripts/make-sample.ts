// Regenerates the bundled sample company in data/sample/ (deterministic: same bytes every run).
import { fileURLToPath } from "node:url";
import { main } from "../src/cli/main.ts";
import { SAMPLE_ARGS } from "../src/generate/sample.ts";

const out = fileURLToPath(new URL("../data/sample", import.meta.url));
const io = { out: (t: string) => process.stdout.write(t), err: (t: string) => process.stderr.write(t), isTTY: false };
process.exitCode = await main([...SAMPLE_ARGS, "--out", out], io);
