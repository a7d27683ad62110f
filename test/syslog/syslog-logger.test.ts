import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as reload from '@/app/api/v1/config/reload/route';
import * as logs from '@/app/api/v1/logs/route';
import { FakeClock } from '@/lib/clock';
import type { Lookout } from '@/lib/engine/context';
import { call, lookoutPerTest } from '../helpers/lookout';

// util-linux's `logger` is the client: RFC 5424 and 3164, TCP (octet-counted and LF) and UDP.
const run = promisify(execFile);
const present = spawnSync('logger', ['--version']).status === 0;
if (!present && process.env.CI === 'true')
  throw new Error('logger is required under CI=true (apt-get install bsdutils)');
if (!present) console.warn('[syslog-logger] skipped: logger (bsdutils) is not installed');

type Row = { ts: string; source: string; message: string; level: string | null; fields: Record<string, unknown> };
const start = lookoutPerTest();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function search(q = ''): Promise<Row[]> {
  const params = new URLSearchParams({ q, from: '0', to: String(Date.now() + 86_400_000), limit: '1000' });
  return ((await call(logs.GET, `/api/v1/logs?${params}`)).body as { data: Row[] }).data;
}

async function until<T>(what: () => Promise<T> | T, done: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (done(v) || Date.now() > end) return v;
    await sleep(50);
  }
}

async function listening(lookout: Lookout, proto: 'tcp' | 'udp'): Promise<number> {
  const port = await until(
    () => lookout.syslog.addresses()[proto],
    (p) => p !== null,
  );
  if (port === null) throw new Error(`syslog did not start on ${proto}`);
  return port;
}

const logger = (port: number, args: string[], lines: string[]) =>
  new Promise<void>((resolve, reject) => {
    const child = execFile('logger', ['-n', '127.0.0.1', '-P', String(port), ...args], (err) =>
      err ? reject(err) : resolve(),
    );
    child.stdin?.end(`${lines.join('\n')}\n`);
  });

const HOST = os.hostname();

describe.skipIf(!present)('syslog from util-linux logger', () => {
  it('takes RFC 5424 over TCP, octet-counted and LF-framed, with host, app, severity and facility', async () => {
    const { lookout } = start({
      clock: new FakeClock(Date.now()),
      config: 'syslog: { listen: "127.0.0.1:0", protocol: tcp }\n',
    });
    const port = await listening(lookout, 'tcp');
    const counted = Array.from({ length: 50 }, (_, i) => `payment ${i} refused`);
    await logger(
      port,
      ['-T', '--rfc5424', '--octet-count', '-t', 'checkout', '-p', 'local3.err', '--msgid', 'PAY'],
      counted,
    );
    await logger(port, ['-T', '--rfc5424', '-t', 'cart', '-p', 'user.info'], ['cart updated', 'cart emptied']);
    const rows = await until(search, (r) => r.length >= 52);
    expect(rows).toHaveLength(52);
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['syslog']));
    // A text line is stored whole as its message (as from a tailed file); the parsed parts are fields.
    const tail = (r: Row) => r.message.slice(r.message.lastIndexOf('] ') + 2);
    expect(
      rows
        .filter((r) => r.fields.app === 'checkout')
        .map(tail)
        .sort(),
    ).toEqual([...counted].sort());
    const pay = rows.find((r) => r.message.endsWith(' payment 7 refused'))!;
    expect(pay.message).toMatch(/^<155>1 \S+ \S+ checkout - PAY \[timeQuality [^\]]*\] payment 7 refused$/);
    expect(pay.level).toBe('error');
    expect(pay.fields).toMatchObject({ app: 'checkout', facility: 19, msgid: 'PAY' });
    expect(String(pay.fields.host).split('.')[0]).toBe(HOST.split('.')[0]);
    const cart = rows.find((r) => r.message.endsWith(' cart emptied'))!;
    expect(cart).toMatchObject({ level: 'info', fields: { app: 'cart', facility: 1 } });
    expect(Math.abs(Date.parse(cart.ts) - Date.now())).toBeLessThan(60_000);
    expect((await search('app:checkout')).length).toBe(50);
  });

  it('takes RFC 3164 and RFC 5424 over UDP, and RFC 3164 over TCP, into the configured source', async () => {
    const { lookout } = start({
      clock: new FakeClock(Date.now()),
      config: 'syslog: { listen: "127.0.0.1:0", protocol: both, source: edge }\n',
    });
    const tcp = await listening(lookout, 'tcp');
    const udp = await listening(lookout, 'udp');
    await logger(udp, ['-d', '--rfc3164', '-t', 'nginx', '-p', 'daemon.warning'], ['upstream slow']);
    await logger(udp, ['-d', '--rfc5424', '-t', 'cron', '-p', 'cron.notice'], ['job done']);
    await logger(tcp, ['-T', '--rfc3164', '-t', 'sshd', '-p', 'auth.crit'], ['too many failures', 'locked out']);
    const rows = await until(search, (r) => r.length >= 4);
    const text = (r: Row) => r.message.slice(r.message.lastIndexOf(': ') + 2).replace(/^.*\] /, '');
    expect(rows.map((r) => [r.source, r.fields.app, text(r), r.level, r.fields.facility]).sort()).toEqual(
      [
        ['edge', 'cron', 'job done', 'info', 9],
        ['edge', 'nginx', 'upstream slow', 'warn', 3],
        ['edge', 'sshd', 'locked out', 'fatal', 4],
        ['edge', 'sshd', 'too many failures', 'fatal', 4],
      ].sort(),
    );
    expect(rows.every((r) => typeof r.fields.host === 'string')).toBe(true);
  });

  it('follows the provisioning file on reload: moves, refuses a taken port clearly, and stops', async () => {
    const free = net.createServer();
    await new Promise<void>((r) => free.listen(0, '127.0.0.1', r));
    const fixed = (free.address() as net.AddressInfo).port;
    await new Promise<void>((r) => free.close(() => r()));
    const { lookout, dir } = start({
      clock: new FakeClock(Date.now()),
      config: `syslog: { listen: "127.0.0.1:${fixed}" }\n`,
    });
    const first = await listening(lookout, 'tcp');
    const file = path.join(dir, 'lookout.yml');
    const taken = net.createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const busy = (taken.address() as net.AddressInfo).port;
    try {
      fs.writeFileSync(file, `syslog: { listen: "127.0.0.1:${busy}" }\n`);
      const refused = await call(reload.POST, '/api/v1/config/reload', { method: 'POST' });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toMatch(
        new RegExp(`cannot listen on tcp 127.0.0.1:${busy}: the port is already in use`),
      );
      // The old listener is kept.
      expect(lookout.syslog.addresses().tcp).toBe(first);
      await logger(first, ['-T', '--rfc5424', '-t', 'kept'], ['still here']);
      expect((await until(search, (r) => r.length >= 1)).map((r) => r.message.split('] ')[1])).toEqual(['still here']);
    } finally {
      await new Promise<void>((r) => taken.close(() => r()));
    }
    fs.writeFileSync(file, 'targets: []\n');
    expect((await call(reload.POST, '/api/v1/config/reload', { method: 'POST' })).status).toBe(200);
    expect(lookout.syslog.addresses()).toEqual({ tcp: null, udp: null });
    await expect(run('logger', ['-n', '127.0.0.1', '-P', String(first), '-T', 'gone'])).rejects.toThrow();
  });
});
