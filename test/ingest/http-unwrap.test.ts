import { describe, expect, it } from 'vitest';
import * as logs from '@/app/api/v1/logs/route';
import { FakeClock } from '@/lib/clock';
import { ADMIN, lookoutPerTest } from '../helpers/lookout';

const start = lookoutPerTest();
const NOW = Date.UTC(2026, 4, 1, 12);

describe('POST /api/v1/logs with container-wrapped lines', () => {
  it('unwraps Docker, CRI and compose lines and joins a split Docker line, keeping stream and container', async () => {
    const ctx = start({ clock: new FakeClock(NOW) });
    const body = [
      JSON.stringify({ log: 'first half, ', stream: 'stdout', time: '2026-05-01T11:00:00.25Z' }),
      JSON.stringify({ log: 'second half\n', stream: 'stdout', time: '2026-05-01T11:00:00.26Z' }),
      '2026-05-01T11:00:01.5Z stderr F {"level":"error","msg":"db down","time":"2026-05-01T11:00:01Z"}',
      'api-1  | 2026-05-01 11:00:02,000 - api - WARNING - slow query',
    ].join('\n');
    const res = await logs.POST(
      new Request('http://127.0.0.1/api/v1/logs?source=pods', {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/x-ndjson' },
        body,
      }),
    );
    expect(await res.json()).toMatchObject({ accepted: 3, rejected: 0 });
    const rows = ctx.lookout.readDb.prepare('SELECT ts, level, message, fields FROM logs ORDER BY id').all() as {
      ts: number;
      level: string | null;
      message: string;
      fields: string;
    }[];
    expect(rows.map((r) => ({ ...r, fields: JSON.parse(r.fields) }))).toEqual([
      {
        ts: Date.UTC(2026, 4, 1, 11, 0, 0, 250),
        level: null,
        message: 'first half, second half',
        fields: { stream: 'stdout' },
      },
      {
        ts: Date.UTC(2026, 4, 1, 11, 0, 1),
        level: 'error',
        message: 'db down',
        fields: { level: 'error', msg: 'db down', time: '2026-05-01T11:00:01Z', stream: 'stderr' },
      },
      {
        ts: Date.UTC(2026, 4, 1, 11, 0, 2),
        level: 'warn',
        message: '2026-05-01 11:00:02,000 - api - WARNING - slow query',
        fields: expect.objectContaining({ container: 'api-1' }),
      },
    ]);
  });
});
