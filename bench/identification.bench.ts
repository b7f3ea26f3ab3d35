import { identify } from "../src/matching/identify.ts";
import { markdownTable, type Bench } from "./harness.ts";
import { generateCases, type GeneratedCase } from "./identification-generator.ts";
import { matchingFixture } from "./matching.bench.ts";

export interface KindResult {
  kind: string;
  n: number;
  positive: boolean;
  /** Positives: top-1 matched to the right CID. Negatives: assigned to any CID (wrong). */
  rate: number;
  ambiguous: number;
  misses: { c: GeneratedCase; got: string | null; decision: string }[];
}

export function evaluateKinds(
  cases: readonly GeneratedCase[],
  run: (c: GeneratedCase) => { decision: string; matches: { cid: string }[] },
): KindResult[] {
  const by = new Map<string, GeneratedCase[]>();
  for (const c of cases) by.set(c.kind, [...(by.get(c.kind) ?? []), c]);
  return [...by].map(([kind, list]) => {
    let hit = 0,
      ambiguous = 0;
    const misses: KindResult["misses"] = [];
    for (const c of list) {
      const r = run(c);
      const top = r.decision === "matched" ? (r.matches[0]?.cid ?? null) : null;
      if (r.decision === "ambiguous") ambiguous++;
      const ok = c.cid ? top === c.cid : top === null;
      if (c.cid ? ok : !ok) hit++;
      if (!ok) misses.push({ c, got: top, decision: r.decision });
    }
    return {
      kind,
      n: list.length,
      positive: list[0]!.cid !== null,
      rate: hit / list.length,
      ambiguous: ambiguous / list.length,
      misses,
    };
  });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

// Seed 11 was looked at while improving the matcher; seed 12 is held out.
export const bench: Bench = async ({ quick }) => {
  const { index } = await matchingFixture();
  const lines: string[] = [
    "Names from an independent seeded generator (bench/identification-generator.ts: its own tables of local legal forms, metal spellings and abbreviations; historical names from older look-ups), identified against the shipped reference of every vintage.",
    "",
  ];
  for (const [seed, role] of [
    [11, "looked at"],
    [12, "held out"],
  ] as const) {
    const cases = generateCases(seed, quick ? 480 : 1400, quick ? 200 : 600);
    const results = evaluateKinds(cases, (c) => identify(index, c));
    const pos = results.filter((r) => r.positive);
    const neg = results.filter((r) => !r.positive);
    const posN = pos.reduce((n, r) => n + r.n, 0);
    const negN = neg.reduce((n, r) => n + r.n, 0);
    const top1 = pos.reduce((n, r) => n + r.rate * r.n, 0) / posN;
    const wrong = neg.reduce((n, r) => n + r.rate * r.n, 0);
    lines.push(
      `Seed ${seed} (${role}): top-1 ${pct(top1)} on ${posN} positives; ${Math.round(wrong)} wrong assignments on ${negN} negatives.`,
      "",
    );
    lines.push(
      ...markdownTable(
        ["kind", "cases", "top-1 (positives) / wrong assignment (negatives)", "ambiguous"],
        results.map((r) => [r.kind, r.n, r.positive ? pct(r.rate) : `${pct(r.rate)} wrong`, pct(r.ambiguous)]),
      ),
      "",
    );
    if (process.env.ASSAY_BENCH_MISSES)
      for (const r of results)
        for (const m of r.misses.slice(0, 12))
          console.error(
            seed,
            r.kind,
            JSON.stringify(m.c.name),
            m.c.metal,
            m.c.cid,
            "→",
            m.decision,
            m.got,
            JSON.stringify(
              identify(index, m.c)
                .matches.slice(0, 2)
                .map((x) => [x.cid, x.name, x.score]),
            ),
          );
  }
  return { title: "Smelter identification on an independent generator (per perturbation kind)", lines };
};
