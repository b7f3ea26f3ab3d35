import { performance } from "node:perf_hooks";

/** One benchmark's report: a titled Markdown section with a table of figures. */
export interface BenchSection {
  title: string;
  /** Markdown lines (tables, notes). Figures are ratios against a baseline measured in the same run. */
  lines: string[];
}

export interface BenchOptions {
  /** Smaller inputs for a quick look; the README quotes full runs. */
  quick: boolean;
}

export type Bench = (options: BenchOptions) => Promise<BenchSection>;

/** Times `fn` `runs` times after one warm-up and returns the median in milliseconds. */
export async function medianMs(fn: () => unknown | Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function markdownTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string[] {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(String).join(" | ")} |`),
  ];
}
