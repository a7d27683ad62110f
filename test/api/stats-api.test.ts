import { afterEach, describe, expect, it } from 'vitest';
import * as histogram from '@/app/api/v1/logs/histogram/route';
import * as logs from '@/app/api/v1/logs/route';
import * as models from '@/app/api/v1/stats/models/route';
import * as requests from '@/app/api/v1/stats/requests/route';
import * as summary from '@/app/api/v1/stats/summary/route';
import { ADMIN, call, makeLookout } from '../helpers/lookout';

type Err = { error: { code: string; message: string } };

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function ingest(lines: string[]) {
  const res = await logs.POST(
    new Request('http://127.0.0.1/api/v1/logs?source=ccproxy', {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/x-ndjson' },
      body: lines.join('\n'),
    }),
  );
  expect(res.status).toBe(200);
}

function traffic(): string[] {
  const out: string[] = [];
  for (let i = 0; i < 30; i++) {
    const time = new Date(Date.UTC(2025, 11, 31, 23, 30) + i * 30_000).toISOString();
    const [provider, model] = i % 3 ? ['groq', 'kimi'] : ['openai', 'gpt'];
    out.push(
      `{"level":"info","msg":"Routed to provider=${provider}, model=${model}, tokens=100, strategy=x","time":"${time}"}`,
    );
    out.push(
      `{"duration":0.5,"level":"info","msg":"HTTP response sent","size":1,"status":${i % 10 ? 200 : 502},"time":"${time}","type":"response"}`,
    );
  }
  return out;
}

describe('stats and histogram API', () => {
  it('answers per model, per step and per query', async () => {
    close = makeLookout().close;
    await ingest(traffic());
    const range = 'from=now-1h&to=now';
    const m = (await call(models.GET, `/api/v1/stats/models?${range}`)).body as {
      data: { provider: string; model: string; requests: number; share: number }[];
    };
    expect(m.data.map((r) => [r.provider, r.model, r.requests])).toEqual([
      ['groq', 'kimi', 20],
      ['openai', 'gpt', 10],
    ]);
    expect(m.data.reduce((n, r) => n + r.share, 0)).toBeCloseTo(1);

    const h = (await call(histogram.GET, `/api/v1/logs/histogram?${range}&step=10m`)).body as {
      step_ms: number;
      points: [number, number][];
    };
    expect(h.step_ms).toBe(600_000);
    expect(h.points.reduce((n, [, c]) => n + c, 0)).toBe(60);
    const errs = (await call(histogram.GET, `/api/v1/logs/histogram?${range}&step=10m&q=status:>=500`)).body as {
      points: [number, number][];
    };
    expect(errs.points.reduce((n, [, c]) => n + c, 0)).toBe(3);

    const s = (await call(summary.GET, `/api/v1/stats/summary?${range}&model=gpt`)).body as {
      requests: number;
      errors: number;
    };
    expect(s).toMatchObject({ requests: 10, errors: 1 });
    const series = (await call(requests.GET, `/api/v1/stats/requests?${range}&step=10m&by=none`)).body as {
      series: { points: [number, number][] }[];
    };
    expect(series.series[0].points.reduce((n, [, c]) => n + c, 0)).toBe(30);
    expect(series.series[0].points.filter(([, c]) => c > 0).length).toBe(2);
  });

  it('names the parameter in every 400', async () => {
    close = makeLookout().close;
    const cases: [Parameters<typeof call>[0], string, string][] = [
      [requests.GET, '/api/v1/stats/requests?step=0', 'step'],
      [requests.GET, '/api/v1/stats/requests?step=1s', 'step'],
      [requests.GET, '/api/v1/stats/requests?from=now-30d&step=10s', 'step'],
      [requests.GET, '/api/v1/stats/requests?by=color', 'by'],
      [summary.GET, '/api/v1/stats/summary?from=garbage', 'from'],
      [summary.GET, '/api/v1/stats/summary?from=now&to=now-1h', 'from'],
      [summary.GET, `/api/v1/stats/summary?source=${'x'.repeat(5000)}`, 'source'],
      [logs.GET, '/api/v1/logs?q=%22open', 'q'],
      [logs.GET, '/api/v1/logs?q=status:>=abc', 'q'],
      [logs.GET, '/api/v1/logs?limit=0', 'limit'],
      [logs.GET, '/api/v1/logs?limit=99999', 'limit'],
      [logs.GET, '/api/v1/logs?cursor=%00%00', 'cursor'],
      [logs.GET, '/api/v1/logs?level=loud', 'level'],
      [histogram.GET, '/api/v1/logs/histogram?step=-5', 'step'],
    ];
    for (const [handler, url, param] of cases) {
      const r = await call(handler, url);
      expect(r.status, url).toBe(400);
      expect((r.body as Err).error.code).toBe('invalid_parameter');
      expect((r.body as Err).error.message.startsWith(`${param}:`), `${url}: ${(r.body as Err).error.message}`).toBe(
        true,
      );
    }
  });
});
