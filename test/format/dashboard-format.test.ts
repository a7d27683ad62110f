import { describe, expect, it } from 'vitest';
import { describeChange } from '@/lib/format/change';
import { logsHref, termFor } from '@/lib/format/drill';
import { formatRate, formatRatio } from '@/lib/format/number';
import { seriesColor, statusColor } from '@/lib/format/palette';
import { sortRows } from '@/lib/format/sort';
import { previousRange, resolveRange } from '@/lib/time/range';

const NOW = Date.parse('2026-11-27T12:00:00Z');

describe('describeChange', () => {
  it('gives counts a relative change and rates a change in points', () => {
    expect(describeChange(120, 100)).toEqual({ text: '+20 %', direction: 'up' });
    expect(describeChange(95, 100)).toEqual({ text: '−5 %', direction: 'down' });
    expect(describeChange(5, 0)).toEqual({ text: '+5', direction: 'up' });
    expect(describeChange(0, 0)).toEqual({ text: 'no change', direction: 'flat' });
    expect(describeChange(0.05, 0.02, 'points')).toEqual({ text: '+3 pp', direction: 'up' });
    expect(describeChange(null, 3)).toBeNull();
  });
});

describe('previousRange', () => {
  it('keeps a relative window relative, so its key does not change every render', () => {
    expect(previousRange({ from: 'now-1h', to: 'now' }, NOW)).toEqual({ from: 'now-7200000ms', to: 'now-3600000ms' });
    const prev = previousRange({ from: 'now-1h', to: 'now' }, NOW);
    expect(resolveRange(prev, NOW)).toEqual({ from: NOW - 7_200_000, to: NOW - 3_600_000 });
  });
  it('shifts an absolute window back by its length', () => {
    expect(previousRange({ from: String(NOW - 1000), to: String(NOW) }, NOW)).toEqual({
      from: String(NOW - 2000),
      to: String(NOW - 1000),
    });
  });
});

describe('drill-down links', () => {
  it('quotes values the query language would split', () => {
    expect(termFor('provider', 'groq')).toBe('provider:groq');
    expect(termFor('model', 'moonshotai/kimi-k2-instruct')).toBe('model:moonshotai/kimi-k2-instruct');
    expect(termFor('model', 'my model')).toBe('model:"my model"');
    expect(termFor('status', 'none')).toBe('');
    expect(logsHref({ from: 1, to: 2, q: 'status:>=500' })).toBe('/logs?from=1&to=2&q=status%3A%3E%3D500');
  });
});

describe('numbers and colours', () => {
  it('formats ratios and rates for humans', () => {
    expect(formatRatio(0)).toBe('0 %');
    expect(formatRatio(0.0004)).toBe('<0.1 %');
    expect(formatRatio(0.0512)).toBe('5.1 %');
    expect(formatRatio(0.37)).toBe('37 %');
    expect(formatRate(0.0667)).toBe('0.07/s');
    expect(formatRate(1234)).toBe('1.2k/s');
  });
  it('colours statuses by meaning and providers stably', () => {
    expect(statusColor('200')).toBe('var(--up)');
    expect(statusColor('429')).toBe('var(--pending)');
    expect(statusColor('502')).toBe('var(--down)');
    expect(statusColor('none')).toBe('var(--down)');
    expect(seriesColor('groq')).toBe(seriesColor('Groq'));
  });
  it('sorts with nulls last and ties by label', () => {
    const rows = [
      { n: 'a', v: 2 },
      { n: 'b', v: null },
      { n: 'c', v: 5 },
      { n: 'd', v: 2 },
    ];
    const names = (dir: 'asc' | 'desc') =>
      sortRows(
        rows,
        (r) => r.v,
        dir,
        (r) => r.n,
      ).map((r) => r.n);
    expect(names('desc')).toEqual(['c', 'a', 'd', 'b']);
    expect(names('asc')).toEqual(['a', 'd', 'c', 'b']);
  });
});
