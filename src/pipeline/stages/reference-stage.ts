import { addReferenceFile } from "../../../loaders/reference/kinds.ts";
import { loadShippedReference } from "../../../loaders/reference/shipped.ts";
import { ensureSanctionsLoaded } from "../../../loaders/reference/sanctions-kinds.ts";
import { loadShippedTradeMeasures } from "../../../loaders/reference/trade-measures.ts";
import { reportListChanges } from "../../screening/list-changes.ts";
import type { Stage } from "../stage.ts";

/** Loads the shipped reference sample, then the user's configured reference files (newest wins). */
export const referenceStage: Stage = {
  name: "reference",
  async run({ db, config }) {
    const loads = [
      ...(await loadShippedReference(db)),
      ...(await ensureSanctionsLoaded(db)),
      ...(await loadShippedTradeMeasures(db)),
    ];
    for (const file of config.config.inputs.reference)
      loads.push(await reportListChanges(db, await addReferenceFile(db, config.resolve(file))));
    const fresh = loads.filter((l) => l.loadId !== null);
    const issues = loads.reduce((n, l) => n + (l.issues?.length ?? 0), 0);
    return `${fresh.length} new load(s), ${loads.length - fresh.length} unchanged${issues ? `, ${issues} row issue(s)` : ""}`;
  },
};
