// Percentiles, medians and ratios, the same for every case and server.

/** Two decimals (null stays null). */
export const round = (n: number | null): number | null =>
  n === null ? null : Math.round(n * 100) / 100;

/** Three decimals: a ratio the summary counts as above 1.2 never prints as 1.20. */
export const round3 = (n: number | null): number | null =>
  n === null ? null : Math.round(n * 1000) / 1000;

/** The nearest-rank percentile of an ascending array; null when it is empty. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/** The median of the values that are not null; null when none is. */
export function median(values: readonly (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/** a / b to three decimals; null when either is missing or b is 0. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || !b) return null;
  return round3(a / b);
}

/** p50, p95 and p99 of unsorted samples (sorts a copy). */
export function quantiles(samples: readonly number[]): {
  p50: number | null;
  p95: number | null;
  p99: number | null;
} {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}
