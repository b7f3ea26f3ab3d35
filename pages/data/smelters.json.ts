import { emitJson } from "../../src/site/page-data.ts";
import { smelterList } from "../../src/site/data/smelters-data.ts";

await emitJson((db) => smelterList(db));
