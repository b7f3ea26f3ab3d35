import type { Database, SqlValue } from "../../src/db/database.ts";

// A warehouse filled the way the pipeline stages fill it (two periods of scores, screening, country risk,
// findings), scaled by `suppliers`. `hostile` is put into every free-text field a supplier controls.

export interface SeedOptions {
  suppliers?: number;
  products?: number;
  hostile?: string;
  /** Write the engagement stage's table (default true); false exercises the derived fallback. */
  engagement?: boolean;
}

const METALS = ["Tin", "Tantalum", "Tungsten", "Gold"];
const COUNTRIES = ["CN", "ID", "MY", "RW", "CD", "BR", "US", "DE", "JP", "TH", "RU", "PE"];
const BANDS = ["Low", "Low", "Low", "Medium", "Medium", "High", "Critical"];

export async function seedWarehouse(
  db: Database,
  options: SeedOptions = {},
): Promise<{ supplierIds: string[]; smelterKeys: string[] }> {
  const n = options.suppliers ?? 30;
  const productCount = options.products ?? Math.max(10, Math.round(n / 10));
  const h = options.hostile ?? "";
  const smelterCount = Math.min(400, 20 + n);
  const smelters = Array.from({ length: smelterCount }, (_, i) => {
    const cid = i % 17 === 16 ? null : `CID${String(1000 + i).padStart(6, "0")}`;
    const metal = METALS[i % METALS.length]!;
    return {
      key: cid ?? `unmatched:${metal.toLowerCase()}:smelter ${i}`,
      cid,
      name: `${h}Smelter ${i} ${["Mining", "Refining", "Metals"][i % 3]} Co.`,
      metal,
      iso2: COUNTRIES[(i * 7) % COUNTRIES.length]!,
      status: i % 5 === 0 ? "active" : i % 4 === 0 ? "not-participating" : "conformant",
      sanctions: i === 3 ? "hit" : i === 5 ? "review" : null,
      band: i === 3 ? "Critical" : BANDS[(i * 3) % BANDS.length]!,
    };
  });
  const suppliers = Array.from({ length: n }, (_, i) => ({
    id: `S${String(i + 1).padStart(4, "0")}`,
    name: `${h}Supplier ${i + 1} GmbH`,
    responded: i % 4 !== 3,
  }));
  await db.insertRows(
    "suppliers",
    ["supplier_id", "name", "country", "commodity", "annual_spend", "contact_name", "contact_email", "source", "line"],
    suppliers.map((s, i) => [
      s.id,
      s.name,
      COUNTRIES[i % COUNTRIES.length]!,
      `${h}Capacitors`,
      1000 * i,
      `Jane Contact${i}`,
      `jane${i}@supplier${i}.example`,
      "master.csv",
      i + 2,
    ]),
  );
  await db.insertRows(
    "bom_lines",
    ["product_id", "product_name", "part_number", "part_name", "supplier_id", "source", "line"],
    suppliers.flatMap((s, i) =>
      [0, 1].map(
        (k) =>
          [
            `P${String(((i + k * 3) % productCount) + 1).padStart(3, "0")}`,
            `${h}Product ${((i + k * 3) % productCount) + 1}`,
            `PN-${i}-${k}`,
            `${h}part`,
            s.id,
            "bom.csv",
            i * 2 + k + 2,
          ] as SqlValue[],
      ),
    ),
  );
  await db.insertRows(
    "outreach_events",
    ["supplier_id", "event_date", "channel", "contact", "event", "note", "source", "line"],
    suppliers.map((s, i) => [
      s.id,
      "2026-02-01",
      "email",
      `jane${i}@supplier${i}.example`,
      s.responded ? "response-received" : "requested",
      `${h}note`,
      "log.csv",
      i + 2,
    ]),
  );
  await db.run(
    "INSERT INTO reference_loads (kind, source_file, vintage, row_count, sha256) VALUES ('rmi-lookup-cmrt', '/x/rmi_smelter_lookup_CMRT_6.5.csv', DATE '2025-04-25', 349, 'abc123'), ('ofac-sdn', '/x/ofac_sdn_2024-05-03.csv', DATE '2024-05-03', 17000, 'def456')",
  );
  await db.insertRows(
    "smelter_screening",
    ["cid", "metal", "name", "country_iso2", "decision", "score", "evidence", "hits", "load_ids"],
    smelters
      .filter((s) => s.cid && s.sanctions)
      .map((s) => [
        s.cid,
        s.metal,
        s.name,
        s.iso2,
        s.sanctions,
        0.97,
        `${h}name match`,
        JSON.stringify([
          {
            list: "ofac-sdn",
            id: "12345",
            name: `${h}LISTED METALS`,
            program: "RUSSIA-EO14024",
            score: 0.97,
            reasons: [`${h}same name`],
          },
        ]),
        "[2]",
      ]),
  );
  await db.insertRows(
    "smelter_country_risk",
    [
      "cid",
      "metal",
      "basis",
      "country_iso2",
      "country_name",
      "covered",
      "cahra",
      "child_labour",
      "forced_labour",
      "governance_percentile",
      "factors",
      "source",
    ],
    smelters
      .filter((s) => s.cid)
      .flatMap((s, i) => [
        [
          s.cid,
          s.metal,
          "location",
          s.iso2,
          s.iso2,
          ["CD", "RW"].includes(s.iso2),
          null,
          false,
          false,
          40,
          "[]",
          "wgi",
        ],
        ...(i % 3 === 0
          ? [
              [
                s.cid,
                s.metal,
                "mine",
                "CD",
                "Congo - Kinshasa",
                true,
                "country",
                true,
                false,
                5,
                "[]",
                "dodd-frank",
              ] as SqlValue[],
            ]
          : []),
      ]),
  );
  for (const [period, asOf, shift] of [
    ["2025", "2025-06-30", 1],
    ["2026", "2026-06-30", 0],
  ] as const) {
    const run = await db.one<{ id: number }>(
      "INSERT INTO scoring_runs (period, as_of, model_version, model, reference_vintages) VALUES (?, CAST(? AS DATE), 'v1', ?, ?) RETURNING run_id AS id",
      [
        period,
        asOf,
        JSON.stringify({ version: "v1", bands: { medium: 30, high: 60 } }),
        JSON.stringify({ datasets: [] }),
      ],
    );
    const id = run!.id;
    const links = suppliers
      .filter((s, i) => s.responded && (shift === 0 || i % 3 !== 0))
      .flatMap((s, i) =>
        [0, 1, 2, 3].map((k) => [id, s.id, smelters[(i * 5 + k * 11) % smelters.length]!.key] as SqlValue[]),
      );
    const unique = [...new Map(links.map((l) => [`${l[1]}|${l[2]}`, l])).values()];
    const count = new Map<string, number>();
    for (const l of unique) count.set(String(l[2]), (count.get(String(l[2])) ?? 0) + 1);
    await db.insertRows(
      "smelter_scores",
      [
        "run_id",
        "smelter_key",
        "cid",
        "name",
        "metal",
        "country_iso2",
        "rmi_status",
        "sanctions",
        "score",
        "band",
        "flags",
        "reasons",
        "supplier_count",
      ],
      smelters.map((s, i) => [
        id,
        s.key,
        s.cid,
        s.name,
        s.metal,
        s.iso2,
        s.status,
        s.sanctions,
        { Low: 10, Medium: 40, High: 70, Critical: 100 }[s.band] ?? 0,
        s.band,
        JSON.stringify(s.cid ? [] : ["unmatched"]),
        JSON.stringify([
          { factor: "rmap-status", points: 20 + (i % 10), evidence: `${h}not conformant` },
          ...(s.sanctions === "hit"
            ? [{ factor: "sanctions", points: 0, evidence: `${h}OFAC SDN match`, override: "critical" }]
            : []),
        ]),
        count.get(s.key) ?? 0,
      ]),
    );
    await db.insertRows(
      "supplier_scores",
      ["run_id", "supplier_id", "name", "declaration_id", "responded", "score", "band", "smelter_count", "reasons"],
      suppliers.map((s, i) => [
        id,
        s.id,
        s.name,
        s.responded ? `D${s.id}-${period}` : null,
        s.responded && (shift === 0 || i % 3 !== 0),
        s.responded ? 20 + (i % 60) : null,
        s.responded ? BANDS[i % BANDS.length]! : "Data gap",
        4,
        JSON.stringify([{ factor: "smelters", points: 15, evidence: `${h}high-risk smelter reported` }]),
      ]),
    );
    await db.insertRows("supplier_smelter_links", ["run_id", "supplier_id", "smelter_key"], unique);
    await db.insertRows(
      "product_scores",
      [
        "run_id",
        "product",
        "score",
        "band",
        "coverage",
        "data_gap",
        "suppliers_in_scope",
        "suppliers_answered",
        "reasons",
      ],
      Array.from({ length: productCount }, (_, p) => [
        id,
        `P${String(p + 1).padStart(3, "0")}`,
        30 + (p % 7) * 10,
        BANDS[p % BANDS.length]!,
        0.5 + (p % 5) / 10,
        p % 5 === 0,
        6,
        4,
        JSON.stringify([{ factor: "suppliers", points: 30, evidence: `${h}worst supplier` }]),
      ]),
    );
  }
  const responded = suppliers.filter((s) => s.responded);
  await db.insertRows(
    "declarations",
    [
      "declaration_id",
      "file_hash",
      "file",
      "file_name",
      "template",
      "version",
      "company_name",
      "effective_date",
      "error_count",
      "warning_count",
      "is_current",
    ],
    responded.flatMap((s) =>
      [
        ["2025", "2025-03-01"],
        ["2026", "2026-03-01"],
      ].map(
        ([p, d]) =>
          [
            `D${s.id}-${p}`,
            `h${s.id}${p}`,
            `/inbox/${s.id}.xlsx`,
            `${h}${s.id}-${p}.xlsx`,
            "CMRT",
            "6.5",
            s.name,
            d!,
            0,
            1,
            p === "2026",
          ] as SqlValue[],
      ),
    ),
  );
  await db.insertRows(
    "findings",
    ["declaration_id", "file_hash", "severity", "code", "sheet", "cell", "message"],
    responded.flatMap(
      (s, i) =>
        (i % 2
          ? [
              [
                `D${s.id}-2026`,
                `h${s.id}2026`,
                i % 4 === 1 ? "error" : "warning",
                i % 4 === 1 ? "effective-date-missing" : "smelter-not-listed",
                "Declaration",
                "D19",
                `${h}bad value`,
              ],
            ]
          : []) as SqlValue[][],
    ),
  );
  if (options.engagement !== false) {
    const run = await db.one<{ id: number }>(
      "INSERT INTO engagement_runs (period, as_of, config) VALUES ('2026', DATE '2026-06-30', '{}') RETURNING run_id AS id",
    );
    await db.run("CREATE TEMP TABLE seed_engagement AS SELECT * EXCLUDE (templates) FROM supplier_engagement LIMIT 0");
    await db.insertRows(
      "seed_engagement",
      [
        "run_id",
        "supplier_id",
        "supplier_name",
        "in_scope",
        "scope_rule",
        "reason",
        "status",
        "next_action",
        "overdue",
        "requests",
        "contacts",
        "response_date",
        "usable",
        "error_count",
        "warning_count",
      ],
      suppliers.map(
        (s, i) =>
          [
            run!.id,
            s.id,
            s.name,
            i % 10 !== 9,
            "minerals",
            "3TG commodity",
            s.responded ? "responded" : i % 8 === 3 ? "escalated" : "no-response",
            s.responded ? null : "send-reminder",
            !s.responded,
            1,
            1,
            s.responded ? "2026-03-01" : null,
            s.responded && i % 4 !== 1,
            0,
            0,
          ] as SqlValue[],
      ),
    );
    await db.run("INSERT INTO supplier_engagement BY NAME SELECT *, ['CMRT'] AS templates FROM seed_engagement");
    await db.run("DROP TABLE seed_engagement");
  }
  return { supplierIds: suppliers.map((s) => s.id), smelterKeys: smelters.map((s) => s.key) };
}
