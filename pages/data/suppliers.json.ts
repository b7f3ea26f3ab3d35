import { emitJson } from "../../src/site/page-data.ts";
import { suppliersPageData } from "../../src/site/data/suppliers-data.ts";

await emitJson((db) => suppliersPageData(db));
