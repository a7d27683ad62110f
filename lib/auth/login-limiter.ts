import type { Clock } from '@/lib/clock';

const FREE_FAILURES = 5;
const BASE_LOCK_MS = 10_000;
const MAX_LOCK_MS = 15 * 60_000;
const FORGET_MS = 60 * 60_000;
const MAX_ENTRIES = 10_000;
// X-Forwarded-For can be forged when Lookout faces the internet directly, so all clients together also
// have a budget: rotating addresses buys an attacker a few hundred guesses, not millions.
const GLOBAL_KEY = '*';
const GLOBAL_FREE_FAILURES = 100;
const GLOBAL_MAX_LOCK_MS = 5 * 60_000;

interface Entry {
  failures: number;
  lockedUntil: number;
  lastFailure: number;
}

/** Failed sign-ins per client: five are free, then each one doubles the wait (10 s, 20 s, … 15 min). */
export class LoginLimiter {
  private entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock) {}

  /** Milliseconds `key` must still wait before its next attempt; 0 when it may try now. */
  waitMs(key: string): number {
    const now = this.clock.now();
    const wait = (k: string) => Math.max(0, (this.live(k, now)?.lockedUntil ?? 0) - now);
    return Math.max(wait(key), wait(GLOBAL_KEY));
  }

  fail(key: string): void {
    const now = this.clock.now();
    this.bump(key, now, FREE_FAILURES, MAX_LOCK_MS);
    this.bump(GLOBAL_KEY, now, GLOBAL_FREE_FAILURES, GLOBAL_MAX_LOCK_MS);
  }

  succeed(key: string): void {
    this.entries.delete(key);
  }

  private live(key: string, now: number): Entry | undefined {
    const e = this.entries.get(key);
    if (e && now - e.lastFailure > FORGET_MS && now >= e.lockedUntil) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  private bump(key: string, now: number, free: number, maxLock: number): void {
    const e = this.live(key, now) ?? { failures: 0, lockedUntil: 0, lastFailure: now };
    e.failures++;
    e.lastFailure = now;
    if (e.failures >= free) e.lockedUntil = now + Math.min(maxLock, BASE_LOCK_MS * 2 ** (e.failures - free));
    this.entries.delete(key);
    this.entries.set(key, e);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** The client address as Lookout sees it: the last X-Forwarded-For hop (added by Next or the nearest proxy). */
export function clientKey(headers: Headers): string {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return hops.at(-1) ?? 'unknown';
}
