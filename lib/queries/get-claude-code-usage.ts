import type { Db } from '@/lib/db/connection';

/** Claude Code's OTLP counters under their Prometheus names (docs/api.md#claude-code-usage). */
export const CLAUDE_TOKENS = 'claude_code_token_usage_tokens_total';
export const CLAUDE_COST = 'claude_code_cost_usage_USD_total';

export type ClaudeUsageRow = {
  user: string;
  model: string;
  input: number;
  output: number;
  cache_read: number;
  cache_creation: number;
  cost_usd: number;
};

export type ClaudeUsage = {
  step_ms: number;
  /** Tokens per step by type (input, output, cacheRead, cacheCreation). */
  tokens: { key: string; points: [number, number][] }[];
  /** Cost in USD per step by user. */
  cost: { key: string; points: [number, number][] }[];
  /** Totals over the range per user and model, most expensive first. */
  rows: ClaudeUsageRow[];
};

const TYPE_COLUMN: Record<string, keyof ClaudeUsageRow> = {
  input: 'input',
  output: 'output',
  cacheRead: 'cache_read',
  cacheCreation: 'cache_creation',
};

/**
 * Tokens and cost in [from, to): each series' increases between samples (a drop is a restart, counted
 * from zero), bucketed by step. A series first seen in the range counts from zero, as Claude Code's
 * counters start with each session.
 */
export function getClaudeCodeUsage(db: Db, from: number, to: number, stepMs: number): ClaudeUsage {
  const series = db
    .prepare(`SELECT id, name, labels FROM otlp_series WHERE name IN (?, ?)`)
    .all(CLAUDE_TOKENS, CLAUDE_COST) as { id: number; name: string; labels: string }[];
  const before = db
    .prepare('SELECT value FROM otlp_samples WHERE series_id = ? AND ts < ? ORDER BY ts DESC LIMIT 1')
    .pluck();
  const samples = db
    .prepare('SELECT ts, value FROM otlp_samples WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts')
    .raw();
  const tokens = new Map<string, Map<number, number>>();
  const cost = new Map<string, Map<number, number>>();
  const rows = new Map<string, ClaudeUsageRow>();
  const add = (into: Map<string, Map<number, number>>, key: string, t: number, v: number) => {
    let m = into.get(key);
    if (!m) into.set(key, (m = new Map()));
    m.set(t, (m.get(t) ?? 0) + v);
  };
  for (const s of series) {
    const labels = JSON.parse(s.labels) as Record<string, string>;
    const user = labels.user_email ?? labels.user_account_uuid ?? labels.user_id ?? '';
    const model = labels.model ?? '';
    const rowKey = `${user}\u0000${model}`;
    let row = rows.get(rowKey);
    if (!row) {
      row = { user, model, input: 0, output: 0, cache_read: 0, cache_creation: 0, cost_usd: 0 };
      rows.set(rowKey, row);
    }
    let prev = (before.get(s.id, from) as number | undefined) ?? 0;
    for (const [ts, value] of samples.all(s.id, from, to) as [number, number][]) {
      const inc = value >= prev ? value - prev : value;
      prev = value;
      if (inc === 0) continue;
      const t = from + Math.floor((ts - from) / stepMs) * stepMs;
      if (s.name === CLAUDE_COST) {
        add(cost, user, t, inc);
        row.cost_usd += inc;
      } else {
        const type = labels.type ?? '';
        add(tokens, type, t, inc);
        const col = TYPE_COLUMN[type];
        if (col) (row[col] as number) += inc;
      }
    }
  }
  const toSeries = (m: Map<string, Map<number, number>>) =>
    [...m]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, points]) => ({ key, points: [...points].sort((a, b) => a[0] - b[0]) }));
  return {
    step_ms: stepMs,
    tokens: toSeries(tokens),
    cost: toSeries(cost),
    rows: [...rows.values()]
      .filter((r) => r.cost_usd || r.input || r.output || r.cache_read || r.cache_creation)
      .sort((a, b) => b.cost_usd - a.cost_usd || b.input + b.output - (a.input + a.output)),
  };
}
