import type { Stage } from "./stage.ts";

// The steps of `assay build`, in order. Each module owns its stage; this list only orders them.
export const buildStages: readonly Stage[] = [];
