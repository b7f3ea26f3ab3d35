import { inflateSync } from "node:zlib";

/**
 * How far down its first page a Chromium (Skia) PDF has text: the page count, and the lowest text baseline on page 1
 * as a share of the printable height (media box minus `marginPt` top and bottom). Skia writes each page as one Flate
 * content stream that scales CSS pixels onto the page and places every text run with `1 0 0 -1 x y Tm`, y in CSS
 * pixels from the top of the printable area; a stream using any other transform is refused rather than misread.
 */
export function firstPageTextExtent(pdf: Buffer, marginPt: number): { pages: number; textBottomShare: number } {
  const s = pdf.toString("latin1");
  const objects = new Map<number, string>();
  for (const m of s.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(Number(m[1]), m[2]!);
  const pages = [...objects.values()].filter((o) => /\/Type\s*\/Page\b/.test(o));
  const first = pages[0];
  if (!first) throw new Error("no page in the PDF");
  const box = /\/MediaBox\s*\[\s*[-\d.]+\s+[-\d.]+\s+[-\d.]+\s+([-\d.]+)\s*\]/.exec(first);
  const contents = /\/Contents\s+(\d+) 0 R/.exec(first);
  if (!box || !contents) throw new Error("page 1 has no media box or content stream");
  const stream = objects.get(Number(contents[1]))!;
  const at = stream.indexOf("stream") + "stream".length;
  const raw = stream.slice(at).replace(/^\r?\n/, "");
  const text = inflateSync(Buffer.from(raw.slice(0, raw.lastIndexOf("endstream")), "latin1")).toString("latin1");
  const transforms = new Set([...text.matchAll(/((?:[-\d.]+ ){6})cm/g)].map((m) => m[1]!.trim()));
  // The page flip (points) and the CSS-pixel scale with its margin offset: nothing else moves text.
  if (transforms.size > 2)
    throw new Error(`page 1 uses transforms this reader does not follow: ${[...transforms].join("; ")}`);
  const ys = [...text.matchAll(/1 0 0 -1 [-\d.]+ ([-\d.]+) Tm/g)].map((m) => Number(m[1]));
  if (ys.length === 0) throw new Error("no text on page 1");
  const printableCssPx = ((Number(box[1]) - 2 * marginPt) * 96) / 72;
  return { pages: pages.length, textBottomShare: Math.max(...ys) / printableCssPx };
}
