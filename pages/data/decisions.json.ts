import { emitJson } from "../../src/site/page-data.ts";
import { decisionsData } from "../../src/site/data/decisions-data.ts";

await emitJson((db) => decisionsData(db));
