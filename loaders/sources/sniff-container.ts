/** What the first bytes say a file is, before any zip parsing. */
export type Container = { kind: "zip" } | { kind: "unreadable"; reason: string };

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const utf16 = (s: string) => Buffer.from(s, "utf16le");

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** True when a BIFF8 workbook-globals BOF is followed directly by a FILEPASS record (legacy .xls encryption). */
function hasBiffFilePass(bytes: Uint8Array): boolean {
  for (let o = 512; o + 24 <= bytes.length; o += 512) {
    if (
      bytes[o] === 0x09 &&
      bytes[o + 1] === 0x08 &&
      bytes[o + 2] === 0x10 &&
      bytes[o + 3] === 0x00 &&
      bytes[o + 6] === 0x05 &&
      bytes[o + 7] === 0x00
    ) {
      return bytes[o + 20] === 0x2f && bytes[o + 21] === 0x00;
    }
  }
  return false;
}

function describeCfb(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.includes(utf16("EncryptionInfo")) || buf.includes(utf16("EncryptedPackage"))) {
    return "password-protected (encrypted) Excel workbook; save it without a password and send it again";
  }
  if (buf.includes(utf16("Workbook")) || buf.includes(utf16("Book"))) {
    if (hasBiffFilePass(bytes))
      return "encrypted legacy .xls workbook (password-protected); save it as .xlsx without a password";
    return "legacy Excel 97-2003 (.xls) workbook; save it as .xlsx and send it again";
  }
  return "OLE compound file that is not an Excel workbook";
}

function describeOther(bytes: Uint8Array): string {
  if (bytes.length === 0) return "empty file";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "not a workbook: the file is a JPEG image";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return "not a workbook: the file is a PNG image";
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return "not a workbook: the file is a PDF document";
  const head = Buffer.from(bytes.subarray(0, 512)).toString("latin1").toLowerCase();
  if (head.includes("<html") || head.includes("<!doctype")) return "not a workbook: the file is an HTML page";
  return "not a workbook: the file is neither .xlsx (zip) nor .xls";
}

/** Classifies a file by its magic bytes; only zip containers can be read further. */
export function sniffContainer(bytes: Uint8Array): Container {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return { kind: "zip" };
  if (startsWith(bytes, CFB_MAGIC)) return { kind: "unreadable", reason: describeCfb(bytes) };
  return { kind: "unreadable", reason: describeOther(bytes) };
}
