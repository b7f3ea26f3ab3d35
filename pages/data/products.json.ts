import { emitJson } from "../../src/site/page-data.ts";
import { productsData } from "../../src/site/data/products-data.ts";

await emitJson((db) => productsData(db));
