import { describe, expect, it } from 'vitest';
import * as target from '@/app/api/v1/targets/[id]/route';
import * as targets from '@/app/api/v1/targets/route';
import { FakeClock } from '@/lib/clock';
import { CheckWriter } from '@/lib/engine/check-writer';
import { evaluateInstant, parsePromQL } from '@/lib/rules';
import { createSqliteSeriesSource } from '@/lib/series/sqlite-series-source';
import { type TargetRow, toScheduled } from '@/lib/targets/target-row';
import { call, lookoutPerTest } from '../helpers/lookout';

type Body = { data: Record<string, unknown>; error: { code: string; message: string } };
const start = lookoutPerTest();

const post = async (body: unknown) => {
  const r = await call(targets.POST, '/api/v1/targets', { method: 'POST', body });
  return { status: r.status, body: r.body as Body };
};

describe('target types through the API', () => {
  it('creates tcp, tls, dns and icmp targets and shows their type and fields', async () => {
    const { lookout } = start();
    const tcp = await post({
      name: 'redis',
      type: 'tcp',
      url: 'tcp://127.0.0.1:6379',
      send: 'PING\r\n',
      expect: '+PONG*',
      conditions: ['[CONNECTED] == true', '[RESPONSE_TIME] < 300', '[BODY] == pat(*PONG*)'],
    });
    expect(tcp.status).toBe(201);
    expect(tcp.body.data).toMatchObject({ type: 'tcp', url: 'tcp://127.0.0.1:6379', expect: '+PONG*', has_send: true });
    expect(JSON.stringify(tcp.body)).not.toContain('PING');
    const tlsT = await post({
      name: 'cert',
      type: 'tls',
      url: 'tls://example.com',
      insecure_skip_verify: true,
      conditions: ['[CERTIFICATE_EXPIRATION] > 336h'],
    });
    expect(tlsT.body.data).toMatchObject({ type: 'tls', insecure_skip_verify: true });
    const dns = await post({
      name: 'dns',
      type: 'dns',
      server: '127.0.0.1:5353',
      query_name: 'example.com',
      query_type: 'mx',
      conditions: ['[DNS_RCODE] == NOERROR'],
    });
    expect(dns.status).toBe(201);
    expect(dns.body.data).toMatchObject({
      type: 'dns',
      url: 'dns://127.0.0.1:5353/example.com?type=MX',
      query_type: 'MX',
    });
    const icmp = await post({ name: 'gw', type: 'icmp', url: 'icmp://127.0.0.1', packets: 2 });
    expect(icmp.body.data).toMatchObject({ type: 'icmp', packets: 2 });
    const http = await post({ name: 'web', url: 'https://127.0.0.1:1/', insecure_skip_verify: true });
    expect(http.body.data).toMatchObject({ type: 'http', insecure_skip_verify: true });

    const rows = lookout.db.prepare('SELECT * FROM targets ORDER BY id').all() as TargetRow[];
    expect(rows.map((r) => toScheduled(r).spec)).toMatchObject([
      { type: 'tcp', host: '127.0.0.1', port: 6379, send: 'PING\r\n', expect: '+PONG*' },
      { type: 'tls', host: 'example.com', port: 443, insecureSkipVerify: true },
      { type: 'dns', server: '127.0.0.1', port: 5353, name: 'example.com', recordType: 'MX' },
      { type: 'icmp', host: '127.0.0.1', packets: 2 },
      { url: 'https://127.0.0.1:1/', insecureSkipVerify: true },
    ]);
  });

  it('rejects what does not fit the type, naming the field', async () => {
    start();
    const cases: [unknown, string][] = [
      [{ name: 'a', type: 'llm', url: 'http://x/' }, 'model: model is required, e.g. llama-3.3-70b-versatile'],
      [
        { name: 'a', type: 'smtp', url: 'http://x/' },
        'type: type must be one of http, tcp, dns, icmp, tls, heartbeat, llm',
      ],
      [{ name: 'a', type: 'tcp', url: 'tcp://db' }, 'url: url needs a port, like tcp://db.internal:5432'],
      [{ name: 'a', type: 'tcp', url: 'http://db:1/' }, 'url: url must look like tcp://db.internal:5432'],
      [
        { name: 'a', type: 'tcp', url: 'tcp://db:1', method: 'POST' },
        'method: method applies to http targets, not tcp',
      ],
      [{ name: 'a', type: 'dns', query_name: 'x' }, 'server: server is required'],
      [
        { name: 'a', type: 'dns', server: '1.1.1.1', query_name: 'x', query_type: 'PTR' },
        'query_type must be one of A, AAAA, CNAME, MX, TXT, NS, SRV',
      ],
      [
        { name: 'a', type: 'dns', server: '1.1.1.1', url: 'dns://x' },
        'url: url applies to http, tcp, tls, icmp, llm targets, not dns',
      ],
      [
        { name: 'a', type: 'tcp', url: 'tcp://db:1', conditions: ['[STATUS] == 200'] },
        '[STATUS] does not apply to tcp targets; use [CONNECTED], [RESPONSE_TIME], [BODY], [CERTIFICATE_EXPIRATION]',
      ],
      [
        { name: 'a', url: 'http://x/', conditions: ['[DNS_RCODE] == NOERROR'] },
        '[DNS_RCODE] does not apply to http targets',
      ],
      [
        { name: 'a', type: 'dns', server: '1.1.1.1', query_name: 'x', conditions: ['[DNS_RCODE] == FINE'] },
        '[DNS_RCODE] is one of NOERROR',
      ],
      [
        { name: 'a', type: 'tls', url: 'tls://x', conditions: ['[CERTIFICATE_EXPIRATION] > soon'] },
        'compared with a duration such as 336h',
      ],
      [{ name: 'a', type: 'heartbeat' }, 'period: period is required'],
      [{ name: 'a', type: 'icmp', url: 'icmp://x:80' }, 'no port'],
    ];
    for (const [body, message] of cases) {
      const r = await post(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.message, JSON.stringify(body)).toContain(message);
    }
  });

  it('checks a PATCH against the type the target will have', async () => {
    start();
    const id = (await post({ name: 'db', type: 'tcp', url: 'tcp://127.0.0.1:5432' })).body.data.id as number;
    const patch = (body: unknown) => call(target.PATCH, `/api/v1/targets/${id}`, { method: 'PATCH', id, body });
    const bad = await patch({ conditions: ['[STATUS] == 200'] });
    expect(bad.status).toBe(400);
    expect((bad.body as Body).error.message).toContain('[STATUS] does not apply to tcp targets');
    expect((await patch({ headers: { a: 'b' } })).status).toBe(400);
    const ok = await patch({ expect: 'x*', conditions: ['[BODY] == pat(x*)'] });
    expect((ok.body as Body).data).toMatchObject({ expect: 'x*', url: 'tcp://127.0.0.1:5432' });
    const toHttp = await patch({ type: 'http', url: 'http://127.0.0.1:1/', conditions: [] });
    expect(toHttp.status).toBe(200);
    expect((toHttp.body as Body).data).toMatchObject({ type: 'http', status: 'pending' });
    expect((toHttp.body as Body).data.expect).toBeUndefined();
  });
});

