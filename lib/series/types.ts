import type { Matcher } from '@/lib/rules/series-source';

export type { Matcher, RawSeries } from '@/lib/rules/series-source';

/** The value an exact matcher asks for (`job="…"`), to narrow the SQL before the rest are applied. */
export function exactLabel(matchers: Matcher[], name: string): string | undefined {
  return matchers.find((m) => m.name === name && m.op === '=')?.value;
}
