import { screenReferenceSmelters } from "../../screening/screen-reference-smelters.ts";
import type { Stage } from "../stage.ts";

/** Screens every reference smelter against the sanctions lists and rates location and mine-country risk. */
export const screenStage: Stage = {
  name: "screen",
  async run({ db, asOf }) {
    const results = await screenReferenceSmelters(db, { asOf });
    const hits = results.filter((r) => r.decision === "hit").length;
    const review = results.filter((r) => r.decision === "review").length;
    return `${results.length} reference smelter(s) screened: ${hits} hit, ${review} review`;
  },
};
