import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as labelValues from '@/app/prometheus/api/v1/label/[name]/values/route';
import * as labels from '@/app/prometheus/api/v1/labels/route';
import * as metadata from '@/app/prometheus/api/v1/metadata/route';
import * as query from '@/app/prometheus/api/v1/query/route';
import * as queryRange from '@/app/prometheus/api/v1/query_range/route';
import * as series from '@/app/prometheus/api/v1/series/route';
import * as buildinfo from '@/app/prometheus/api/v1/status/buildinfo/route';
import { createApiToken } from '@/lib/auth/api-tokens';
import { FakeClock } from '@/lib/clock';
import { CheckWriter } from '@/lib/engine/check-writer';
import { makeLookout } from '../helpers/lookout';

const T0 = Date.UTC(2026, 10, 27, 12);
const TARGETS =
  'targets: [{ name: api, url: "http://127.0.0.1:9/health", interval: 15s }, { name: web, url: "http://127.0.0.1:9/web", interval: 15s }]';
let ctx: ReturnType<typeof makeLookout>;
let token: string;

type Answer = {
  status: string;
  data?: { resultType: string; result: unknown } & Record<string, unknown>;
  errorType?: string;
  error?: string;
};
type Handler = (req: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route as Grafana does: a read token as Bearer, parameters in the URL or form-encoded in a POST body. */
async function ask(
  handler: Handler,
  path: string,
  params: Record<string, string | string[]>,
  opts: { post?: boolean; token?: string | null; name?: string } = {},
): Promise<{ status: number; body: Answer }> {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of [v].flat()) form.append(k, x);
  const headers: Record<string, string> = {};
  if (opts.token !== null) headers.authorization = `Bearer ${opts.token ?? token}`;
  if (opts.post) headers['content-type'] = 'application/x-www-form-urlencoded';
  const url = `http://127.0.0.1/prometheus/api/v1/${path}${opts.post ? '' : `?${form}`}`;
  const req = new Request(url, {
    method: opts.post ? 'POST' : 'GET',
    headers,
    body: opts.post ? form.toString() : undefined,
  });
  const res = await handler(req, { params: Promise.resolve({ name: opts.name ?? '' }) });
  return { status: res.status, body: (await res.json()) as Answer };
}

const secs = (ms: number) => String(ms / 1000);

beforeAll(() => {
  const clock = new FakeClock(T0 - 600_000);
  ctx = makeLookout({ clock, config: TARGETS });
  const writer = new CheckWriter(ctx.lookout.db, clock);
  // api is up every 15 s for 10 minutes, except 11:55–11:56; web is always up.
  for (let t = T0 - 600_000; t <= T0; t += 15_000) {
    const down = t >= T0 - 300_000 && t < T0 - 240_000;
    writer.push(1, { ts: t, up: !down, statusCode: down ? 503 : 200, latencyMs: 20, error: null, gauges: {} });
    writer.push(2, { ts: t, up: true, statusCode: 200, latencyMs: 40, error: null, gauges: {} });
  }
  writer.flush();
  clock.set(T0);
  token = createApiToken(ctx.lookout.db, 'grafana', 'read', T0).token;
});
afterAll(() => ctx.close());

