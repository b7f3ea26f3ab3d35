import { emitShards } from "../../src/site/data/emit-packed.ts";
import { smelterShards } from "../../src/site/data/smelter-details.ts";

// One gzip JSON file per shard (00.json.gz … 63.json.gz); the smelter page fetches only the shard of its ?id=.
await emitShards((db) => smelterShards(db));
