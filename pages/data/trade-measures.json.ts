import { emitJson } from "../../src/site/page-data.ts";
import { tradeMeasuresData } from "../../src/site/data/trade-measures-data.ts";

await emitJson((db) => tradeMeasuresData(db));
