import { refreshDecisionStatus } from "../../decisions/store.ts";
import type { Stage } from "../stage.ts";

/**
 * Evaluates the analyst decisions (loaded by the inputs stage) against the reference, screening and declarations of
 * this build: which still hold, which expired (their date passed, the facility left the RMI reference, a newer list
 * brought other evidence) and which name nothing. Engagement and scoring then apply the active ones.
 */
export const decisionsStage: Stage = {
  name: "decisions",
  async run({ db, asOf }) {
    const statuses = await refreshDecisionStatus(db, asOf);
    if (statuses.length === 0) return "no decisions";
    const count = (s: string) => statuses.filter((x) => x.status === s).length;
    return `${statuses.length} decision(s): ${count("active")} active, ${count("expired")} expired, ${count("no-match")} matching nothing`;
  },
};
