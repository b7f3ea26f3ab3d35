import { emitPacked } from "../../src/site/data/emit-packed.ts";
import { productsPageData } from "../../src/site/data/products-data.ts";

await emitPacked((db) => productsPageData(db));
