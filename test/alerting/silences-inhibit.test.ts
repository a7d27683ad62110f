import { describe, expect, it } from 'vitest';
import { buildInhibitRules, isInhibited, SilenceStore, silenceState } from '@/lib/alerting';

const T = Date.UTC(2026, 0, 1);
const m = (name: string, value: string, isRegex = false, isEqual = true) => ({ name, value, isRegex, isEqual });

describe('silences', () => {
  it.each([
    [[m('alertname', 'Down')], { alertname: 'Down', job: 'x' }, true],
    [[m('alertname', 'Down'), m('job', 'y')], { alertname: 'Down', job: 'x' }, false],
    [[m('job', 'x|y', true)], { alertname: 'Down', job: 'x' }, true],
    [[m('job', 'x', true)], { alertname: 'Down', job: 'xx' }, false],
    [[m('alertname', 'Down'), m('job', 'x', false, false)], { alertname: 'Down', job: 'x' }, false],
    [[m('alertname', 'Down'), m('severity', 'crit.*', true, false)], { alertname: 'Down', severity: 'warning' }, true],
  ] as const)('%j silences %j: %s', (matchers, labels, want) => {
    const store = new SilenceStore();
    store.create(
      { matchers: [...matchers], startsAt: T, endsAt: T + 60_000, createdBy: 'ann', comment: 'maintenance' },
      T,
    );
    expect(store.silencedBy(labels, T + 1).length > 0).toBe(want);
  });

  it('is active only between starts_at and ends_at; expire ends it now', () => {
    const store = new SilenceStore();
    const s = store.create(
      { matchers: [m('a', 'b')], startsAt: T + 10_000, endsAt: T + 60_000, createdBy: 'c', comment: '' },
      T,
    );
    expect(silenceState(s, T)).toBe('pending');
    expect(store.silencedBy({ a: 'b' }, T + 10_000)).toEqual([s.id]);
    expect(store.silencedBy({ a: 'b' }, T + 60_000)).toEqual([]);
    store.expire(s.id, T + 20_000);
    expect(store.silencedBy({ a: 'b' }, T + 30_000)).toEqual([]);
    expect(new SilenceStore(JSON.parse(JSON.stringify(store.toJSON()))).list()[0].endsAt).toBe(T + 20_000);
  });

  it.each([
    [[], /at least one matcher/],
    [[m('a', '', false)], /must not all match the empty string/],
    [[m('a', '(', true)], /invalid regular expression/],
  ])('rejects %j', (matchers, err) => {
    expect(() =>
      new SilenceStore().create({ matchers, startsAt: T, endsAt: T + 1000, createdBy: '', comment: '' }, T),
    ).toThrow(err);
  });

  it('rejects an end in the past or before the start', () => {
    const store = new SilenceStore();
    expect(() =>
      store.create({ matchers: [m('a', 'b')], startsAt: T, endsAt: T - 1, createdBy: '', comment: '' }, T),
    ).toThrow(/after starts_at/);
    expect(() =>
      store.create({ matchers: [m('a', 'b')], startsAt: T - 5000, endsAt: T - 1000, createdBy: '', comment: '' }, T),
    ).toThrow(/in the future/);
  });
});

describe('inhibit rules', () => {
  const rules = buildInhibitRules([
    { source_matchers: ['severity="critical"'], target_match: { severity: 'warning' }, equal: ['job', 'instance'] },
    { source_match: { alertname: 'Flap' }, target_match_re: { alertname: 'Flap' }, equal: [] },
  ]);
  const crit = { alertname: 'Down', severity: 'critical', job: 'x' };

  it.each([
    ['same job, both without instance', { alertname: 'Slow', severity: 'warning', job: 'x' }, [crit], true],
    ['different job', { alertname: 'Slow', severity: 'warning', job: 'y' }, [crit], false],
    [
      'target has an instance the source lacks',
      { alertname: 'Slow', severity: 'warning', job: 'x', instance: 'i' },
      [crit],
      false,
    ],
    ['not a target', { alertname: 'Slow', severity: 'info', job: 'x' }, [crit], false],
    ['no firing source', { alertname: 'Slow', severity: 'warning', job: 'x' }, [], false],
    [
      'an alert matching both sides does not inhibit itself',
      { alertname: 'Flap', a: '1' },
      [{ alertname: 'Flap', a: '1' }],
      false,
    ],
    ['nor another that matches both sides', { alertname: 'Flap', a: '1' }, [{ alertname: 'Flap', a: '2' }], false],
  ])('%s', (_name, target, firing, want) => expect(isInhibited(rules, target, firing)).toBe(want));
});
