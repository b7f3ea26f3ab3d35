const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
// OOXML escapes characters XML cannot carry as _xHHHH_ (e.g. _x000D_ for CR).
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

function codePoint(n: number): string {
  return Number.isFinite(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "";
}

const HIGH_BYTE = /[\x80-\xff]/;

/**
 * Part XML is scanned as latin1 (one char per byte: a fast copy and a one-byte string, where UTF-8 decoding of a
 * sheet with a single non-ASCII byte doubles its size); text taken out of it is decoded as UTF-8 here, before entities.
 */
export function utf8Text(latin1: string): string {
  return HIGH_BYTE.test(latin1) ? Buffer.from(latin1, "latin1").toString("utf8") : latin1;
}

/** Decodes XML entities and OOXML `_xHHHH_` escapes in element text. */
export function decodeXmlText(raw: string): string {
  let s = raw;
  if (s.includes("&")) {
    s = s.replace(ENTITY, (_, e: string) => {
      if (e[0] !== "#") return NAMED[e] ?? "";
      return codePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    });
  }
  if (s.includes("_x")) s = s.replace(OOXML_ESCAPE, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/** The text of every `<t>` element in `xml` (rich-text runs joined), skipping phonetic `<rPh>` runs. */
export function joinTextRuns(xml: string): string {
  let out = "";
  let pos = 0;
  for (;;) {
    const t = xml.indexOf("<t", pos);
    if (t < 0) break;
    const next = xml.charCodeAt(t + 2);
    if (next !== 62 && next !== 32 && next !== 47) {
      pos = t + 2;
      continue;
    }
    const ph = xml.lastIndexOf("<rPh", t);
    if (ph >= 0 && xml.indexOf("</rPh>", ph) > t) {
      pos = xml.indexOf("</rPh>", ph) + 6;
      continue;
    }
    const open = xml.indexOf(">", t);
    if (xml.charCodeAt(open - 1) === 47) {
      pos = open + 1;
      continue;
    }
    const close = xml.indexOf("</t>", open);
    if (close < 0) break;
    out += xml.slice(open + 1, close);
    pos = close + 4;
  }
  return decodeXmlText(out);
}

/** The value of attribute `name` inside one start tag, or undefined. */
export function attribute(tag: string, name: string): string | undefined {
  const key = ` ${name}="`;
  const i = tag.indexOf(key);
  if (i < 0) return undefined;
  const j = tag.indexOf('"', i + key.length);
  return j < 0 ? undefined : decodeXmlText(tag.slice(i + key.length, j));
}
