import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import { type Db, openWriteDb } from '@/lib/db/connection';
import { IngestService } from '@/lib/ingest/ingest-service';
import { getStatsErrors } from '@/lib/queries/get-stats-errors';
import { getStatsLatency } from '@/lib/queries/get-stats-latency';
import { getStatsSummary } from '@/lib/queries/get-stats-summary';
import { exactQuantile } from '@/lib/stats/histogram';
import { tempDir } from '../helpers/temp-dir';

// A week of access and syslog lines imported a week later: every line must land at its own time, and the
// access log must feed the request series (overview, error rate, latency) like any status line.
const NOW = Date.UTC(2026, 0, 12, 12);
const START = NOW - 7 * 86_400_000;
const STEP = 7 * 60_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const STATUSES = [200, 200, 200, 201, 204, 304, 404, 500, 502, 200];
const METHODS = ['GET', 'GET', 'POST', 'PUT', 'DELETE'];
const p2 = (n: number) => String(n).padStart(2, '0');

function clf(ts: number, offsetMin: number): string {
  const d = new Date(ts + offsetMin * 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const off = `${sign}${p2(Math.floor(Math.abs(offsetMin) / 60))}${p2(Math.abs(offsetMin) % 60)}`;
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${off}`;
}

function syslogStamp(ts: number): string {
  const d = new Date(ts);
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

interface Expected {
  ts: number;
  status: number;
  ms: number;
}

let dir: string;
let db: Db;
const nginx: Expected[] = [];
const syslogTs: number[] = [];

beforeAll(async () => {
  dir = tempDir();
  db = openWriteDb(path.join(dir, 'data'));
  const access: string[] = [];
  const apache: string[] = [];
  const syslog: string[] = [];
  for (let i = 0, ts = START; ts < NOW - 3_600_000; i++, ts += STEP) {
    const status = STATUSES[i % STATUSES.length];
    const ms = 3 + ((i * 7919) % 2500);
    const method = METHODS[i % METHODS.length];
    nginx.push({ ts, status, ms });
    access.push(
      `10.0.${i % 7}.${i % 250} - - [${clf(ts, i % 2 ? 60 : -300)}] "${method} /api/items/${i} HTTP/1.1" ${status} ${i * 13} "-" "curl/8.5.0" ${(ms / 1000).toFixed(3)}`,
    );
    apache.push(`192.0.2.${i % 250} - - [${clf(ts, 0)}] "GET /static/${i}.css HTTP/1.1" 200 ${100 + i}`);
    syslogTs.push(ts);
    syslog.push(`${syslogStamp(ts)} web-1 app[${100 + (i % 9)}]: ${i % 5 === 0 ? 'error: ' : ''}tick ${i}`);
  }
  fs.writeFileSync(path.join(dir, 'access.log'), `${access.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'apache.log'), `${apache.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'syslog'), `${syslog.join('\n')}\n`);
  const ingest = new IngestService(db, new FakeClock(NOW));
  for (const name of ['access', 'apache', 'syslog']) {
    await ingest.importFile(
      name,
      path.join(dir, name === 'access' ? 'access.log' : name === 'apache' ? 'apache.log' : 'syslog'),
      () => {},
    );
  }
});

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function storedTimes(source: string): { ts: number; flags: number; level: string | null }[] {
  return db
    .prepare(
      'SELECT ts, flags, level FROM logs WHERE source_id = (SELECT id FROM log_sources WHERE name = ?) ORDER BY id',
    )
    .all(source) as { ts: number; flags: number; level: string | null }[];
}

describe('importing week-old logs', () => {
  it('places every access-log line at its own time, whatever its offset', () => {
    const rows = storedTimes('access');
    expect(rows.map((r) => r.ts)).toEqual(nginx.map((e) => e.ts));
    expect(storedTimes('apache').map((r) => r.ts)).toEqual(nginx.map((e) => e.ts));
  });

  it('places every year-less syslog line at its own time, with its level', () => {
    const rows = storedTimes('syslog');
    expect(rows.map((r) => r.ts)).toEqual(syslogTs);
    expect(rows.filter((r) => r.level === 'error').length).toBe(Math.ceil(syslogTs.length / 5));
  });

  it('fills the overview, error rate and latency from the nginx access log', () => {
    const s = getStatsSummary(db, START, NOW, { source: 'access' });
    const errors = nginx.filter((e) => e.status >= 500).length;
    expect(s.requests).toBe(nginx.length);
    expect(s.errors).toBe(errors);
    expect(s.client_errors).toBe(nginx.filter((e) => e.status >= 400 && e.status < 500).length);
    expect(s.error_rate).toBeCloseTo(errors / nginx.length, 10);
    const durations = nginx.map((e) => e.ms);
    for (const [q, v] of [
      [0.5, s.latency_ms.p50],
      [0.99, s.latency_ms.p99],
    ] as const) {
      const exact = exactQuantile(durations, q)!;
      expect(Math.abs(v! - exact) / exact).toBeLessThanOrEqual(0.05);
    }
    const byStatus = getStatsErrors(db, START, NOW, 'status', { source: 'access' });
    expect(byStatus.map((r) => r.key).sort()).toEqual(['500', '502']);
    const latency = getStatsLatency(db, START, NOW, { source: 'access' });
    expect(latency.buckets.reduce((n, b) => n + b.count, 0)).toBe(nginx.length);
  });

  it('counts the apache log (no duration) as requests without latency', () => {
    const s = getStatsSummary(db, START, NOW, { source: 'apache' });
    expect(s.requests).toBe(nginx.length);
    expect(s.errors).toBe(0);
  });
});

describe('fields of text families', () => {
  it('keeps the fields an access-log line defines (bytes, remote address) next to the whole line', () => {
    const row = db
      .prepare(
        "SELECT message, fields FROM logs WHERE source_id = (SELECT id FROM log_sources WHERE name = 'access') ORDER BY id LIMIT 1 OFFSET 3",
      )
      .get() as { message: string; fields: string };
    expect(row.message).toMatch(/^10\.0\.3\.3 - - \[/);
    expect(JSON.parse(row.fields)).toMatchObject({ remote_addr: '10.0.3.3', status: 201, bytes: 39 });
  });
});
