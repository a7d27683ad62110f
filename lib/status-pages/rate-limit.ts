import { clientKey } from '@/lib/auth/login-limiter';
import { RateLimitedError } from '@/lib/errors';

// Per client address: a bucket of BURST requests refilled at RATE per second (docs/status-pages.md#limits).
// Read on each call, so tests (and the benchmark's server) can set it without reloading the module.
const rate = () => Number(process.env.LOOKOUT_PUBLIC_RATE_LIMIT ?? 20);
const MAX_CLIENTS = 10_000;

const KEY = Symbol.for('lookout.public-buckets');
type Holder = { [KEY]?: Map<string, { tokens: number; at: number }> };

/** Spends one request of `ip`'s bucket: 0 when allowed, else the seconds to wait. A rate of 0 turns the limit off. */
export function takePublicToken(ip: string, now = performance.now()): number {
  const RATE = rate();
  if (!(RATE > 0)) return 0;
  const BURST = Math.max(RATE * 5, 1);
  const g = globalThis as Holder;
  const buckets = (g[KEY] ??= new Map());
  const b = buckets.get(ip) ?? { tokens: BURST, at: now };
  b.tokens = Math.min(BURST, b.tokens + ((now - b.at) / 1000) * RATE);
  b.at = now;
  buckets.delete(ip);
  buckets.set(ip, b);
  if (buckets.size > MAX_CLIENTS) buckets.delete(buckets.keys().next().value as string);
  if (b.tokens < 1) return Math.ceil((1 - b.tokens) / RATE);
  b.tokens -= 1;
  return 0;
}

/** Throws a 429 with Retry-After when the caller has spent its bucket. */
export function limitPublic(req: Request): void {
  const wait = takePublicToken(clientKey(req.headers));
  if (wait) throw new RateLimitedError('rate_limited', 'too many requests; try again shortly', wait);
}

export function resetPublicLimits(): void {
  (globalThis as Holder)[KEY]?.clear();
}
