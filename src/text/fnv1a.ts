/** FNV-1a, 32 bits, of a string's UTF-16 code units (pages/components/shard.js computes the same in the browser). */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
