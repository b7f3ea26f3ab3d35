import { emitJson } from "../../src/site/page-data.ts";
import { methodData } from "../../src/site/data/method-data.ts";

await emitJson((db) => methodData(db));
