import { afterEach, describe, expect, it } from 'vitest';
import * as statusBadge from '@/app/badge/[name]/status.svg/route';
import * as uptimeBadge from '@/app/badge/[name]/uptime/[window]/route';
import { getWindowStats, uptimePercent } from '@/lib/queries/get-window-stats';
import { preferredWidth, renderBadge } from '@/lib/status-pages/badge-svg';
import { DAY, invoke, statusFixture } from './status-fixture';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

describe('badges', () => {
  it("have shields.io's flat geometry: build | passing is 37 + 51 = 88 px wide", () => {
    // The reference is shields.io's own https://img.shields.io/badge/build-passing-brightgreen (flat).
    expect(preferredWidth('build')).toBe(27);
    expect(preferredWidth('passing')).toBe(41);
    const svg = renderBadge('build', 'passing', 'brightgreen');
    expect(svg).toContain('width="88" height="20"');
    expect(svg).toContain(
      '<rect width="37" height="20" fill="#555"/><rect x="37" width="51" height="20" fill="#4c1"/>',
    );
    expect(svg).toContain('x="195" y="140" transform="scale(.1)" fill="#fff" textLength="270">build</text>');
    expect(svg).toContain('x="615" y="140" transform="scale(.1)" fill="#fff" textLength="410">passing</text>');
  });

  it('tell status and the exact uptime of a published target, with an ETag answered by 304', async () => {
    const f = await statusFixture();
    close = f.close;
    const res = await invoke(statusBadge.GET, '/badge/ccproxy/status.svg', { name: 'ccproxy' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('cache-control')).toBe('public, max-age=10');
    expect(await res.text()).toContain('aria-label="ccproxy: up"');
    const etag = res.headers.get('etag')!;
    const again = await invoke(
      statusBadge.GET,
      '/badge/ccproxy/status.svg',
      { name: 'ccproxy' },
      { headers: { 'if-none-match': etag } },
    );
    expect(again.status).toBe(304);
    const now = f.clock.now();
    const up = uptimePercent(getWindowStats(f.lookout.readDb, now - 7 * DAY, now, f.ccproxy, false).get(f.ccproxy))!;
    const week = await invoke(uptimeBadge.GET, '/badge/ccproxy/uptime/7d.svg', { name: 'ccproxy', window: '7d.svg' });
    expect(await week.text()).toContain(`aria-label="uptime 7d: ${up.toFixed(2)}%"`);
    const bad = await invoke(uptimeBadge.GET, '/badge/ccproxy/uptime/1y.svg', { name: 'ccproxy', window: '1y.svg' });
    expect(bad.status).toBe(400);
  });
});