describe('target types in the provisioning file', () => {
  it('provisions each type, and a reload changes a type in place', async () => {
    const config = `targets:
  - { name: db, type: tcp, url: "tcp://127.0.0.1:5432", conditions: ["[CONNECTED] == true"] }
  - { name: ns, type: dns, server: "127.0.0.1:5353", query_name: example.com, conditions: ["[BODY] == 1.2.3.4"] }
  - { name: cert, type: tls, url: "tls://127.0.0.1:8443", conditions: ["[CERTIFICATE_EXPIRATION] > 336h"] }
`;
    const { lookout } = start({ config });
    const rows = lookout.db.prepare('SELECT name, type, url, options FROM targets ORDER BY id').all();
    expect(rows).toEqual([
      { name: 'db', type: 'tcp', url: 'tcp://127.0.0.1:5432', options: '{}' },
      {
        name: 'ns',
        type: 'dns',
        url: 'dns://127.0.0.1:5353/example.com?type=A',
        options: '{"server":"127.0.0.1:5353","query_name":"example.com"}',
      },
      { name: 'cert', type: 'tls', url: 'tls://127.0.0.1:8443', options: '{}' },
    ]);
  });
});

describe('series of the types', () => {
  it('are queryable in rules like up and probe_duration_seconds', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 27, 10));
    const { lookout } = start({ clock });
    await post({ name: 'cert', type: 'tls', url: 'tls://example.com:443' });
    const writer = new CheckWriter(lookout.db, clock);
    const expiry = clock.now() / 1000 + 10 * 86_400;
    writer.push(1, {
      ts: clock.now(),
      up: true,
      statusCode: null,
      latencyMs: 42,
      error: null,
      gauges: {},
      answered: true,
      metrics: { probe_ssl_earliest_cert_expiry: expiry },
    });
    writer.flush();
    const src = createSqliteSeriesSource(lookout.db);
    const run = (expr: string) => evaluateInstant(parsePromQL(expr), src, clock.now());
    // The shipped rule: fewer than 14 days left.
    const firing = run('probe_ssl_earliest_cert_expiry - time() < 14 * 86400');
    expect(firing).toHaveLength(1);
    expect(firing[0].labels).toMatchObject({ job: 'cert', instance: 'example.com:443' });
    expect(run('up{job="cert"}')[0].value).toBe(1);
    expect(run('probe_duration_seconds{job="cert"}')[0].value).toBeCloseTo(0.042);
    // A check that got an answer counts in the latency percentiles even without an HTTP status.
    const latency = lookout.db.prepare('SELECT latency_count FROM probe_rollups LIMIT 1').get();
    expect(latency).toEqual({ latency_count: 1 });
  });
});
