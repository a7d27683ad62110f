import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import { pruneOnce } from '@/lib/engine/retention';
import { SampleStore } from '@/lib/system/sample-store';
import { makeLookout } from '../helpers/lookout';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

const DAY = 86_400_000;

describe('retention of system samples', () => {
  it('keeps a week of samples (at most the checks retention) and drops older ones in batches', async () => {
    const clock = new FakeClock(Date.UTC(2026, 2, 1));
    const h = makeLookout({ clock, config: 'retention: { checks: 30d }\n' });
    close = h.close;
    const store = new SampleStore(h.lookout.db);
    const now = clock.now();
    for (let d = 0; d < 12; d++) store.write(now - d * DAY, [{ name: 'node_load1', labels: {}, value: d }]);
    const deleted = await pruneOnce(h.lookout.db, now, h.lookout.settings, 2);
    expect(deleted.system_samples).toBe(3); // days 9, 10 and 11
    const left = h.lookout.db.prepare('SELECT value FROM system_samples ORDER BY ts').pluck().all();
    expect(left).toEqual([8, 7, 6, 5, 4, 3, 2, 1, 0]);

    h.lookout.settings = { ...h.lookout.settings, retention: { ...h.lookout.settings.retention, checksMs: 2 * DAY } };
    await pruneOnce(h.lookout.db, now, h.lookout.settings);
    expect(h.lookout.db.prepare('SELECT value FROM system_samples ORDER BY ts').pluck().all()).toEqual([2, 1, 0]);
  });
});
