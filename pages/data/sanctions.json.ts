import { emitJson } from "../../src/site/page-data.ts";
import { sanctionsData } from "../../src/site/data/sanctions-data.ts";

await emitJson((db) => sanctionsData(db));
