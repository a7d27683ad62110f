/** Dollars for people: cents above $1, more digits below so small spend is not shown as $0.00; null is "unknown". */
export function formatUsd(v: number | null | undefined): string {
  if (v === null || v === undefined) return 'unknown';
  if (v === 0) return '$0';
  if (Math.abs(v) >= 1) return `$${v.toFixed(2)}`;
  if (Math.abs(v) >= 0.01) return `$${v.toFixed(3)}`;
  return `$${v.toFixed(5)}`;
}
