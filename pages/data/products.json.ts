import { emitJson } from "../../src/site/page-data.ts";
import { productsPageData } from "../../src/site/data/products-data.ts";

await emitJson((db) => productsPageData(db));
