import { describe, expect, it } from 'vitest';
import { clientKey, LoginLimiter } from '@/lib/auth/login-limiter';
import { FakeClock } from '@/lib/clock';

describe('login limiter', () => {
  it('gives five free failures, then doubles the lockout up to 15 minutes', () => {
    const clock = new FakeClock();
    const l = new LoginLimiter(clock);
    for (let i = 0; i < 4; i++) l.fail('a');
    expect(l.waitMs('a')).toBe(0);
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      l.fail('a');
      waits.push(l.waitMs('a'));
    }
    expect(waits).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 640_000, 900_000, 900_000, 900_000]);
    expect(l.waitMs('b')).toBe(0);
    l.succeed('a');
    expect(l.waitMs('a')).toBe(0);
  });

  it('also limits all clients together, so rotating X-Forwarded-For does not buy unlimited guesses', () => {
    const clock = new FakeClock();
    const l = new LoginLimiter(clock);
    for (let i = 0; i < 100; i++) l.fail(`10.0.${i >> 8}.${i & 255}`);
    expect(l.waitMs('192.0.2.1')).toBe(10_000);
    clock.advance(10_000);
    expect(l.waitMs('192.0.2.1')).toBe(0);
  });

  it('forgets old failures after an hour', () => {
    const clock = new FakeClock();
    const l = new LoginLimiter(clock);
    for (let i = 0; i < 4; i++) l.fail('a');
    clock.advance(61 * 60_000);
    l.fail('a');
    expect(l.waitMs('a')).toBe(0);
  });

  it('keys clients by the last X-Forwarded-For hop', () => {
    expect(clientKey(new Headers({ 'x-forwarded-for': '1.2.3.4, 10.0.0.1' }))).toBe('10.0.0.1');
    expect(clientKey(new Headers())).toBe('unknown');
  });
});
