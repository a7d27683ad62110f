import { describe, expect, it } from 'vitest';
import { layoutBars } from '@/components/alerts/timeline-layout';
import { firingAt, firingBands } from '@/components/charts/firing-bands';
import { pruneOnce } from '@/lib/engine/retention';
import { buildPeriods, type HistoryRow } from '@/lib/queries/alert-periods';
import { recordTransitions } from '@/lib/rules/alert-history-store';
import { type AlertSnapshot, diffAlerts } from '@/lib/rules/alert-transitions';
import { makeLookout } from '../helpers/lookout';

const snap = (...alerts: [string, 'pending' | 'firing', number][]): AlertSnapshot =>
  new Map(alerts.map(([fp, state, value]) => [fp, { name: `A${fp}`, labels: { alertname: `A${fp}` }, state, value }]));

describe('alert transitions', () => {
  it.each([
    ['a new alert is pending', snap(), snap(['1', 'pending', 5]), [['1', 'pending', 5]]],
    ['for: 0 fires at once', snap(), snap(['1', 'firing', 5]), [['1', 'firing', 5]]],
    ['pending moves on to firing', snap(['1', 'pending', 5]), snap(['1', 'firing', 6]), [['1', 'firing', 6]]],
    ['no change, no record', snap(['1', 'firing', 5]), snap(['1', 'firing', 7]), []],
    [
      'gone is resolved, with its last value',
      snap(['1', 'firing', 5], ['2', 'pending', 1]),
      snap(['2', 'pending', 1]),
      [['1', 'resolved', 5]],
    ],
  ])('%s', (_name, prev, next, want) => {
    expect(diffAlerts(prev, next, 1000).map((t) => [t.fingerprint, t.state, t.value])).toEqual(want);
  });
});

describe('alert periods', () => {
  const row = (ts: number, fp: string, state: HistoryRow['state']): HistoryRow => ({
    ts,
    fingerprint: fp,
    name: `A${fp}`,
    state,
    labels: '{"alertname":"A"}',
    value: 1,
  });
  it('turns transitions into pending and firing periods, open ones with a null end', () => {
    const rows = [
      row(10, 'x', 'pending'),
      row(20, 'x', 'firing'),
      row(30, 'x', 'resolved'),
      row(40, 'y', 'firing'),
      row(50, 'x', 'pending'),
    ];
    const out = buildPeriods(rows, 0, 100);
    expect(out.map((a) => [a.fingerprint, a.periods.map((p) => [p.state, p.start, p.end])])).toEqual([
      [
        'x',
        [
          ['pending', 10, 20],
          ['firing', 20, 30],
          ['pending', 50, null],
        ],
      ],
      ['y', [['firing', 40, null]]],
    ]);
  });
  it('keeps only periods that overlap the range', () => {
    const rows = [
      row(10, 'x', 'firing'),
      row(20, 'x', 'resolved'),
      row(30, 'y', 'firing'),
      row(90, 'y', 'resolved'),
      row(95, 'z', 'firing'),
    ];
    expect(buildPeriods(rows, 25, 60).map((a) => a.fingerprint)).toEqual(['y']);
  });
});

describe('alert history storage', () => {
  it('is pruned by retention like the notification log', async () => {
    const ctx = makeLookout({ config: 'retention: { rollups: 1d }' });
    try {
      const now = ctx.clock.now();
      const t = { fingerprint: 'f', name: 'A', labels: { alertname: 'A' }, value: Number.NaN };
      recordTransitions(ctx.lookout.db, [
        { ...t, ts: now - 2 * 86_400_000, state: 'firing' },
        { ...t, ts: now - 3_600_000, state: 'resolved' },
      ]);
      const deleted = await pruneOnce(ctx.lookout.db, now, ctx.lookout.settings);
      expect(deleted.alert_history).toBe(1);
      expect(ctx.lookout.db.prepare('SELECT state, value FROM alert_history').all()).toEqual([
        { state: 'resolved', value: null },
      ]);
    } finally {
      await ctx.close();
    }
  });
});

describe('firing bands and timeline bars', () => {
  const iso = (ms: number) => new Date(ms).toISOString();
  const entry = (name: string, periods: [string, number, number | null][]) => ({
    name,
    labels: { alertname: name },
    periods: periods.map(([state, s, e]) => ({
      state: state as 'pending' | 'firing',
      start: iso(s),
      end: e === null ? null : iso(e),
      value: 1,
    })),
  });

  it('merges overlapping firing periods of all alerts, clipped to the range, ignoring pending', () => {
    const history = [
      entry('A', [
        ['pending', 0, 10_000],
        ['firing', 10_000, 40_000],
        ['firing', 90_000, null],
      ]),
      entry('B', [
        ['firing', 30_000, 50_000],
        ['pending', 60_000, 70_000],
      ]),
    ];
    const bands = firingBands(history, 20_000, 100_000, 95_000);
    expect(bands).toEqual([
      { x1: 20_000, x2: 50_000, names: ['A', 'B'] },
      { x1: 90_000, x2: 95_000, names: ['A'] },
    ]);
    expect(firingAt(bands, 45_000)).toEqual(['A', 'B']);
    expect(firingAt(bands, 70_000)).toEqual([]);
    expect(firingBands(undefined, 0, 1, 1)).toEqual([]);
  });

  it('places bars on the track in percent, with a visible minimum width', () => {
    const [a] = [
      entry('A', [
        ['pending', 0, 10_000],
        ['firing', 10_000, null],
        ['firing', -50_000, -40_000],
      ]),
    ];
    const bars = layoutBars(a.periods, 0, 100_000, 60_000);
    expect(bars.map((b) => [b.state, b.leftPct, b.widthPct, b.ongoing])).toEqual([
      ['pending', 0, 10, false],
      ['firing', 10, 50, true],
    ]);
    expect(
      layoutBars([{ state: 'firing', start: iso(50_000), end: iso(50_001), value: null }], 0, 100_000, 0)[0].widthPct,
    ).toBe(0.5);
    const justBegun = layoutBars(
      [{ state: 'firing', start: iso(99_990), end: null, value: 0 }],
      0,
      100_000,
      100_000,
    )[0];
    expect([justBegun.leftPct, justBegun.widthPct]).toEqual([99.5, 0.5]);
  });
});
