import { afterEach, describe, expect, it } from 'vitest';
import * as budgets from '@/app/api/v1/llm/budgets/route';
import * as logs from '@/app/api/v1/logs/route';
import * as metrics from '@/app/metrics/route';
import { FakeClock } from '@/lib/clock';
import { loadProvisioning } from '@/lib/config/provisioning';
import { ADMIN, call, makeLookout } from '../helpers/lookout';

// An odd instant inside a 10 s bucket, as the rule evaluator meets it.
const T0 = Date.UTC(2026, 2, 3, 14, 7, 31, 500);
const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (ms: number) => new Date(ms).toISOString();

/** gpt-4o input is 2.50 USD per 1M tokens: 400k tokens are one dollar. */
function dollar(ts: number) {
  return JSON.stringify({
    time: at(ts),
    level: 'info',
    msg: 'completion',
    status: 200,
    provider: 'openai',
    model: 'gpt-4o',
    input_tokens: 400_000,
    output_tokens: 0,
  });
}

const CONFIG = `
llm:
  budgets:
    - { name: openai-24h, provider: openai, window: 24h, limit_usd: 1.5 }
    - { name: openai-30d, provider: openai, window: 30d, limit_usd: 100 }
    - { name: openai-day, provider: openai, period: day, limit_usd: 100 }
`;

type Status = {
  name: string;
  kind: string;
  window: string | null;
  period: string | null;
  spent_usd: number;
  forecast_usd: number;
  remaining_usd: number;
  state: string;
  period_start: string;
  period_end: string;
  forecast_at: string;
};

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function ingest(lines: string[]) {
  const res = await logs.POST(
    new Request('http://127.0.0.1/api/v1/logs?source=app', {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/x-ndjson' },
      body: lines.join('\n'),
    }),
  );
  expect(res.status).toBe(200);
}

async function statuses(): Promise<Record<string, Status>> {
  const body = (await call(budgets.GET, '/api/v1/llm/budgets')).body as { data: Status[] };
  return Object.fromEntries(body.data.map((b) => [b.name, b]));
}

