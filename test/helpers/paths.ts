import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** ../shared beside the repo (or $ASSAY_SHARED); tests that need it skip when absent. */
export const sharedDir = process.env.ASSAY_SHARED ?? resolve(repoRoot, "../shared");
export const hasShared = existsSync(sharedDir);
