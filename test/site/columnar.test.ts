import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { withDatabase } from "../../src/db/database.ts";
import { columnar, gzipJson, rowsOf, type Columnar } from "../../src/site/data/columnar.ts";
import { productsData, productsPageData } from "../../src/site/data/products-data.ts";
import { suppliersData, suppliersPageData } from "../../src/site/data/suppliers-data.ts";
import { repoRoot } from "../helpers/paths.ts";
import { seedWarehouse } from "./_seed.ts";

interface Client {
  rowsOf(t: Columnar): Record<string, unknown>[];
  loadJson(file: { arrayBuffer(): Promise<ArrayBuffer> }): Promise<unknown>;
}
const client = async () =>
  (await import(pathToFileURL(resolve(repoRoot, "pages/components/columnar.js")).href)) as Client;
const attachment = (bytes: Uint8Array) => ({ arrayBuffer: async () => bytes.slice().buffer });

// Realistic supplier rows: repeated bands, statuses and countries, unique names, scores with more digits than shown.
const BANDS = ["Critical", "High", "Medium", "Low", "Data gap"];
const COUNTRIES = ["China", "Japan", "Germany", "Malaysia", "United States", "Korea, Republic of"];
const suppliers = Array.from({ length: 5000 }, (_, i) => ({
  id: `SUP-${String(i).padStart(4, "0")}`,
  name: `Supplier ${i} <b>"Ltd."</b>`,
  country: i % 17 === 0 ? null : COUNTRIES[i % COUNTRIES.length]!,
  band: BANDS[(i * 7) % BANDS.length]!,
  score: i % 5 === 4 ? null : (((i * 37.123456) % 100) as number | null),
  responded: i % 4 !== 0,
  smelters: (i * 13) % 380,
}));

describe("columnar page data", () => {
  it("round-trips rows, dictionary-encodes repeated text and rounds numbers to what is shown", async () => {
    const table = columnar(suppliers, { round: { score: 1 } });
    expect(table.columns.band, "bands as a dictionary").toMatchObject({ dict: expect.arrayContaining(BANDS) });
    expect(table.columns.country).toHaveProperty("codes");
    expect(Array.isArray(table.columns.name), "unique names stay plain").toBe(true);
    const expected = suppliers.map((s) => ({ ...s, score: s.score === null ? null : Math.round(s.score * 10) / 10 }));
    expect(rowsOf(table)).toEqual(expected);
    expect((await client()).rowsOf(JSON.parse(JSON.stringify(table)))).toEqual(expected);
    const plain = JSON.stringify(suppliers).length;
    const packed = JSON.stringify(table).length;
    expect(packed, `columnar ${packed} B against row objects ${plain} B`).toBeLessThan(plain * 0.6);
  });

  it("reads gzip page data in the browser's way, and plain JSON when a server already inflated it", async () => {
    const { loadJson } = await client();
    const value = { suppliers: columnar(suppliers), note: "ünïcödé <script>" };
    const gz = gzipJson(value);
    expect(gz[0]).toBe(0x1f);
    expect(await loadJson(attachment(gz))).toEqual(JSON.parse(JSON.stringify(value)));
    expect(await loadJson(attachment(gunzipSync(gz)))).toEqual(JSON.parse(JSON.stringify(value)));
    expect(gz.length, "gzip of 5,000 supplier rows").toBeLessThan(JSON.stringify(value).length / 4);
  });

  it("the products and suppliers pages load exactly the rows the query functions compute", async () => {
    await withDatabase(async (db) => {
      await seedWarehouse(db, { suppliers: 40 });
      const { rowsOf: browserRows } = await client();
      const products = (await productsData(db)).products;
      expect(products.length).toBeGreaterThan(0);
      const shownProducts = browserRows(JSON.parse(JSON.stringify((await productsPageData(db)).products)));
      expect(shownProducts).toEqual(
        products.map((p) => ({
          ...p,
          score: Math.round(p.score * 10) / 10,
          coverage: Math.round(p.coverage * 100) / 100,
        })),
      );
      const rows = (await suppliersData(db, { redact: false })).suppliers;
      const page = await suppliersPageData(db);
      expect(browserRows(JSON.parse(JSON.stringify(page.suppliers))).map((s) => s.id)).toEqual(rows.map((s) => s.id));
      expect(browserRows(JSON.parse(JSON.stringify(page.suppliers))).map((s) => s.band)).toEqual(
        rows.map((s) => s.band),
      );
    });
  });
});
