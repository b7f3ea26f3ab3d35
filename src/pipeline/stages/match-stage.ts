import { resolveSmelterRows } from "../../matching/index.ts";
import type { Stage } from "../stage.ts";

/** Resolves every reported smelter row not yet matched to an RMI facility. */
export const matchStage: Stage = {
  name: "match",
  async run({ db }) {
    const { resolved } = await resolveSmelterRows(db);
    return `${resolved} smelter row(s) resolved`;
  },
};
