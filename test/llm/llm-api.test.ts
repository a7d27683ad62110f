import { describe, expect, it } from 'vitest';
import * as budget from '@/app/api/v1/llm/budgets/[id]/route';
import * as budgets from '@/app/api/v1/llm/budgets/route';
import * as clients from '@/app/api/v1/llm/clients/route';
import * as cost from '@/app/api/v1/llm/cost/route';
import * as prices from '@/app/api/v1/llm/prices/route';
import * as unknown from '@/app/api/v1/llm/unknown/route';
import * as logs from '@/app/api/v1/logs/route';
import * as metrics from '@/app/metrics/route';
import { FakeClock } from '@/lib/clock';
import { ADMIN, call, lookoutPerTest } from '../helpers/lookout';

const start = lookoutPerTest();
// /metrics counts from the hour Lookout started in: every line below falls in that hour.
const NOW = Date.UTC(2026, 0, 15, 12, 55);
const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();

async function ingest(source: string, lines: unknown[]) {
  const res = await logs.POST(
    new Request(`http://127.0.0.1/api/v1/logs?source=${source}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/x-ndjson' },
      body: lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'),
    }),
  );
  expect(res.status).toBe(200);
}

/** A CCProxy v1 request: Routed line (input tokens only), request line with the user agent, response. */
function v1(minutesAgo: number, provider: string, model: string, tokens: number, agent: string, status = 200) {
  const time = at(minutesAgo);
  return [
    { level: 'info', msg: `Routed to provider=${provider}, model=${model}, tokens=${tokens}, strategy=x`, time },
    {
      client_ip: '127.0.0.1',
      level: 'info',
      method: 'POST',
      msg: 'HTTP request received',
      path: '/v1/messages',
      time,
      type: 'request',
      user_agent: agent,
    },
    {
      duration: 0.5,
      level: status < 400 ? 'info' : 'error',
      msg: 'HTTP response sent',
      size: 1,
      status,
      time,
      type: 'response',
    },
  ];
}

type CostAnswer = {
  data: {
    key: string;
    cost_usd: number | null;
    requests: number;
    input_tokens: number;
    output_tokens: number;
    unknown_requests: number;
    input_only_requests: number;
  }[];
  totals: { cost_usd: number | null; requests: number };
};

describe('LLM cost API', () => {
  it('prices every answered request at ingestion, per provider, model, client and day; unknown models are not 0', async () => {
    start({ clock: new FakeClock(NOW) });
    await ingest('ccproxy', [
      ...v1(50, 'groq', 'moonshotai/kimi-k2-instruct', 1000, 'claude-cli/1.0.60'),
      ...v1(40, 'groq', 'moonshotai/kimi-k2-instruct', 3000, 'Zed/0.190.5'),
      ...v1(30, 'groq', 'moonshotai/kimi-k2-instruct', 5000, 'Zed/0.190.5', 502), // failed: not billed
      ...v1(20, 'mystery', 'model-x', 7000, 'claude-cli/1.0.61 (external, cli)'),
    ]);
    await ingest('app', [
      {
        time: at(10),
        level: 'info',
        msg: 'done',
        status: 200,
        provider: 'openai',
        model: 'gpt-4o',
        input_tokens: 1_000_000,
        output_tokens: 100_000,
        api_key: 'sk-secret-1',
        user: 'ann@example.com',
      },
      {
        time: at(9),
        level: 'info',
        msg: 'done',
        status: 200,
        provider: 'openai',
        model: 'gpt-4o',
        input_tokens: -5,
        output_tokens: 10,
      },
    ]);
    const by = async (g: string) => (await call(cost.GET, `/api/v1/llm/cost?from=now-1h&by=${g}`)).body as CostAnswer;

    const providers = await by('provider');
    const row = (k: string) => providers.data.find((r) => r.key === k);
    expect(row('openai')?.cost_usd).toBeCloseTo(3.5, 9);
    expect(row('groq')).toMatchObject({ requests: 2, input_tokens: 4000, output_tokens: 0, input_only_requests: 2 });
    expect(row('groq')?.cost_usd).toBeCloseTo(0.004, 9);
    expect(row('mystery')).toMatchObject({ cost_usd: null, unknown_requests: 1, requests: 1 });
    expect(providers.totals.cost_usd).toBeCloseTo(3.504, 9);

    const byClient = await by('client');
    const keyRow = byClient.data.find((r) => r.key.startsWith('key-'));
    expect(keyRow?.cost_usd).toBeCloseTo(3.5, 9);
    expect(byClient.data.find((r) => r.key === 'Zed')?.cost_usd).toBeCloseTo(0.003, 9);
    expect(byClient.data.find((r) => r.key === 'claude-cli')).toMatchObject({ requests: 2, unknown_requests: 1 });
    expect(JSON.stringify(byClient)).not.toContain('sk-secret-1');

    const days = await by('day');
    expect(days.data.map((d) => d.key)).toEqual(['2026-01-15']);

    const top = (await call(clients.GET, '/api/v1/llm/clients?from=now-1h')).body as {
      data: { client: string; users: string[]; share: number }[];
    };
    expect(top.data[0].client).toMatch(/^key-[0-9a-f]{12}$/);
    expect(top.data[0].users).toEqual(['ann@example.com']);
    expect(top.data[0].share).toBeGreaterThan(99);

    const u = (await call(unknown.GET, '/api/v1/llm/unknown?from=now-1h')).body as {
      unknown_models: unknown[];
      rejected: { source: string; reason: string; count: number }[];
    };
    expect(u.unknown_models).toEqual([{ provider: 'mystery', model: 'model-x', requests: 1 }]);
    expect(u.rejected).toEqual([
      expect.objectContaining({
        source: 'app',
        reason: 'input_tokens is -5: token counts cannot be negative',
        count: 1,
      }),
    ]);

    const text = await (
      await metrics.GET(new Request('http://127.0.0.1/metrics', { headers: { authorization: `Bearer ${ADMIN}` } }), {
        params: Promise.resolve({}),
      })
    ).text();
    expect(text).toMatch(
      /llm_cost_usd_total\{job="app",provider="openai",model="gpt-4o",client="key-[0-9a-f]{12}",instance="127.0.0.1:3000"\} 3.5/,
    );
  });

  it('takes price overrides with field-level errors; new requests use them', async () => {
    start({ clock: new FakeClock(NOW) });
    const bad = await call(prices.POST, '/api/v1/llm/prices', {
      method: 'POST',
      body: { provider: 'mystery', model: 'model-x', input: -1, output: 'cheap' },
    });
    expect(bad.status).toBe(400);
    const paths = (bad.body as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['input', 'output']));
    const ok = await call(prices.POST, '/api/v1/llm/prices', {
      method: 'POST',
      body: { provider: 'mystery', model: 'model-x', input: 2, output: 4 },
    });
    expect(ok.body).toMatchObject({ data: { provider: 'mystery', origin: 'settings', input: 2 } });
    await ingest('ccproxy', v1(5, 'mystery', 'model-x', 500_000, 'ci-runner/2'));
    const c = (await call(cost.GET, '/api/v1/llm/cost?from=now-1h&by=model')).body as CostAnswer;
    expect(c.data[0]).toMatchObject({ key: 'mystery/model-x', cost_usd: 1 });
    const list = (await call(prices.GET, '/api/v1/llm/prices')).body as {
      data: { origin: string; taken: string; sources: string[] }[];
    };
    expect(list.data.filter((p) => p.origin === 'shipped').every((p) => p.taken && p.sources.length > 0)).toBe(true);
    expect(
      (await call(prices.DELETE, '/api/v1/llm/prices?provider=mystery&model=model-x', { method: 'DELETE' })).status,
    ).toBe(204);
  });

  it('budgets answer spend, remaining and a forecast from the recent rate; invalid ones are 400 by field', async () => {
    const { clock } = start({ clock: new FakeClock(NOW) });
    await ingest('app', [
      {
        time: at(30),
        level: 'info',
        msg: 'x',
        status: 200,
        provider: 'openai',
        model: 'gpt-4o',
        input_tokens: 400_000,
        output_tokens: 0,
      },
    ]);
    const bad = await call(budgets.POST, '/api/v1/llm/budgets', {
      method: 'POST',
      body: { name: 'b', period: 'year', limit_usd: 0 },
    });
    expect(bad.status).toBe(400);
    const paths = (bad.body as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['period', 'limit_usd']));
    const made = await call(budgets.POST, '/api/v1/llm/budgets', {
      method: 'POST',
      body: { name: 'openai-daily', provider: 'openai', period: 'day', limit_usd: 5 },
    });
    expect(made.status).toBe(201);
    // $1 thirty minutes ago, the first spend ever: $2/h over the 30 minutes since it began (not $1/h over an hour
    // it was not there for); 11 h 5 min left in the day: forecast 1 + 11.0833 × 2 > 5.
    expect(made.body).toMatchObject({
      data: {
        spent_usd: 1,
        remaining_usd: 4,
        forecast_usd: 23.1667,
        state: 'forecast_exceeded',
        period_end: '2026-01-16T00:00:00.000Z',
      },
    });
    expect(clock.now()).toBe(NOW);
    const one = (await call(budget.GET, '/api/v1/llm/budgets/openai-daily', { id: 'openai-daily' })).body;
    expect(one).toMatchObject({ data: { name: 'openai-daily', spent_usd: 1 } });
    expect(
      (await call(budget.DELETE, '/api/v1/llm/budgets/openai-daily', { method: 'DELETE', id: 'openai-daily' })).status,
    ).toBe(204);
  });
});
