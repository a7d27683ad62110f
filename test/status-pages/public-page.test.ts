import { afterEach, describe, expect, it } from 'vitest';
import * as updatesRoute from '@/app/api/v1/status-pages/[id]/incidents/[incident]/updates/route';
import * as incidentsRoute from '@/app/api/v1/status-pages/[id]/incidents/route';
import * as targetRoute from '@/app/api/v1/targets/[id]/route';
import * as atom from '@/app/status/[slug]/feed.atom/route';
import * as rss from '@/app/status/[slug]/feed.rss/route';
import * as html from '@/app/status/[slug]/route';
import * as summary from '@/app/status/[slug]/summary.json/route';
import { getWindowStats } from '@/lib/queries/get-window-stats';
import { forgetRendered } from '@/lib/status-pages/public-cache';
import { call } from '../helpers/lookout';
import { DAY, invoke, statusFixture } from './status-fixture';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function setup() {
  const f = await statusFixture();
  close = f.close;
  return f;
}

const page = (headers: Record<string, string> = {}, query = '') =>
  invoke(html.GET, `/status/main${query}`, { slug: 'main' }, { headers });

interface Summary {
  page: { id: string; name: string; url: string; updated_at: string };
  status: { indicator: string; description: string };
  components: { id: string; name: string; status: string; group: boolean; uptime_90d?: number }[];
  incidents: { name: string; status: string; incident_updates: { body: string; status: string }[] }[];
  scheduled_maintenances: { name: string; scheduled_for: string }[];
}

