export type SortDir = 'asc' | 'desc';

/** Sorts rows by one column; nulls last in either direction, ties by the row's label so the order is stable. */
export function sortRows<T>(
  rows: readonly T[],
  value: (row: T) => number | string | null,
  dir: SortDir,
  label: (row: T) => string,
): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? label(a).localeCompare(label(b)) : x === null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c !== 0 ? c * sign : label(a).localeCompare(label(b));
  });
}
