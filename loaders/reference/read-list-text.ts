/** Decodes a downloaded list: UTF-8 when valid, else Windows-1252 (older OFAC/UK exports); BOM and a trailing 0x1A (DOS EOF) dropped. */
export function readListText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  return text.replace(/^\ufeff/, "").replace(/\u001a+\s*$/, "");
}