describe('budgets over rolling windows (fake clock)', () => {
  it('count the last 24 h / 30 d, forecast the window a quarter ahead, and fire and resolve as spend slides out', async () => {
    const clock = new FakeClock(T0);
    const ctx = makeLookout({ clock, config: CONFIG });
    close = ctx.close;
    // $1 spent 23 h 30 min ago (yesterday, UTC) and $1 ten minutes ago.
    await ingest([dollar(T0 - 23 * HOUR - 30 * MIN), dollar(T0 - 10 * MIN)]);
    let s = await statuses();
    expect(s['openai-24h']).toMatchObject({
      kind: 'rolling',
      window: '24h',
      period: null,
      spent_usd: 2,
      remaining_usd: 0,
      state: 'exceeded',
      period_start: at(T0 - 24 * HOUR),
      period_end: at(T0),
      forecast_at: at(T0 + 6 * HOUR),
    });
    // Window ending 6 h from now: the $1 of 10 min ago stays, the older one leaves; + $1/h × 6 h.
    expect(s['openai-24h'].forecast_usd).toBeCloseTo(7, 4);
    // 30 days: both dollars, and kept at now + 7.5 d; + $1/h × 180 h.
    expect(s['openai-30d']).toMatchObject({ window: '30d', spent_usd: 2, forecast_at: at(T0 + 180 * HOUR) });
    expect(s['openai-30d'].forecast_usd).toBeCloseTo(182, 4);
    // The calendar day (UTC) sees only today's dollar: the rolling day is what a calendar cannot show.
    expect(s['openai-day']).toMatchObject({ kind: 'calendar', window: null, period: 'day', spent_usd: 1 });

    const firing = (t: number) =>
      ctx.lookout.alerts.rules
        .tick(t)
        .filter((a) => a.labels.budget === 'openai-24h' && a.endsAt > t)
        .map((a) => a.labels.alertname)
        .sort();
    expect(firing(T0)).toEqual(['LLMBudgetExceeded']);
    clock.set(T0 + 2 * MIN);
    expect(firing(T0 + 2 * MIN)).toEqual(['LLMBudgetExceeded', 'LLMBudgetForecastExceeded']);

    const text = await (
      await metrics.GET(
        new Request('http://127.0.0.1/metrics', {
          headers: { authorization: `Bearer ${ADMIN}` },
        }),
      )
    ).text();
    expect(text).toMatch(/llm_budget_spent_usd\{[^}]*budget="openai-24h"[^}]*window="24h"[^}]*\} 2\b/);
    expect(text).toMatch(/llm_budget_forecast_usd\{[^}]*budget="openai-24h"[^}]*horizon="6h"/);

    // 40 minutes on, the older dollar has left the window and the last hour still holds the newer one.
    clock.set(T0 + 40 * MIN);
    s = await statuses();
    expect(s['openai-24h']).toMatchObject({ spent_usd: 1, remaining_usd: 0.5, state: 'forecast_exceeded' });
    // Two hours on, no spend in the last hour: the forecast is what stays in the window, $1, under the limit.
    clock.set(T0 + 2 * HOUR);
    s = await statuses();
    expect(s['openai-24h']).toMatchObject({ spent_usd: 1, forecast_usd: 1, state: 'ok' });
    expect(firing(T0 + 2 * HOUR)).toEqual([]);
  });

  it('take the recent rate over the minutes since spend began on a fresh Lookout, not over a whole hour', async () => {
    const ctx = makeLookout({ clock: new FakeClock(T0), config: CONFIG });
    close = ctx.close;
    // The first spend ever, 20 minutes ago (its 10 s bucket began 1.5 s earlier), and a second dollar since.
    await ingest([dollar(T0 - 20 * MIN), dollar(T0 - 10 * MIN)]);
    const s = await statuses();
    const rate = 2 / (20 * MIN + 1_500);
    expect(s['openai-24h'].forecast_usd).toBeCloseTo(2 + rate * 6 * HOUR, 3);
    expect(s['openai-day'].forecast_usd).toBeCloseTo(2 + rate * (Date.UTC(2026, 2, 4) - T0), 3);
  });

  it('keep calendar provisioning valid and name a budget with neither or both of window and period', async () => {
    const ctx = makeLookout({ clock: new FakeClock(T0) });
    close = ctx.close;
    const fine = await call(budgets.POST, '/api/v1/llm/budgets', {
      method: 'POST',
      body: { name: 'weekly', window: '7d', limit_usd: 10 },
    });
    expect(fine.status).toBe(201);
    expect(fine.body).toMatchObject({ data: { window: '7d', period: null, forecast_at: at(T0 + 42 * HOUR) } });
    for (const body of [
      { name: 'neither', limit_usd: 1 },
      { name: 'both', window: '24h', period: 'day', limit_usd: 1 },
      { name: 'short', window: '10m', limit_usd: 1 },
      { name: 'long', window: '90d', limit_usd: 1 },
    ]) {
      const bad = await call(budgets.POST, '/api/v1/llm/budgets', { method: 'POST', body });
      expect(bad.status, body.name).toBe(400);
      const issues = (bad.body as { error: { issues: { path: string; message: string }[] } }).error.issues;
      expect(issues.map((i) => i.path)).toEqual(['window']);
    }
  });
});

describe('provisioning of budgets', () => {
  it('takes period (calendar) and window (rolling) budgets', async () => {
    const ctx = makeLookout({ clock: new FakeClock(T0), config: CONFIG });
    close = ctx.close;
    const file = ctx.lookout.env.configFile;
    expect(file).not.toBeNull();
    const { config } = loadProvisioning(file!);
    expect(config.llm?.budgets?.map((b) => b.window ?? b.period)).toEqual(['24h', '30d', 'day']);
  });
});
