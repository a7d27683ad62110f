import fs from 'node:fs';
import { expect } from 'vitest';

/** An independent recount of a simulator log file, written from docs/ccproxy-reference.md rather than from lib/sim. */
export interface Recount {
  lines: number;
  byProvider: Record<
    string,
    {
      requests: number;
      errors: number;
      client_errors: number;
      rate_limited: number;
      input_tokens: number;
      output_tokens: number;
    }
  >;
  latencies: number[];
}

type Line = Record<string, unknown>;

function readLines(file: string): Line[] {
  const text = fs.readFileSync(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
}

function count(r: Recount, provider: string, status: number, input: number, output: number, latency: number): void {
  const b = (r.byProvider[provider] ??= {
    requests: 0,
    errors: 0,
    client_errors: 0,
    rate_limited: 0,
    input_tokens: 0,
    output_tokens: 0,
  });
  b.requests++;
  if (status >= 500) b.errors++;
  if (status >= 400 && status < 500) b.client_errors++;
  if (status === 429) b.rate_limited++;
  b.input_tokens += input;
  b.output_tokens += output;
  r.latencies.push(latency);
}

export function recountV1(file: string): Recount {
  const r: Recount = { lines: 0, byProvider: {}, latencies: [] };
  let routed: { provider: string; tokens: number } | null = null;
  for (const l of readLines(file)) {
    r.lines++;
    const m = /^Routed to provider=([^,]+), model=[^,]+, tokens=(\d+), strategy=/.exec(String(l.msg));
    if (m) routed = { provider: m[1], tokens: Number(m[2]) };
    if (l.type === 'response') {
      // A response with no Routed line of its own (a /health poll) has no provider.
      count(r, routed?.provider ?? '(none)', Number(l.status), routed?.tokens ?? 0, 0, Number(l.duration) * 1000);
      routed = null;
    }
  }
  return r;
}

export function recountV0(file: string): Recount {
  const r: Recount = { lines: 0, byProvider: {}, latencies: [] };
  const provider = new Map<string, string>();
  const tokens = new Map<string, [number, number]>();
  for (const l of readLines(file)) {
    r.lines++;
    const id = String(l.request_id);
    if (l.action === 'anthropic_request') provider.set(id, String(l.provider));
    if (l.action === 'anthropic_response') tokens.set(id, [Number(l.input_tokens), Number(l.output_tokens)]);
    if (l.type === 'http_request') {
      const [input, output] = tokens.get(id) ?? [0, 0];
      count(r, provider.get(id) ?? '?', Number(l.status), input, output, Number(l.duration));
    }
  }
  return r;
}