describe('the Prometheus query API at /prometheus', () => {
  it("passes Grafana's data source health check: 1+1 at a time, then buildinfo", async () => {
    const health = await ask(query.GET, 'query', { query: '1+1', time: secs(T0) });
    expect(health).toEqual({
      status: 200,
      body: { status: 'success', data: { resultType: 'scalar', result: [T0 / 1000, '2'] } },
    });
    const info = await ask(buildinfo.GET, 'status/buildinfo', {});
    expect(info.status).toBe(200);
    expect(info.body.data).toMatchObject({ version: ctx.lookout.version });
  });

  it('answers an instant vector with the evaluation time, over GET and form-encoded POST alike', async () => {
    const params = { query: 'up', time: '2026-11-27T11:57:30Z' };
    const get = await ask(query.GET, 'query', params);
    const post = await ask(query.POST, 'query', params, { post: true });
    expect(get.status).toBe(200);
    expect(post).toEqual(get);
    const t = Date.parse(params.time) / 1000;
    expect(get.body.data).toEqual({
      resultType: 'vector',
      result: [
        { metric: { __name__: 'up', instance: '127.0.0.1:9', job: 'api' }, value: [t, '1'] },
        { metric: { __name__: 'up', instance: '127.0.0.1:9', job: 'web' }, value: [t, '1'] },
      ],
    });
    const down = await ask(query.GET, 'query', { query: 'up{job="api"} == 0', time: secs(T0 - 270_000) });
    expect(down.body.data?.result).toEqual([
      { metric: { __name__: 'up', instance: '127.0.0.1:9', job: 'api' }, value: [(T0 - 270_000) / 1000, '0'] },
    ]);
  });

  it('answers a range query whose every point is the instant query at that step', async () => {
    const start = T0 - 420_000;
    const step = 30_000;
    const r = await ask(
      queryRange.POST,
      'query_range',
      { query: 'sum(up)', start: secs(start), end: secs(T0), step: '30s' },
      { post: true },
    );
    expect(r.status).toBe(200);
    const [only] = r.body.data!.result as { metric: object; values: [number, string][] }[];
    expect(only.metric).toEqual({});
    expect(only.values).toHaveLength(15);
    for (const [t, v] of only.values) {
      const at = await ask(query.GET, 'query', { query: 'sum(up)', time: String(t) });
      expect((at.body.data!.result as { value: [number, string] }[])[0].value).toEqual([t, v]);
    }
    expect(only.values.map(([, v]) => v)).toContain('1');
    expect(only.values[0][0]).toBe(start / 1000);
    expect(only.values.at(-1)?.[0]).toBe(T0 / 1000);
    // Float seconds work as a step too, and RFC 3339 times.
    const f = await ask(queryRange.GET, 'query_range', {
      query: 'up{job="web"}',
      start: new Date(T0 - 60_000).toISOString(),
      end: new Date(T0).toISOString(),
      step: '15.0',
    });
    expect((f.body.data!.result as { values: unknown[] }[])[0].values).toHaveLength(5);
    expect(step).toBe(30_000);
  });

  it('answers bad input as Prometheus does: bad_data 400, execution 422, timeout 503', async () => {
    const cases: [Handler, string, Record<string, string>, number, string, string | RegExp][] = [
      [query.GET, 'query', { query: 'up{' }, 400, 'bad_data', /^invalid parameter "query": /],
      [
        query.GET,
        'query',
        { query: 'up', time: 'yesterday' },
        400,
        'bad_data',
        'invalid parameter "time": cannot parse "yesterday" to a valid timestamp',
      ],
      [
        queryRange.GET,
        'query_range',
        { query: 'up', end: '1', step: '1' },
        400,
        'bad_data',
        'invalid parameter "start": cannot parse "" to a valid timestamp',
      ],
      [
        queryRange.GET,
        'query_range',
        { query: 'up', start: '10', end: '5', step: '1' },
        400,
        'bad_data',
        'invalid parameter "end": end timestamp must not be before start time',
      ],
      [
        queryRange.GET,
        'query_range',
        { query: 'up', start: '0', end: '5', step: 'x' },
        400,
        'bad_data',
        'invalid parameter "step": cannot parse "x" to a valid duration',
      ],
      [
        queryRange.GET,
        'query_range',
        { query: 'up', start: '0', end: '5', step: '0' },
        400,
        'bad_data',
        'invalid parameter "step": zero or negative query resolution step widths are not accepted. Try a positive integer',
      ],
      [
        queryRange.GET,
        'query_range',
        { query: 'up', start: '0', end: '11001', step: '1' },
        400,
        'bad_data',
        'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
      ],
      [
        queryRange.GET,
        'query_range',
        { query: 'up[5m]', start: '0', end: '5', step: '1' },
        400,
        'bad_data',
        'invalid parameter "query": invalid expression type "range vector" for range query, must be Scalar or instant Vector',
      ],
      [
        query.GET,
        'query',
        { query: 'abs({__name__=~"up|probe_duration_seconds", job="api"})', time: secs(T0) },
        422,
        'execution',
        /^vector cannot contain metrics with the same labelset/,
      ],
      [
        query.GET,
        'query',
        { query: 'count_over_time(up[100d:1s])' },
        422,
        'execution',
        'query processing would load too many samples into memory in query execution',
      ],
      [
        queryRange.GET,
        'query_range',
        { query: 'count_over_time(up[1d:1s])', start: secs(T0 - 600_000), end: secs(T0), step: '60', timeout: '1ms' },
        503,
        'timeout',
        'query timed out in expression evaluation',
      ],
      [
        query.GET,
        'query',
        { query: 'up', timeout: 'soon' },
        400,
        'bad_data',
        'invalid parameter "timeout": cannot parse "soon" to a valid duration',
      ],
      [
        query.GET,
        'query',
        { query: 'up', timeout: '0s' },
        400,
        'bad_data',
        'invalid parameter "timeout": timeout must be positive',
      ],
      [series.GET, 'series', {}, 400, 'bad_data', 'no match[] parameter provided'],
    ];
    for (const [handler, path, params, status, errorType, error] of cases) {
      const r = await ask(handler, path, params);
      expect({ path, params, status: r.status, errorType: r.body.errorType, ok: r.body.status }).toEqual({
        path,
        params,
        status,
        errorType,
        ok: 'error',
      });
      if (typeof error === 'string') expect(r.body.error).toBe(error);
      else expect(r.body.error).toMatch(error);
    }
  });

  it('gives up a query at its timeout, inside a subquery too, instead of tying up the server', async () => {
    const began = performance.now();
    const r = await ask(query.GET, 'query', {
      query: 'max_over_time(count_over_time(up[10m:1s])[1d:1m])',
      time: secs(T0),
      timeout: '200ms',
    });
    const took = performance.now() - began;
    expect(r.body).toEqual({
      status: 'error',
      errorType: 'timeout',
      error: 'query timed out in expression evaluation',
    });
    expect(took).toBeLessThan(1_500);
  });

  it('refuses a call without a token, before reading the query', async () => {
    const r = await ask(query.GET, 'query', { query: 'up' }, { token: null });
    expect(r.status).toBe(401);
  });

  it('lists series, label names, label values and metadata', async () => {
    const window = { start: secs(T0 - 600_000), end: secs(T0) };
    const s = await ask(
      series.POST,
      'series',
      { 'match[]': ['up', 'probe_http_status_code{job="web"}'], ...window },
      { post: true },
    );
    expect(s.body).toEqual({
      status: 'success',
      data: [
        { __name__: 'probe_http_status_code', instance: '127.0.0.1:9', job: 'web' },
        { __name__: 'up', instance: '127.0.0.1:9', job: 'api' },
        { __name__: 'up', instance: '127.0.0.1:9', job: 'web' },
      ],
    });
    const names = await ask(labels.GET, 'labels', window);
    expect(names.body.data).toEqual(expect.arrayContaining(['__name__', 'instance', 'job']));
    const jobs = await ask(labelValues.GET, 'label/job/values', { 'match[]': 'up', ...window }, { name: 'job' });
    expect(jobs.body.data).toEqual(['api', 'web']);
    const metrics = await ask(labelValues.GET, 'label/__name__/values', window, { name: '__name__' });
    expect(metrics.body.data).toEqual(
      expect.arrayContaining(['probe_duration_seconds', 'probe_http_status_code', 'up']),
    );
    const bad = await ask(labelValues.GET, 'label/0x/values', {}, { name: '0x' });
    expect(bad).toEqual({
      status: 400,
      body: { status: 'error', errorType: 'bad_data', error: 'invalid label name: "0x"' },
    });
    const meta = await ask(metadata.GET, 'metadata', { metric: 'up' });
    expect(meta.body.data).toEqual({
      up: [
        { type: 'gauge', help: 'Whether the latest /health probe of the target succeeded (1) or not (0).', unit: '' },
      ],
    });
  });
});
