import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as detection from '@/app/api/v1/sources/[id]/detection/route';
import * as sources from '@/app/api/v1/sources/route';
import * as routes from '@/app/api/v1/stats/routes/route';
import { FakeClock } from '@/lib/clock';
import { exactQuantile } from '@/lib/stats/histogram';
import { call, lookoutPerTest } from '../helpers/lookout';

const start = lookoutPerTest();
const NOW = Date.UTC(2026, 2, 10, 12);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');
const clf = (ms: number) => {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
};

interface Req {
  ts: number;
  method: string;
  route: string;
  status: number;
  ms: number;
}

type RouteRow = {
  method: string | null;
  route: string;
  requests: number;
  errors: number;
  error_rate: number;
  client_errors: number;
  p95_ms: number | null;
};

/** Three hours of nginx traffic over paths with numeric, UUID and hex ids, one request every 7.3 s. */
function traffic(): { lines: string[]; reqs: Req[] } {
  const lines: string[] = [];
  const reqs: Req[] = [];
  for (let i = 0, ts = NOW - 3 * 3_600_000; ts < NOW - 60_000; i++, ts += 7_300) {
    const kind = i % 4;
    const [method, pathname, route] =
      kind === 0
        ? ['GET', `/users/${1000 + (i % 97)}?tab=orders`, '/users/:id']
        : kind === 1
          ? ['POST', `/orders/${crypto.randomUUID()}/items`, '/orders/:id/items']
          : kind === 2
            ? ['GET', `/blobs/${(0x9f000000 + i).toString(16)}`, '/blobs/:id']
            : ['GET', '/health', '/health'];
    const status = i % 13 === 0 ? 502 : i % 7 === 0 ? 404 : 200;
    const ms = 2 + ((i * 7919) % 1800);
    reqs.push({ ts: Math.floor(ts / 1000) * 1000, method, route, status, ms });
    lines.push(
      `10.1.${i % 9}.${i % 200} - - [${clf(ts)}] "${method} ${pathname} HTTP/1.1" ${status} ${100 + i} "-" "k6/0.49" ${(ms / 1000).toFixed(3)}`,
    );
  }
  return { lines, reqs };
}

describe('GET /api/v1/stats/routes', () => {
  it('templates paths into routes and matches the raw counts, error rate and p95 over an unaligned window', async () => {
    const ctx = start({ clock: new FakeClock(NOW) });
    const { lines, reqs } = traffic();
    const file = path.join(ctx.dir, 'access.log');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    await call(sources.POST, '/api/v1/sources', { method: 'POST', body: { name: 'nginx', path: file } });
    await ctx.lookout.ingest.pollAll();

    const from = NOW - 2 * 3_600_000 - 17_123;
    const to = NOW - 1_234_567;
    const res = await call(routes.GET, `/api/v1/stats/routes?from=${from}&to=${to}&source=nginx`);
    expect(res.status).toBe(200);
    const rows = (res.body as { data: RouteRow[] }).data;
    const inWindow = reqs.filter((r) => r.ts >= from && r.ts < to);
    const keys = [...new Set(inWindow.map((r) => `${r.method} ${r.route}`))];
    expect(rows.map((r) => `${r.method} ${r.route}`).sort()).toEqual(keys.sort());
    for (const row of rows) {
      const mine = inWindow.filter((r) => r.method === row.method && r.route === row.route);
      const errors = mine.filter((r) => r.status >= 500).length;
      expect(row.requests).toBe(mine.length);
      expect(row.errors).toBe(errors);
      expect(row.client_errors).toBe(mine.filter((r) => r.status >= 400 && r.status < 500).length);
      expect(row.error_rate).toBeCloseTo(errors / mine.length, 10);
      const exact = exactQuantile(
        mine.map((r) => r.ms),
        0.95,
      )!;
      expect(Math.abs(row.p95_ms! - exact) / exact).toBeLessThanOrEqual(0.05);
    }
    expect(rows.map((r) => r.requests)).toEqual([...rows.map((r) => r.requests)].sort((a, b) => b - a));
    const one = await call(routes.GET, `/api/v1/stats/routes?from=${from}&to=${to}&limit=1`);
    expect((one.body as { data: RouteRow[] }).data).toHaveLength(1);
    expect((await call(routes.GET, '/api/v1/stats/routes?limit=0')).status).toBe(400);
  });
});

describe('GET /api/v1/sources/{id}/detection', () => {
  it('shows what was detected for the latest lines and counts and samples the time fallbacks', async () => {
    const ctx = start({ clock: new FakeClock(NOW) });
    const file = path.join(ctx.dir, 'mixed.log');
    const trace = ['2026-03-10 11:00:00,123 ERROR [main] c.e.App - boom', '\tat c.e.App.main(App.java:3)'];
    fs.writeFileSync(
      file,
      [
        'Mar 10 10:59:58 web-1 sshd[812]: error: maximum authentication attempts exceeded for root',
        '{"log":"worker ready\\n","stream":"stdout","time":"2026-03-10T10:59:59.5Z"}',
        'no time on this one',
        ...trace,
        'nor on this one',
        '',
      ].join('\n'),
    );
    await call(sources.POST, '/api/v1/sources', { method: 'POST', body: { name: 'mixed', path: file } });
    await ctx.lookout.ingest.pollAll();
    const list = (await call(sources.GET, '/api/v1/sources')).body as { data: { id: number; name: string }[] };
    const id = list.data.find((s) => s.name === 'mixed')!.id;

    const res = await call(detection.GET, `/api/v1/sources/${id}/detection`, { id });
    expect(res.status).toBe(200);
    const d = (
      res.body as {
        data: {
          recent: {
            line: string;
            family: string | null;
            wrapper: string | null;
            time: string;
            time_fallback: boolean;
            level: string | null;
            fields: Record<string, unknown>;
          }[];
          time_fallback: { count: number; share: number; sample: { line: string; time_issue: string }[] };
          lines: number;
        };
      }
    ).data;
    expect(d.lines).toBe(5);
    const byLine = new Map(d.recent.map((r) => [r.line, r]));
    expect(d.recent.map((r) => r.line)).toEqual([
      'nor on this one',
      trace.join('\n'),
      'no time on this one',
      'worker ready',
      'Mar 10 10:59:58 web-1 sshd[812]: error: maximum authentication attempts exceeded for root',
    ]);
    expect(byLine.get(d.recent[4].line)).toMatchObject({
      family: 'syslog',
      level: 'error',
      time: '2026-03-10T10:59:58.000Z',
      time_fallback: false,
    });
    expect(byLine.get('worker ready')).toMatchObject({
      wrapper: 'docker',
      time: '2026-03-10T10:59:59.500Z',
      time_fallback: false,
      fields: { stream: 'stdout' },
    });
    expect(byLine.get(trace.join('\n'))).toMatchObject({ level: 'error', time: '2026-03-10T11:00:00.123Z' });
    expect(d.time_fallback.count).toBe(2);
    expect(d.time_fallback.share).toBeCloseTo(2 / 5, 10);
    expect(d.time_fallback.sample.map((s) => [s.line, s.time_issue])).toEqual([
      ['nor on this one', 'missing'],
      ['no time on this one', 'missing'],
    ]);
    expect((await call(detection.GET, '/api/v1/sources/999/detection', { id: 999 })).status).toBe(404);
  });
});
