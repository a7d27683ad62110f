// npx tsx test/bench/redact-keys.bench.ts — what hashing API keys before parsing costs the ingest pipeline
// (docs/llm-cost.md#attribution): the parse of CCProxy v1 lines by SourcePipeline.prepare, which includes the
// redaction, beside redactKeys alone over the same lines, without keys and with a key on every request line.
import { performance } from 'node:perf_hooks';
import { SourcePipeline } from '@/lib/ingest/source-pipeline';
import { redactKeys } from '@/lib/llm/redact-keys';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100_000);
const BATCH = 1_000;

function lines(withKey: boolean): string[] {
  const out: string[] = [];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < REQUESTS; i++) {
    const time = new Date(start + i * 100).toISOString();
    const key = withKey ? `,"x-api-key":"sk-ant-api03-${String(i).padStart(8, '0')}abcdefghijklmnop"` : '';
    out.push(
      `{"level":"info","msg":"Routed to provider=groq, model=moonshotai/kimi-k2-instruct, tokens=${200 + (i % 900)}, strategy=explicit model selection","time":"${time}"}`,
      `{"client_ip":"127.0.0.1","level":"info","method":"POST","msg":"HTTP request received","path":"/v1/messages","time":"${time}","type":"request","user_agent":"claude-cli/1.0.60"${key}}`,
      `{"duration":1.284511,"level":"info","msg":"HTTP response sent","size":1843,"status":200,"time":"${time}","type":"response"}`,
    );
  }
  return out;
}

function timePrepare(all: string[]): number {
  const p = new SourcePipeline({
    id: 1,
    name: 'ccproxy',
    kind: 'http',
    path: null,
    format: 'ccproxy',
    timezone: null,
    start_at: 'beginning',
    extract: '[]',
    parser_state: null,
  });
  const t = performance.now();
  for (let i = 0; i < all.length; i += BATCH) {
    p.prepare(
      all.slice(i, i + BATCH).map((text) => ({ text, truncated: false })),
      Date.now(),
    );
    p.committed({ parserState: null } as never);
  }
  return performance.now() - t;
}

function timeRedact(all: string[]): number {
  const t = performance.now();
  let n = 0;
  for (const l of all) n += redactKeys(l).length;
  if (n === 0) throw new Error('nothing redacted');
  return performance.now() - t;
}

for (const withKey of [false, true]) {
  const all = lines(withKey);
  timePrepare(all.slice(0, 30_000)); // warm-up
  timeRedact(all.slice(0, 30_000));
  const prepare = timePrepare(all);
  const redact = timeRedact(all);
  const rate = (ms: number) => Math.round(all.length / (ms / 1000)).toLocaleString('en-US');
  console.log(
    `${withKey ? 'a key on every request line' : 'no keys (CCProxy as shipped)'}: ${all.length.toLocaleString('en-US')} lines — ` +
      `prepare ${rate(prepare)} lines/s (${prepare.toFixed(0)} ms, redaction included), redactKeys alone ` +
      `${rate(redact)} lines/s (${redact.toFixed(0)} ms) = ${((redact / prepare) * 100).toFixed(1)} % of prepare`,
  );
}
