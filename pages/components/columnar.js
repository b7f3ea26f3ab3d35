// Reads the page data the loaders write (src/site/data/columnar.ts): gzip-compressed JSON, with tables sent
// one array per column and repeated text as a dictionary. A server that already decoded the gzip is fine too.

/** The JSON value of a FileAttachment, inflating it when its bytes are gzip. */
export async function loadJson(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return JSON.parse(await new Response(stream).text());
  }
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** Row objects from a columnar table {length, columns}. */
export function rowsOf(table) {
  if (!table) return [];
  const names = Object.keys(table.columns);
  const cols = names.map((n) => {
    const c = table.columns[n];
    return Array.isArray(c) ? c : c.codes.map((i) => (i === null ? null : c.dict[i]));
  });
  const rows = new Array(table.length);
  for (let i = 0; i < table.length; i++) {
    const row = {};
    for (let j = 0; j < names.length; j++) row[names[j]] = cols[j][i] ?? null;
    rows[i] = row;
  }
  return rows;
}
