import { afterEach, describe, expect, it } from 'vitest';
import * as incidentsRoute from '@/app/api/v1/status-pages/[id]/incidents/route';
import * as pageRoute from '@/app/api/v1/status-pages/[id]/route';
import * as latencyBadge from '@/app/badge/[name]/latency.svg/route';
import * as statusBadge from '@/app/badge/[name]/status.svg/route';
import * as uptimeBadge from '@/app/badge/[name]/uptime/[window]/route';
import * as atom from '@/app/status/[slug]/feed.atom/route';
import * as rss from '@/app/status/[slug]/feed.rss/route';
import * as html from '@/app/status/[slug]/route';
import * as summary from '@/app/status/[slug]/summary.json/route';
import { createApiToken } from '@/lib/auth/api-tokens';
import { call } from '../helpers/lookout';
import { HIDDEN_URL, INTERNAL_URL, invoke, SECRET_REASON, statusFixture } from './status-fixture';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

const XSS = '<script>alert("zz-xss")</script><img src=x onerror=alert(1)>[x](javascript:alert(1))';

describe('what public status answers show', () => {
  it('never shows an internal URL, an unpublished target, a reason, a header, a token or a log line', async () => {
    const f = await statusFixture();
    close = f.close;
    const readToken = createApiToken(f.lookout.db, 'reader', 'read', f.clock.now()).token;
    // An open outage on the published target (its reason is secret), and a written incident carrying XSS.
    f.lookout.db
      .prepare('INSERT INTO incidents (target_id, start, end, reason) VALUES (?, ?, NULL, ?)')
      .run(f.ccproxy, f.clock.now() - 60_000, SECRET_REASON);
    f.lookout.db.prepare("UPDATE targets SET status = 'down' WHERE id = ?").run(f.ccproxy);
    const r = await call(incidentsRoute.POST, `/api/v1/status-pages/${f.pageId}/incidents`, {
      method: 'POST',
      id: f.pageId,
      body: { title: `Errors ${XSS}`, components: ['API'], message: XSS, postmortem: XSS },
    });
    expect(r.status).toBe(201);
    const patched = await call(pageRoute.PATCH, `/api/v1/status-pages/${f.pageId}`, {
      method: 'PATCH',
      id: f.pageId,
      body: { description: `Our status ${XSS}` },
    });
    expect(patched.status).toBe(200);

    const themes = ['', '?theme=dark', '?theme=light'];
    const answers: [string, Response][] = [];
    for (const q of themes)
      answers.push([`/status/main${q}`, await invoke(html.GET, `/status/main${q}`, { slug: 'main' })]);
    answers.push([
      '/status/main/summary.json',
      await invoke(summary.GET, '/status/main/summary.json', { slug: 'main' }),
    ]);
    answers.push(['/status/main/feed.atom', await invoke(atom.GET, '/status/main/feed.atom', { slug: 'main' })]);
    answers.push(['/status/main/feed.rss', await invoke(rss.GET, '/status/main/feed.rss', { slug: 'main' })]);
    answers.push([
      '/badge/ccproxy/status.svg',
      await invoke(statusBadge.GET, '/badge/ccproxy/status.svg', { name: 'ccproxy' }),
    ]);
    answers.push([
      '/badge/ccproxy/latency.svg',
      await invoke(latencyBadge.GET, '/badge/ccproxy/latency.svg', { name: 'ccproxy' }),
    ]);
    for (const w of ['24h', '7d', '30d', '90d'])
      answers.push([
        `/badge/ccproxy/uptime/${w}.svg`,
        await invoke(uptimeBadge.GET, `/badge/ccproxy/uptime/${w}.svg`, { name: 'ccproxy', window: `${w}.svg` }),
      ]);

    const forbidden = [
      INTERNAL_URL,
      '10.1.2.3',
      HIDDEN_URL,
      'internal-only',
      'billing-db',
      'zz-secret-reason',
      'condition failed',
      'zz-hidden-error',
      'zz-target-header-token',
      'authorization',
      f.admin,
      readToken,
      '/api/v1',
      '/targets/',
      'target_id',
      '"reason"',
      '<script',
    ];
    for (const [url, res] of answers) {
      expect(res.status, url).toBe(200);
      const text = await res.text();
      for (const word of forbidden) expect(text.includes(word), `${url} shows ${word}`).toBe(false);
      // Escaped payloads may show as text; no tag may carry an event handler or a script URL.
      for (const tag of text.match(/<[^>]*>/g) ?? []) {
        expect(tag, url).not.toMatch(/\son\w+\s*=/i);
        expect(tag, url).not.toMatch(/javascript:/i);
      }
      for (const [name, value] of res.headers) {
        for (const word of forbidden.slice(0, 11)) expect(value.includes(word), `${url} header ${name}`).toBe(false);
      }
    }
    const page = await (await invoke(html.GET, '/status/main', { slug: 'main' })).text();
    expect(page).toContain('Major outage');
    expect(page).toContain('&lt;script&gt;alert(&quot;zz-xss&quot;)&lt;/script&gt;');
  });

  it('shows badges of an unpublished target only to read rights, and hides which targets exist from nobody else', async () => {
    const f = await statusFixture();
    close = f.close;
    const readToken = createApiToken(f.lookout.db, 'reader', 'read', f.clock.now()).token;
    const anon = await invoke(statusBadge.GET, '/badge/billing-db/status.svg', { name: 'billing-db' });
    expect(anon.status).toBe(401);
    const withToken = await invoke(
      statusBadge.GET,
      '/badge/billing-db/status.svg',
      { name: 'billing-db' },
      { token: readToken },
    );
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('cache-control')).toBe('private, max-age=10');
    expect(await withToken.text()).toMatch(/aria-label="billing-db: (up|down)"/);
    expect((await invoke(statusBadge.GET, '/badge/nobody/status.svg', { name: 'nobody' })).status).toBe(404);
  });
});
