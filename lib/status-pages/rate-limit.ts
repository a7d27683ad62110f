import { clientKey } from '@/lib/auth/login-limiter';
import { RateLimitedError } from '@/lib/errors';

// Per client address: a bucket of BURST requests refilled at RATE per second (docs/status-pages.md#limits).
// Read on each call, so tests (and the benchmark's server) can set it without reloading the module.
const rate = () => Number(process.env.LOOKOUT_PUBLIC_RATE_LIMIT ?? 20);
const MAX_CLIENTS = 10_000;

const KEY = Symbol.for('lookout.public-buckets');
type Holder = { [KEY]?: Map<string, { tokens: number; at: number }> };

/** Throws a 429 with Retry-After when the caller has spent its bucket; a rate of 0 turns the limit off. */
export function limitPublic(req: Request, now = performance.now()): void {
  const RATE = rate();
  if (!(RATE > 0)) return;
  const BURST = Math.max(RATE * 5, 1);
  const g = globalThis as Holder;
  const buckets = (g[KEY] ??= new Map());
  const ip = clientKey(req.headers);
  const b = buckets.get(ip) ?? { tokens: BURST, at: now };
  b.tokens = Math.min(BURST, b.tokens + ((now - b.at) / 1000) * RATE);
  b.at = now;
  buckets.delete(ip);
  buckets.set(ip, b);
  if (buckets.size > MAX_CLIENTS) buckets.delete(buckets.keys().next().value as string);
  if (b.tokens < 1) {
    throw new RateLimitedError(
      'rate_limited',
      'too many requests; try again shortly',
      Math.ceil((1 - b.tokens) / RATE),
    );
  }
  b.tokens -= 1;
}

export function resetPublicLimits(): void {
  (globalThis as Holder)[KEY]?.clear();
}
