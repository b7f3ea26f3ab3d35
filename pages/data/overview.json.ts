import { emitJson } from "../../src/site/page-data.ts";
import { overviewData } from "../../src/site/data/overview-data.ts";

await emitJson((db) => overviewData(db));
