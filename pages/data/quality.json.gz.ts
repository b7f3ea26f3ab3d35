import { emitPacked } from "../../src/site/data/emit-packed.ts";
import { qualityPageData } from "../../src/site/data/quality-data.ts";

await emitPacked((db) => qualityPageData(db));
