// The bench contract. A bench module default-exports a function returning named metrics:
//   bench/node/<name>.bench.ts     runs in Node (pure domain code, the server)
//   bench/browser/<name>.bench.ts  runs in headless Chromium with the real IndexedDB; may import from src/
// bench/run.ts finds them all, prints one table, writes bench/results.json and fails when one is over its budget.

export interface Metric {
  value: number;
  unit: string;
  /** The metric passes when value <= budget. */
  budget?: number;
  /** What the number is compared with (a raw IndexedDB baseline, a peer), for the table. */
  note?: string;
}

export type Metrics = Record<string, Metric>;

export type Bench = () => Promise<Metrics>;

/** The metrics over their budget, by name; a metric without a budget never is. bench/run.ts exits 1 if any. */
export function overBudget(metrics: Metrics): string[] {
  return Object.entries(metrics)
    .filter(([, m]) => m.budget !== undefined && m.value > m.budget)
    .map(([name]) => name);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
