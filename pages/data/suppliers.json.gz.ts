import { emitPacked } from "../../src/site/data/emit-packed.ts";
import { suppliersPageData } from "../../src/site/data/suppliers-data.ts";

await emitPacked((db) => suppliersPageData(db));
