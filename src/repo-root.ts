import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The Assay installation folder (shipped data, pages/, node_modules/): independent of the working directory. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
