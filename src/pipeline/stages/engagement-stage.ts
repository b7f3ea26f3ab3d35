import { runEngagement } from "../../engagement/run-engagement.ts";
import type { Stage } from "../stage.ts";

/** The `assay build` step that stores scope, status and metrics for the site and scoring (after ingest, before scoring). */
export const engagementStage: Stage = {
  name: "engagement",
  async run(ctx) {
    const { config } = ctx.config;
    const r = await runEngagement(ctx.db, {
      asOf: ctx.asOf,
      period: ctx.period,
      scopeConfig: config.scope,
      outreachConfig: config.outreach,
    });
    for (const w of r.warnings) ctx.log(`engagement warning: ${w}`);
    const inScope = r.engagements.filter((e) => e.inScope);
    const responded = inScope.filter((e) => e.status === "responded").length;
    const overdue = inScope.filter((e) => e.overdue).length;
    return `${inScope.length}/${r.engagements.length} suppliers in scope, ${responded} responded, ${overdue} actions overdue, ${r.links.unlinked.length} declarations unlinked`;
  },
};
