import { zipSync, strToU8 } from "fflate";
import { productShards } from "../../src/site/data/products-data.ts";
import { Database } from "../../src/db/database.ts";

// One JSON file per shard (00.json … 63.json); the products page fetches the shard of the selected product.
const db = await Database.open(process.env.ASSAY_DB ?? ".assay/assay.duckdb", { readOnly: true });
try {
  const shards = await productShards(db);
  process.stdout.write(zipSync(Object.fromEntries(shards.map((s, i) => [`${String(i).padStart(2, "0")}.json`, strToU8(JSON.stringify(s))]))));
} finally {
  db.close();
}
