import { emitShards } from "../../src/site/data/emit-packed.ts";
import { supplierShards } from "../../src/site/data/supplier-details.ts";

// One gzip JSON file per shard (00.json.gz … 63.json.gz); the supplier page fetches only the shard of its ?id=.
await emitShards((db) => supplierShards(db));
