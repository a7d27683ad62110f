import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import { getStatsErrors } from '@/lib/queries/get-stats-errors';
import { getStatsLatency } from '@/lib/queries/get-stats-latency';
import { getStatsRoutes } from '@/lib/queries/get-stats-routes';
import { getStatsSummary } from '@/lib/queries/get-stats-summary';
import { exactQuantile } from '@/lib/stats/histogram';
import { lookoutPerTest } from '../helpers/lookout';

// Issue 13's "done when", as a new user tries it: tail an nginx access log and a syslog file.
const NOW = Date.UTC(2026, 0, 3, 9, 30);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');
const start = lookoutPerTest();

function nginxLine(ts: number, i: number): { line: string; status: number; ms: number } {
  const d = new Date(ts + 3_600_000);
  const status = [200, 200, 304, 404, 200, 500, 200, 502][i % 8];
  const ms = 1 + ((i * 4_111) % 900);
  const stamp = `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0100`;
  return {
    line: `203.0.113.${i % 250} - - [${stamp}] "GET /api/items/${i} HTTP/1.1" ${status} ${300 + i} "https://example.com/" "Mozilla/5.0" ${(ms / 1000).toFixed(3)}`,
    status,
    ms,
  };
}

// Times cross the new year: December lines read in January belong to last year.
function syslogLine(ts: number, i: number): { line: string; level: string | null } {
  const d = new Date(ts);
  const stamp = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  const kinds = [
    [`sshd[${900 + i}]: Accepted publickey for deploy from 198.51.100.4 port 50022 ssh2`, null],
    [
      `sshd[${900 + i}]: error: maximum authentication attempts exceeded for root from 198.51.100.7 port ${4000 + i} ssh2 [preauth]`,
      'error',
    ],
    [`CRON[${2000 + i}]: (root) CMD (run-parts /etc/cron.hourly)`, null],
    [`systemd[1]: Started Session ${i} of user deploy.`, null],
  ] as const;
  const [text, level] = kinds[i % kinds.length];
  return { line: `${stamp} web-1 ${text}`, level };
}

describe('tailing an nginx access log and a syslog file', () => {
  it('gives every line its own time and level, and the access log fills requests, errors, latency and routes', async () => {
    const clock = new FakeClock(NOW);
    const ctx = start({
      clock,
      config: 'logs:\n  - name: nginx\n    path: access.log\n  - name: syslog\n    path: syslog\n',
    });
    const t0 = NOW - 3 * 86_400_000;
    const nginx = Array.from({ length: 400 }, (_, i) => ({ ts: t0 + i * 600_000, ...nginxLine(t0 + i * 600_000, i) }));
    const syslog = Array.from({ length: 300 }, (_, i) => ({
      ts: t0 + i * 800_000,
      ...syslogLine(t0 + i * 800_000, i),
    }));
    const write = (name: string, lines: { line: string }[]) =>
      fs.appendFileSync(path.join(ctx.dir, name), lines.map((l) => `${l.line}\n`).join(''));
    // Half now, half after the first poll: the tailer picks up growth.
    write('access.log', nginx.slice(0, 200));
    write('syslog', syslog.slice(0, 150));
    await ctx.lookout.ingest.whenSynced();
    await ctx.lookout.ingest.pollAll();
    write('access.log', nginx.slice(200));
    write('syslog', syslog.slice(150));
    await ctx.lookout.ingest.pollAll();

    const db = ctx.lookout.readDb;
    const rows = (source: string) =>
      db
        .prepare(
          'SELECT ts, level, flags FROM logs WHERE source_id = (SELECT id FROM log_sources WHERE name = ?) ORDER BY id',
        )
        .all(source) as { ts: number; level: string | null; flags: number }[];
    const n = rows('nginx');
    expect(n.map((r) => r.ts)).toEqual(nginx.map((e) => e.ts));
    expect(n.every((r) => r.flags === 0)).toBe(true);
    const s = rows('syslog');
    expect(s.map((r) => r.ts)).toEqual(syslog.map((e) => e.ts));
    expect(new Date(s[0].ts).getUTCFullYear()).toBe(2025);
    expect(s.map((r) => r.level)).toEqual(syslog.map((e) => e.level));

    const summary = getStatsSummary(db, t0, NOW, { source: 'nginx' });
    const errors = nginx.filter((e) => e.status >= 500).length;
    expect(summary).toMatchObject({
      requests: nginx.length,
      errors,
      client_errors: nginx.filter((e) => e.status >= 400 && e.status < 500).length,
    });
    const exact = exactQuantile(
      nginx.map((e) => e.ms),
      0.95,
    )!;
    expect(Math.abs(summary.latency_ms.p95! - exact) / exact).toBeLessThanOrEqual(0.05);
    expect(getStatsErrors(db, t0, NOW, 'status', { source: 'nginx' })).toEqual([
      { key: '500', count: nginx.filter((e) => e.status === 500).length },
      { key: '502', count: nginx.filter((e) => e.status === 502).length },
    ]);
    expect(getStatsLatency(db, t0, NOW, { source: 'nginx' }).buckets.reduce((a, b) => a + b.count, 0)).toBe(
      nginx.length,
    );
    expect(getStatsRoutes(db, t0, NOW, { source: 'nginx' })).toEqual([
      expect.objectContaining({ method: 'GET', route: '/api/items/:id', requests: nginx.length, errors }),
    ]);
  });
});
