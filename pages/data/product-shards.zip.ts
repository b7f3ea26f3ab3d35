import { emitShards } from "../../src/site/data/emit-packed.ts";
import { productShards } from "../../src/site/data/products-data.ts";

// One gzip JSON file per shard (00.json.gz … 63.json.gz); the products page fetches the shard of the selected product.
await emitShards((db) => productShards(db));
