export type Matcher = { name: string; op: '=' | '!=' | '=~' | '!~'; value: string };

export interface RawSeries {
  /** Includes `__name__`. */
  labels: Record<string, string>;
  /** [epoch ms, value], ascending. */
  samples: [number, number][];
}

export function matches(labels: Record<string, string>, m: Matcher): boolean {
  const v = labels[m.name] ?? '';
  switch (m.op) {
    case '=':
      return v === m.value;
    case '!=':
      return v !== m.value;
    case '=~':
      return new RegExp(`^(?:${m.value})$`).test(v);
    case '!~':
      return !new RegExp(`^(?:${m.value})$`).test(v);
  }
}

/** The value an exact `job="…"` matcher asks for, to narrow the SQL before filtering the rest. */
export function exactLabel(matchers: Matcher[], name: string): string | undefined {
  return matchers.find((m) => m.name === name && m.op === '=')?.value;
}
