import { createHash } from "node:crypto";
import { foldDiacritics } from "../../text/normalize.ts";

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A portable file-name stem from untrusted text: ASCII letters, digits, dot, dash and underscore only, no leading
 * dot, at most 64 characters. When anything had to change, a short hash of the original keeps distinct inputs apart.
 */
export function safeFileStem(value: string): string {
  let stem = foldDiacritics(value)
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^[._-]+|[._-]+$/g, "")
    .slice(0, 64);
  if (stem === "" || RESERVED.test(stem)) stem = `_${stem}`;
  if (stem === value) return stem;
  return `${stem}-${createHash("sha256").update(value, "utf8").digest("hex").slice(0, 8)}`;
}
