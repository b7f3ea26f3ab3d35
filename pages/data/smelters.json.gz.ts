import { emitPacked } from "../../src/site/data/emit-packed.ts";
import { smeltersPageData } from "../../src/site/data/smelters-data.ts";

await emitPacked((db) => smeltersPageData(db));
