import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import { type Simulator, startSimulator } from '@/lib/sim/simulator';
import { tempDir } from '../helpers/temp-dir';

let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.stop();
  sim = null;
});

async function begin(apiKey?: string) {
  const clock = new FakeClock();
  sim = await startSimulator({
    logDir: tempDir('sim-'),
    port: 0,
    clock,
    ratePerSecond: 0.1,
    llmDelayScale: 0.1,
    apiKey,
  });
  return { clock, sim };
}

const post = (s: Simulator, path: string, model: string, headers: Record<string, string> = {}) =>
  fetch(`${s.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model, max_tokens: 1, stream: true, messages: [{ role: 'user', content: 'ping' }] }),
  });

describe('the simulator answers completions like a provider', () => {
  it('streams Anthropic’s event sequence on /v1/messages', async () => {
    const { sim } = await begin();
    const res = await post(sim, '/v1/messages', 'gpt-4o');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const text = await res.text();
    expect([...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1])).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    const start = JSON.parse(/^data: (.*)$/m.exec(text)![1]) as { message: { model: string; role: string } };
    expect(start.message).toMatchObject({ model: 'gpt-4o', role: 'assistant' });
  });

  it('streams OpenAI chunks ending in [DONE] on /v1/chat/completions', async () => {
    const { sim } = await begin();
    const text = await (await post(sim, '/v1/chat/completions', 'grok-4')).text();
    const data = [...text.matchAll(/^data: (.*)$/gm)].map((m) => m[1]);
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data
      .slice(0, -1)
      .map((d) => JSON.parse(d) as { object: string; choices: { delta: object; finish_reason: string | null }[] });
    expect(chunks.every((c) => c.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks.map((c) => c.choices[0].delta)).toEqual([
      { role: 'assistant', content: '' },
      { content: 'pong' },
      {},
    ]);
    expect(chunks.at(-1)?.choices[0].finish_reason).toBe('length');
  });

  it('follows the timeline: 502 while providers are down, 503 unavailable, 429 with retry-after in a burst', async () => {
    const { sim, clock } = await begin();
    clock.advance(125_000);
    const down = await post(sim, '/v1/messages', 'gemini-2.5-pro');
    expect(down.status).toBe(502);
    expect(await down.json()).toEqual({
      type: 'error',
      error: { type: 'api_error', message: 'provider request failed: gemini: connection refused' },
    });
    clock.advance(150_000);
    expect((await post(sim, '/v1/chat/completions', 'gemini-2.5-pro')).status).toBe(503);
    clock.advance(90_000); // 5 s into the first 429 burst
    const limited = await post(sim, '/v1/messages', 'gemini-2.5-pro');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('10');
    expect(limited.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(await (await fetch(`${sim.url}/__sim/completions`)).json()).toEqual({
      gemini: { '502': 1, '503': 1, '429': 1 },
    });
  });

  it('refuses a wrong key with 401 and an unknown model with 400, in each API’s error shape', async () => {
    const { sim } = await begin('right');
    const refused = await post(sim, '/v1/chat/completions', 'gpt-4o', { authorization: 'Bearer wrong' });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({
      error: { message: 'invalid x-api-key', type: 'authentication_error', code: 'invalid_api_key' },
    });
    const unknown = await post(sim, '/v1/messages', 'no-such-model', { 'x-api-key': 'right' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe(
      'model no-such-model not found',
    );
  });
});
