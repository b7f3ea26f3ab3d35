import { emitPacked } from "../../src/site/data/emit-packed.ts";
import { sanctionsData } from "../../src/site/data/sanctions-data.ts";

await emitPacked((db) => sanctionsData(db));
