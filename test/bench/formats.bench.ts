// npm run bench:formats — per format family on the written corpus (test/logs/corpus): share of lines with
// their own time (right, not merely present), with the right level (of the lines that carry one), with the
// message the format defines, and lines/s through a source's correlator. Then generic text and JSON
// throughput; with BENCH_BASE_LOGS=<dir of another lib/logs> the same lines go through that parser too,
// interleaved, so the ratio is measured side by side. BENCH_SAMPLES=<dir> adds files of real lines
// (one family per file, named <family>[.anything].log) for the own-time share only: they have no ground truth here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LogCorrelator, parseLine } from '@/lib/logs';
import type { SourceFormat } from '@/lib/logs/source-formats';
import { loadCorpus } from '../logs/formats/corpus';

type Parse = (line: string, receivedAt: number) => { ts: number; tsFallback: boolean };
const REPEAT = Number(process.env.BENCH_REPEAT ?? 100_000);
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const pct = (a: number, b: number) => (b === 0 ? '—' : `${fmt((100 * a) / b, 1)}%`);

function families(): void {
  console.log('family            lines  own time  right level  message   lines/s');
  let all = 0;
  let timed = 0;
  let levelled = 0;
  let levelOk = 0;
  for (const file of loadCorpus()) {
    const c = new LogCorrelator({ timezone: file.timezone });
    let time = 0;
    let lvl = 0;
    let lvlOk = 0;
    let msg = 0;
    for (const k of file.cases) {
      const p = c.process(k.line, file.receivedAt);
      if (k.ts === null ? p.tsFallback : !p.tsFallback && p.ts === k.ts) time++;
      if (k.level !== null) {
        lvl++;
        if (p.level === k.level) lvlOk++;
      }
      if (p.message === (k.message ?? k.line)) msg++;
    }
    const n = file.cases.length;
    const lines = file.cases.map((k) => k.line);
    const started = performance.now();
    for (let i = 0; i < REPEAT; i++) c.process(lines[i % lines.length], file.receivedAt);
    const rate = REPEAT / ((performance.now() - started) / 1000);
    console.log(
      `${file.family.padEnd(16)} ${String(n).padStart(6)}  ${pct(time, n).padStart(8)}  ${pct(lvlOk, lvl).padStart(11)}  ${pct(msg, n).padStart(7)}  ${fmt(rate).padStart(9)}`,
    );
    all += n;
    timed += time;
    levelled += lvl;
    levelOk += lvlOk;
  }
  console.log(
    `all              ${String(all).padStart(6)}  ${pct(timed, all).padStart(8)}  ${pct(levelOk, levelled).padStart(11)}`,
  );
}

function samples(dir: string): void {
  console.log(`\nsamples in ${dir}: share with a time of their own (no ground truth), lines/s`);
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .sort()) {
    const family = name.split('.')[0];
    const lines = readFileSync(path.join(dir, name), 'utf8')
      .split('\n')
      .filter((l) => l.trim().length > 0);
    const received = Date.now();
    for (const format of ['auto', family] as const) {
      const c = new LogCorrelator({ format: format as SourceFormat });
      let own = 0;
      let fam = 0;
      const started = performance.now();
      for (const l of lines) {
        const p = c.process(l, received);
        if (!p.tsFallback) own++;
        if (p.family === family) fam++;
      }
      const rate = lines.length / ((performance.now() - started) / 1000);
      console.log(
        `${`${family} (${format === 'auto' ? 'detected' : 'pinned'})`.padEnd(34)} ${String(lines.length).padStart(7)}  own time ${pct(own, lines.length).padStart(6)}  family ${pct(fam, lines.length).padStart(6)}  ${fmt(rate).padStart(9)}`,
      );
    }
  }
}

const TEXT = [
  '2026-01-01T00:00:00Z INFO request served path=/api/v1/x status=200 ms=12',
  '2026-01-01 00:00:01.123 WARN [worker-3] queue depth 1200 above 1000',
  '[2026-01-01T00:00:02.000Z] ERROR payment failed: card declined',
  'Error: ENOENT: no such file or directory, open /etc/app.yaml',
  'server listening on port 8080',
  '2026-01-01T00:00:03+01:00 DEBUG cache miss key=user:7',
];
const JSON_LINES = [
  '{"level":"info","time":"2026-01-01T00:00:00.402Z","msg":"request served","status":200,"duration_ms":12,"path":"/api/v1/x"}',
  '{"level":50,"time":1767225600123,"pid":4242,"hostname":"web-1","msg":"request errored"}',
  '{"level":"debug","ts":1767225600.2501233,"caller":"cache/cache.go:42","msg":"cache miss","key":"u:1"}',
  '{"@timestamp":"2026-01-01T00:00:00.001Z","log.level":"WARN","message":"slow query","ecs.version":"1.6.0"}',
];

function rate(parse: Parse, lines: string[], n: number): number {
  const at = Date.UTC(2026, 0, 2);
  let fallback = 0;
  const started = performance.now();
  for (let i = 0; i < n; i++) if (parse(lines[i % lines.length], at).tsFallback) fallback++;
  const s = (performance.now() - started) / 1000;
  if (fallback > n) throw new Error('unreachable');
  return n / s;
}

async function throughput(): Promise<void> {
  const n = Number(process.env.BENCH_LINES ?? 400_000);
  const baseDir = process.env.BENCH_BASE_LOGS;
  const base: Parse | null = baseDir ? (await import(path.resolve(baseDir, 'parse-line.ts'))).parseLine : null;
  console.log(
    `\nthroughput, ${fmt(n)} lines per run, best of 5 interleaved runs${base ? ' (this parser vs BENCH_BASE_LOGS)' : ''}`,
  );
  // The corpus's text lines: what the families cost against the old parser reading the same lines as plain text.
  const corpus = loadCorpus()
    .flatMap((f) => f.cases.map((c) => c.line))
    .filter((l) => !l.startsWith('{'));
  for (const [name, lines] of [
    ['text', TEXT],
    ['json', JSON_LINES],
    ['families (corpus text lines)', corpus],
  ] as const) {
    let best = 0;
    let bestBase = 0;
    for (let run = 0; run < 5; run++) {
      best = Math.max(best, rate(parseLine, [...lines], n));
      if (base) bestBase = Math.max(bestBase, rate(base, [...lines], n));
    }
    console.log(
      `${name.padEnd(28)} ${fmt(best).padStart(10)} lines/s${base ? `   base ${fmt(bestBase).padStart(10)} lines/s   ratio ${fmt(best / bestBase, 2)}` : ''}`,
    );
  }
}

families();
if (process.env.BENCH_SAMPLES) samples(process.env.BENCH_SAMPLES);
await throughput();
