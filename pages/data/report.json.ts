import { emitJson } from "../../src/site/page-data.ts";
import { reportData } from "../../src/site/data/report-data.ts";

await emitJson((db) => reportData(db));
