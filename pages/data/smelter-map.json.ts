import { emitJson } from "../../src/site/page-data.ts";
import { smelterMap } from "../../src/site/data/smelters-data.ts";

await emitJson((db) => smelterMap(db));
