import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as metrics from '@/app/metrics/route';
import { systemClock } from '@/lib/clock';
import { ADMIN, makeLookout } from '../helpers/lookout';
import { tempDir } from '../helpers/temp-dir';
import { ccproxyLines, ingestLines } from './fixtures';

const hasPromtool = spawnSync('promtool', ['--version']).status === 0;

type Line = { name: string; labels: Record<string, string>; value: number };

function parse(text: string): Line[] {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(l)!;
      const labels = Object.fromEntries(
        [...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]),
      );
      return { name: m[1], labels, value: Number(m[3]) };
    });
}

describe('GET /metrics on a Lookout with probes, ingested CCProxy lines, a tailed file and a watched process', () => {
  let h: ReturnType<typeof makeLookout>;
  let server: http.Server;
  let text = '';
  let port = 0;
  const dir = tempDir();

  beforeAll(async () => {
    server = http.createServer((_req, res) =>
      res.end(
        JSON.stringify({
          status: 'healthy',
          providers: { healthy: 2, total: 3, details: { groq: { healthy: true, response_time_ms: 120 } } },
        }),
      ),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
    fs.writeFileSync(path.join(dir, 'app.log'), 'level=info msg="hello \\"quoted\\""\nlevel=error msg=boom\n');
    fs.writeFileSync(path.join(dir, 'self.pid'), String(process.pid));
    h = makeLookout({
      clock: systemClock,
      probes: true,
      config: [
        'targets:',
        `  - { name: ccproxy, url: "http://127.0.0.1:${port}/health", interval: 1s, timeout: 500ms }`,
        'logs:',
        `  - { name: app, path: "${path.join(dir, 'app.log')}", format: logfmt }`,
        'processes:',
        `  - { name: self, pid_file: "${path.join(dir, 'self.pid')}" }`,
        '  - { name: ghost, command: no-such-program-xyz }',
      ].join('\n'),
    });
    // Lines stamped after the engine started: /metrics counts from the hour Lookout started in.
    expect(await ingestLines(h.lookout, 'ccproxy', ccproxyLines(Date.now() + 65_000, 60, 1))).toMatchObject({
      rejected: 0,
    });
    await h.lookout.ingest.whenSynced();
    await h.lookout.ingest.pollAll();
    for (let i = 0; i < 100 && !h.lookout.readDb.prepare('SELECT 1 FROM checks').get(); i++)
      await new Promise((r) => setTimeout(r, 100));
    h.lookout.system.sampleOnce();
    const res = await metrics.GET(
      new Request('http://127.0.0.1/metrics', { headers: { authorization: `Bearer ${ADMIN}` } }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    text = await res.text();
  }, 30_000);

  afterAll(async () => {
    await h?.close();
    server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // Under CI=true the check is required: .ci/run installs promtool.
  it.skipIf(!hasPromtool && process.env.CI !== 'true')(
    'passes promtool check metrics, a body field in ms included',
    () => {
      const run = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
      expect(run.stdout + run.stderr).toBe('');
      expect(run.status).toBe(0);
    },
  );

  it('exports the probe, log and system series with HELP and TYPE', () => {
    if (!hasPromtool)
      console.warn('promtool is missing (Debian package prometheus): the exposition is checked by this test only');
    const lines = parse(text);
    const one = (name: string, labels: Record<string, string> = {}) =>
      lines.filter((l) => l.name === name && Object.entries(labels).every(([k, v]) => l.labels[k] === v));
    expect(one('up', { job: 'ccproxy', instance: `127.0.0.1:${port}` })).toEqual([
      { name: 'up', labels: { job: 'ccproxy', instance: `127.0.0.1:${port}` }, value: 1 },
    ]);
    expect(one('health_providers_healthy')[0].value).toBe(2);
    expect(one('health_providers_details_groq_response_time_seconds')[0].value).toBe(0.12);
    expect(one('http_requests_total', { job: 'ccproxy' }).reduce((n, l) => n + l.value, 0)).toBe(60);
    expect(one('http_requests_total', { status: '429' }).length).toBeGreaterThan(0);
    for (const provider of ['groq', 'openai', 'gemini']) {
      const buckets = one('http_request_duration_seconds_bucket', { provider });
      const values = buckets.map((b) => b.value);
      expect(values).toEqual([...values].sort((a, b) => a - b)); // cumulative
      expect(buckets.at(-1)!.labels.le).toBe('+Inf');
      expect(buckets.at(-1)!.value).toBe(one('http_request_duration_seconds_count', { provider })[0].value);
    }
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toContain('# TYPE http_requests_total counter');
    expect(one('log_lines_total', { job: 'app', level: 'error' })[0].value).toBe(1);
    expect(one('log_file_size_bytes', { job: 'app' })[0]).toMatchObject({
      labels: { path: path.join(dir, 'app.log') },
      value: fs.statSync(path.join(dir, 'app.log')).size,
    });
    expect(one('process_up', { job: 'self' })[0].value).toBe(1);
    expect(one('process_up', { job: 'ghost' })[0].value).toBe(0);
    expect(one('process_resident_memory_bytes', { job: 'self' })[0].value).toBeGreaterThan(10_000_000);
    expect(one('node_memory_mem_available_bytes')[0].value).toBeGreaterThan(0);
    expect(one('node_cpu_seconds_total', { cpu: '0', mode: 'idle' })[0].value).toBeGreaterThan(0);
    expect(one('lookout_ingest_lines_total', { job: 'ccproxy' })[0].value).toBeGreaterThan(60);
    expect(one('lookout_build_info')[0].labels.version).toBe(h.lookout.version);
    for (const name of new Set(lines.map((l) => l.name.replace(/_(bucket|sum|count)$/, ''))))
      expect(text, name).toContain(`# HELP ${name} `);
  });

  it('needs read rights', async () => {
    const res = await metrics.GET(new Request('http://127.0.0.1/metrics'));
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });
});
