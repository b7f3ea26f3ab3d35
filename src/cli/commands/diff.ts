import { Database } from "../../db/database.ts";
import { AssayError } from "../../errors.ts";
import { diffPeriods, type PeriodDiff } from "../../periods/diff-periods.ts";
import { readPeriod } from "../../periods/read-period.ts";
import { booleanOption, type Command } from "../command.ts";
import { formatTable } from "../format-table.ts";

function section(title: string, rows: Record<string, unknown>[]): string {
  return `${title} (${rows.length})\n${rows.length ? formatTable(rows) : "  none\n"}\n`;
}

export function formatDiff(d: PeriodDiff): string {
  const sm = (s: PeriodDiff["newSmelters"][number]) => ({
    key: s.key,
    name: s.name,
    metal: s.metal,
    status: s.rmiStatus,
    band: s.band,
  });
  let out = `${d.from.period} (run ${d.from.runId}, as of ${d.from.asOf}) → ${d.to.period} (run ${d.to.runId}, as of ${d.to.asOf})\n`;
  if (d.from.modelVersion !== d.to.modelVersion)
    out += `note: model ${d.from.modelVersion} → ${d.to.modelVersion}; score moves may come from the model\n`;
  out += "\n";
  out += section("new smelters", d.newSmelters.map(sm));
  out += section("dropped smelters", d.droppedSmelters.map(sm));
  out += section(
    "status changes",
    d.statusChanges.map((c) => ({
      key: c.key,
      name: c.name,
      metal: c.metal,
      status: `${c.from} → ${c.to}`,
      band: `${c.bandFrom} → ${c.bandTo}`,
    })),
  );
  out += section("new sanctions hits", d.newSanctionsHits.map(sm));
  out += section(
    "suppliers whose risk moved",
    d.supplierMoves.map((m) => ({
      supplier: m.supplierId,
      name: m.name,
      score: `${m.scoreFrom ?? "–"} → ${m.scoreTo ?? "–"}`,
      band: `${m.bandFrom} → ${m.bandTo}`,
    })),
  );
  return out;
}

export const diffCommand: Command = {
  name: "diff",
  summary: "compare two reporting periods' scoring runs",
  usage: "assay diff <period-a> <period-b> [--json]",
  description: `Compares the latest scoring run of each period: new and dropped smelters, RMI status changes,
new sanctions hits, and suppliers whose band changed or whose score moved by 10 points or more.`,
  options: {
    json: { type: "boolean", description: "print the differences as JSON" },
  },
  async run(ctx) {
    const [a, b, ...rest] = ctx.positionals;
    if (!a || !b || rest.length)
      throw new AssayError("assay diff: expected two periods (usage: assay diff <period-a> <period-b> [--json])", {
        code: "usage",
        exitCode: 2,
      });
    const db = await Database.open(ctx.dbPath);
    try {
      const diff = diffPeriods(await readPeriod(db, a), await readPeriod(db, b));
      ctx.io.out(booleanOption(ctx, "json") ? `${JSON.stringify(diff, null, 2)}\n` : formatDiff(diff));
      return 0;
    } finally {
      db.close();
    }
  },
};
