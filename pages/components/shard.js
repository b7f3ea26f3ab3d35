// FNV-1a of a key modulo the shard count; src/site/data/_warehouse.ts shardOf computes the same.
export const SHARDS = 64;

export function shardOf(key, shards = SHARDS) {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shards;
}

export const shardName = (key) => String(shardOf(key)).padStart(2, "0");