describe('public status page', () => {
  it('renders server-side HTML without any script: overall state, components, 90 exact daily bars and the outage in the history', async () => {
    const f = await setup();
    const res = await page();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-frame-options')).toBeNull();
    const text = await res.text();
    expect(text).not.toMatch(/<script/i);
    expect(text).toContain('<h1>Example Services</h1>');
    expect(text).toContain('All systems operational');
    expect(text).toContain('<span class="cname">API</span><span class="state st-operational">Operational</span>');
    const bars = [...text.matchAll(/<i(?: class="b-(\w+)")?(?: title="([^"]*)")?><\/i>/g)];
    expect(bars).toHaveLength(90);
    // The last three bars are the fixture's days; each tooltip's uptime is the day's exact share of up checks.
    const days = [0, 1, 2].map((d) => f.t0 + d * DAY);
    for (const [i, day] of days.entries()) {
      const s = getWindowStats(f.lookout.readDb, day, day + DAY, f.ccproxy, false).get(f.ccproxy)!;
      const title = bars[87 + i][2];
      expect(title).toContain(
        `${new Date(day).toISOString().slice(0, 10)}: ${((s.up / s.checks) * 100).toFixed(2)}% uptime`,
      );
    }
    expect(bars[88][2]).toContain('95.83% uptime · 1 incident');
    expect(bars[88][1]).toBe('bad');
    expect(bars[0][0]).toBe('<i></i>'); // no checks that day
    expect(text).toContain('API is down');
    expect(text).toContain('lasted 1 h 0 min');
    expect(text).toMatch(/<svg class="spark"/);
  });

  it('answers summary.json in Statuspage shape, with the 90-day uptime the uptime API gives', async () => {
    const f = await setup();
    const res = await invoke(summary.GET, '/status/main/summary.json', { slug: 'main' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await res.json()) as Summary;
    expect(body.page).toMatchObject({ id: 'main', name: 'Example Services', url: 'http://127.0.0.1/status/main' });
    expect(body.status).toEqual({ indicator: 'none', description: 'All systems operational' });
    const api = body.components.find((c) => c.name === 'API')!;
    expect(api).toMatchObject({ id: 'api', status: 'operational', group: false });
    const target = (await call(targetRoute.GET, `/api/v1/targets/${f.ccproxy}`, { id: f.ccproxy })).body as {
      data: { uptime: Record<string, number> };
    };
    expect(api.uptime_90d).toBeCloseTo(target.data.uptime['30d'], 3);
    expect(body.components.find((c) => c.group)).toMatchObject({ name: 'Core', group: true });
    expect(body.incidents).toEqual([]);
    expect(body.scheduled_maintenances).toEqual([]);
  });

  it('tells a written incident with its Markdown updates on the page, in summary.json and in both feeds', async () => {
    const f = await setup();
    const created = await call(incidentsRoute.POST, `/api/v1/status-pages/${f.pageId}/incidents`, {
      method: 'POST',
      id: f.pageId,
      body: {
        title: 'Slow answers from the API',
        impact: 'major',
        components: ['API'],
        message: 'We are **looking** into it.',
      },
    });
    expect(created.status).toBe(201);
    const incidentId = (created.body as { data: { id: number } }).data.id;
    f.clock.advance(20 * 60_000);
    const upd = await invoke(
      updatesRoute.POST,
      '/x',
      { id: String(f.pageId), incident: String(incidentId) },
      { token: f.admin, method: 'POST', body: { status: 'identified', message: 'A provider is `rate limiting` us.' } },
    );
    expect(upd.status).toBe(201);
    const text = await (await page()).text();
    expect(text).toContain('Major outage');
    expect(text).toContain('Slow answers from the API');
    expect(text).toContain('A provider is <code>rate limiting</code> us.');
    expect(text).toContain('We are <strong>looking</strong> into it.');
    const body = (await (await invoke(summary.GET, '/status/main/summary.json', { slug: 'main' })).json()) as Summary;
    expect(body.status.indicator).toBe('major');
    expect(body.incidents).toHaveLength(1);
    expect(body.incidents[0]).toMatchObject({ name: 'Slow answers from the API', status: 'identified' });
    expect(body.incidents[0].incident_updates.map((u) => u.body)).toEqual([
      'A provider is rate limiting us.',
      'We are looking into it.',
    ]);
    const feed = await (await invoke(atom.GET, '/status/main/feed.atom', { slug: 'main' })).text();
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(feed).toContain('<title>Slow answers from the API (identified)</title>');
    expect(feed).toContain('&lt;code&gt;rate limiting&lt;/code&gt;');
    expect(feed.match(/<entry>/g)).toHaveLength(2); // the written incident and the automatic one of day 2
    const r = await invoke(rss.GET, '/status/main/feed.rss', { slug: 'main' });
    expect(r.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const rssText = await r.text();
    expect(rssText).toContain('<rss version="2.0"><channel><title>Example Services status</title>');
    expect(rssText.match(/<item>/g)).toHaveLength(2);
  });

  it('shows scheduled maintenance ahead of time, then in progress', async () => {
    const f = await setup();
    const now = f.clock.now();
    const res = await call(incidentsRoute.POST, `/api/v1/status-pages/${f.pageId}/incidents`, {
      method: 'POST',
      id: f.pageId,
      body: {
        kind: 'maintenance',
        title: 'Database upgrade',
        components: ['API'],
        starts_at: new Date(now + 3_600_000).toISOString(),
        ends_at: new Date(now + 7_200_000).toISOString(),
        message: 'Expect a minute of errors.',
      },
    });
    expect(res.status).toBe(201);
    let text = await (await page()).text();
    expect(text).toContain('<h2>Scheduled maintenance</h2>');
    expect(text).toContain('Database upgrade <span class="pill">scheduled</span>');
    f.clock.advance(90 * 60_000);
    forgetRendered();
    text = await (await page()).text();
    expect(text).toContain('Maintenance in progress');
    expect(text).toContain('Database upgrade <span class="pill">in progress</span>');
    expect(text).toContain('st-under_maintenance');
  });

  it('is cached with an ETag: 304 on If-None-Match, and themes by ?theme=', async () => {
    await setup();
    const first = await page();
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=10');
    const again = await page({ 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await (await page({}, '?theme=dark')).text()).toContain('<html lang="en" data-theme="dark">');
  });

  it('answers 404 for an unknown slug and 429 with Retry-After to a flood from one address', async () => {
    await setup();
    const missing = await invoke(html.GET, '/status/nope', { slug: 'nope' });
    expect(missing.status).toBe(404);
    let limited: Response | null = null;
    for (let i = 0; i < 500 && !limited; i++) {
      const r = await page({ 'x-forwarded-for': '198.51.100.9' });
      if (r.status === 429) limited = r;
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another visitor is not affected.
    expect((await page({ 'x-forwarded-for': '198.51.100.10' })).status).toBe(200);
  });
});
