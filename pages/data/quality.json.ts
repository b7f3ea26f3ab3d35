import { emitJson } from "../../src/site/page-data.ts";
import { qualityData } from "../../src/site/data/quality-data.ts";

await emitJson((db) => qualityData(db));
