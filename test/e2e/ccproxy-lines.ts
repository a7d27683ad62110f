// CCProxy v1 log lines (docs/ccproxy-reference.md#log-lines-v1-current) for the last `minutes`, deterministic so screenshots are comparable.

const PROVIDERS = [
  { name: 'groq', model: 'moonshotai/kimi-k2-instruct', weight: 5 },
  { name: 'openai', model: 'gpt-4o', weight: 3 },
  { name: 'gemini', model: 'gemini-2.5-pro', weight: 2 },
] as const;

/** A markup-laden line that must reach the browser as text, never as HTML. */
export const MARKUP_MESSAGE = '<img src=x onerror="window.__pwned=1"><b>bold</b> & <script>window.__pwned=2</script>';

const line = (ms: number, level: string, msg: string, extra: Record<string, unknown> = {}) => {
  const obj: Record<string, unknown> = { level, msg, time: new Date(ms).toISOString(), ...extra };
  return JSON.stringify(Object.fromEntries(Object.entries(obj).sort(([a], [b]) => a.localeCompare(b))));
};

function statusFor(i: number): number {
  if (i % 23 === 7) return 429;
  if (i % 31 === 11) return 502;
  if (i % 47 === 5) return 500;
  return 200;
}

/** `count` requests spread over the last `minutes`, oldest first, plus a few non-request lines. */
export function ccproxyLines(now: number, count = 240, minutes = 50): string {
  const out: string[] = [
    line(now - minutes * 60_000 - 5_000, 'info', 'CCProxy started', { port: 3456, type: 'startup', version: '1.8.3' }),
  ];
  const total = PROVIDERS.reduce((s, p) => s + p.weight, 0);
  for (let i = 0; i < count; i++) {
    const end = now - minutes * 60_000 + Math.round(((i + 0.5) / count) * minutes * 60_000);
    let pick = (i * 7) % total;
    const p = PROVIDERS.find((x) => (pick -= x.weight) < 0) ?? PROVIDERS[0];
    const status = statusFor(i);
    const seconds = status === 429 ? 0.2 + (i % 5) / 20 : 0.15 + ((i * 37) % 100) / 40 + (i % 19 === 0 ? 6 : 0);
    const start = end - Math.round(seconds * 1000);
    out.push(
      line(
        start,
        'info',
        `Routed to provider=${p.name}, model=${p.model}, tokens=${300 + ((i * 53) % 900)}, strategy=explicit model selection`,
      ),
    );
    out.push(
      line(end, 'info', 'HTTP request received', {
        client_ip: '127.0.0.1',
        method: 'POST',
        path: '/v1/messages',
        type: 'request',
        user_agent: 'claude-cli/1.0.60',
      }),
    );
    const ok = status < 400;
    out.push(
      line(end, ok ? 'info' : 'error', ok ? 'HTTP response sent' : 'HTTP response error', {
        duration: seconds,
        size: ok ? 1843 : 187,
        status,
        type: 'response',
      }),
    );
    if (i % 40 === 20)
      out.push(line(end + 1, 'warning', `Provider ${p.name} marked unhealthy after 3 failures: server error: 503`));
  }
  out.push(line(now - 60_000, 'error', MARKUP_MESSAGE, { type: 'test' }));
  return `${out.join('\n')}\n`;
}

export async function ingest(
  baseUrl: string,
  token: string,
  source: string,
  body: string,
): Promise<{ accepted: number; rejected: number }> {
  const res = await fetch(`${baseUrl}/api/v1/logs?source=${source}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
    body,
  });
  if (!res.ok) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { accepted: number; rejected: number };
}
