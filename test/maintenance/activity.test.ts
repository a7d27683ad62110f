import { describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import { isWindowActive, windowFor, windowState } from '@/lib/maintenance/activity';
import { maintenanceInputSchema, normalizeMaintenance } from '@/lib/maintenance/window-schema';

const at = (iso: string) => Date.parse(iso);
const win = (body: Record<string, unknown>) =>
  normalizeMaintenance(maintenanceInputSchema.parse({ name: 'w', targets: ['api'], ...body }));

describe('maintenance window activity', () => {
  it('a one-off window is on in [starts_at, ends_at) and only for its targets', () => {
    const clock = new FakeClock(at('2026-12-05T21:59:59Z'));
    const w = win({ starts_at: '2026-12-05T22:00:00Z', duration: '2h' });
    expect(w.endsAt).toBe(at('2026-12-06T00:00:00Z'));
    expect(windowState(w, clock.now())).toBe('upcoming');
    clock.advance(1_000);
    expect(isWindowActive(w, clock.now())).toBe(true);
    expect(windowFor([w], 'api', clock.now())).toBe(w);
    expect(windowFor([w], 'db', clock.now())).toBeNull();
    clock.advance(2 * 3_600_000 - 1);
    expect(windowState(w, clock.now())).toBe('active');
    clock.advance(1);
    expect(windowState(w, clock.now())).toBe('past');
  });

  it('"all" covers every target', () => {
    const w = win({ targets: 'all', starts_at: '2026-12-05T22:00:00Z', ends_at: '2026-12-05T23:00:00Z' });
    expect(windowFor([w], 'anything', at('2026-12-05T22:30:00Z'))).toBe(w);
  });

  it('a recurring window follows its time_intervals in their location, across a DST change', () => {
    // Sundays 02:00–04:00 in Berlin: 01:00–03:00 UTC in winter, 00:00–02:00 UTC in summer.
    const w = win({
      time_intervals: [
        { weekdays: ['sunday'], times: [{ start_time: '02:00', end_time: '04:00' }], location: 'Europe/Berlin' },
      ],
      ends_at: '2026-12-31T00:00:00Z',
    });
    const clock = new FakeClock(at('2026-03-22T00:59:00Z'));
    expect(windowState(w, clock.now())).toBe('scheduled');
    clock.advance(60_000);
    expect(windowState(w, clock.now())).toBe('active');
    clock.advance(2 * 3_600_000);
    expect(isWindowActive(w, clock.now())).toBe(false);
    // After 29 March Berlin is UTC+2.
    expect(isWindowActive(w, at('2026-04-05T00:00:00Z'))).toBe(true);
    expect(isWindowActive(w, at('2026-04-05T02:00:00Z'))).toBe(false);
    expect(isWindowActive(w, at('2026-04-06T00:30:00Z'))).toBe(false); // a Monday
    expect(windowState(w, at('2027-01-03T01:30:00Z'))).toBe('past');
  });

  it('refuses what cannot be a window, naming the field', () => {
    const issues = (body: Record<string, unknown>) => {
      const r = maintenanceInputSchema.safeParse({ name: 'w', targets: ['api'], ...body });
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(issues({ starts_at: '2026-12-05T22:00:00Z' })).toEqual(['ends_at']);
    expect(issues({ ends_at: '2026-12-05T22:00:00Z' })).toEqual(['starts_at']);
    expect(issues({ starts_at: '2026-12-05T22:00:00Z', ends_at: '2026-12-05T21:00:00Z' })).toEqual(['ends_at']);
    expect(issues({ starts_at: 'tomorrow', duration: '1h' })).toEqual(['starts_at']);
    expect(issues({ starts_at: '2026-12-05T22:00:00Z', duration: '1h', ends_at: '2026-12-06T22:00:00Z' })).toEqual([
      'duration',
    ]);
    expect(issues({ time_intervals: [{ weekdays: ['funday'] }] })).toEqual(['time_intervals.0.weekdays']);
    expect(issues({ time_intervals: [{ location: 'Mars/Olympus' }] })).toEqual(['time_intervals.0.location']);
    expect(issues({ targets: [], starts_at: 0, duration: '1h' })).toEqual(['targets']);
    expect(issues({ time_intervals: [{ weekdays: ['saturday'] }] })).toEqual([]);
  });
});
