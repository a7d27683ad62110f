import { expect, it } from 'vitest';
import { LogCorrelator } from '@/lib/logs';
import { v1 } from './ccproxy-fixtures';

it('throughput sanity: 200k CCProxy v1 lines (printed, not asserted)', () => {
  const kinds = [v1.routed(), v1.request(), v1.sent(), v1.streamed];
  const lines = Array.from({ length: 200_000 }, (_, i) => kinds[i % kinds.length]);
  const c = new LogCorrelator({ format: 'auto' });
  const at = Date.UTC(2026, 10, 27, 12);
  // One warm-up pass so the figure reflects steady-state JIT code, as in the long-running pipeline.
  for (let i = 0; i < lines.length; i++) c.process(lines[i], at);
  let requests = 0;
  const started = performance.now();
  for (let i = 0; i < lines.length; i++) if (c.process(lines[i], at + i).request) requests++;
  const seconds = (performance.now() - started) / 1000;
  console.log(`[lib/logs] 200k CCProxy v1 lines: ${(lines.length / seconds / 1000).toFixed(0)}k lines/s (${(seconds * 1000).toFixed(0)} ms)`);
  expect(requests).toBe(50_000);
});
