import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import * as html from '@/app/status/[slug]/route';
import { fastStatusAnswer } from '@/lib/status-pages/fast-path';
import { forgetRendered } from '@/lib/status-pages/public-cache';
import { resetPublicLimits } from '@/lib/status-pages/rate-limit';
import { invoke, statusFixture } from './status-fixture';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
  delete process.env.LOOKOUT_PUBLIC_RATE_LIMIT;
});

describe('the fast path of scripts/start.mjs', () => {
  it('answers a page rendered in the last 10 s exactly as the route did, gzipped once, with 304 and the rate limit', async () => {
    const f = await statusFixture();
    close = f.close;
    forgetRendered();
    expect(fastStatusAnswer('GET', '/status/main', {}, '203.0.113.1')).toBeNull(); // nothing rendered yet
    const routed = await invoke(html.GET, '/status/main', { slug: 'main' });
    const text = await routed.text();
    const fast = fastStatusAnswer('GET', '/status/main', { 'accept-encoding': 'gzip, br' }, '203.0.113.1')!;
    expect(fast.status).toBe(200);
    expect(fast.headers['content-encoding']).toBe('gzip');
    expect(fast.headers.etag).toBe(routed.headers.get('etag'));
    expect(fast.headers['content-security-policy']).toBe(routed.headers.get('content-security-policy'));
    expect(gunzipSync(fast.body!).toString()).toBe(text);
    const plain = fastStatusAnswer('GET', '/status/main', {}, '203.0.113.1')!;
    expect(new TextDecoder().decode(plain.body!)).toBe(text);
    expect(fastStatusAnswer('GET', '/status/main', { 'if-none-match': fast.headers.etag }, '203.0.113.1')?.status).toBe(
      304,
    );
    // Anything else goes to Next.
    expect(fastStatusAnswer('POST', '/status/main', {}, '203.0.113.1')).toBeNull();
    expect(fastStatusAnswer('GET', '/status/main?theme=dark', {}, '203.0.113.1')).toBeNull();
    expect(fastStatusAnswer('GET', '/status/main/summary.json', {}, '203.0.113.1')).toBeNull();
    expect(fastStatusAnswer('GET', '/status/main?x=1', {}, '203.0.113.1')).toBeNull();
    expect(fastStatusAnswer('GET', '/', { host: 'example.org' }, '203.0.113.1')).toBeNull();

    resetPublicLimits();
    let limited = null;
    for (let i = 0; i < 200 && !limited; i++) {
      const a = fastStatusAnswer('GET', '/status/main', { 'x-forwarded-for': '198.51.100.4' }, '127.0.0.1');
      if (a?.status === 429) limited = a;
    }
    expect(limited?.headers['retry-after']).toMatch(/^\d+$/);
  });
});
