import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as reload from '@/app/api/v1/config/reload/route';
import * as incidentRoute from '@/app/api/v1/status-pages/[id]/incidents/[incident]/route';
import * as updatesRoute from '@/app/api/v1/status-pages/[id]/incidents/[incident]/updates/route';
import * as incidentsRoute from '@/app/api/v1/status-pages/[id]/incidents/route';
import * as pageRoute from '@/app/api/v1/status-pages/[id]/route';
import * as subscriberRoute from '@/app/api/v1/status-pages/[id]/subscribers/[subscriber]/route';
import * as subscribersRoute from '@/app/api/v1/status-pages/[id]/subscribers/route';
import * as pagesRoute from '@/app/api/v1/status-pages/route';
import { FakeClock } from '@/lib/clock';
import { statusSlugForHost } from '@/lib/status-pages/hosts';
import { ADMIN, call, lookoutPerTest } from '../helpers/lookout';
import { invoke } from './status-fixture';

const start = lookoutPerTest();
type Data<T = Record<string, unknown>> = { data: T; error: { code: string; issues?: { path: string }[] } };

const body = {
  slug: 'main',
  title: 'Example',
  groups: [{ name: 'Core', components: [{ name: 'API', targets: ['ccproxy'], down_if: 'any' }] }],
};

describe('status pages API', () => {
  it('creates, lists, patches and deletes a page; a taken slug is a 409 and a bad one a 400 naming it', async () => {
    start();
    const created = await call(pagesRoute.POST, '/api/v1/status-pages', { method: 'POST', body });
    expect(created.status).toBe(201);
    const page = (created.body as Data<{ id: number }>).data;
    expect(page).toMatchObject({
      slug: 'main',
      title: 'Example',
      description: '',
      show_latency: false,
      path: '/status/main',
      provisioned: false,
    });
    expect((await call(pagesRoute.POST, '/api/v1/status-pages', { method: 'POST', body })).status).toBe(409);
    const bad = await call(pagesRoute.POST, '/api/v1/status-pages', {
      method: 'POST',
      body: { ...body, slug: 'Not A Slug' },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as Data).error.issues?.map((i) => i.path)).toContain('slug');
    const patched = await call(pageRoute.PATCH, '/x', {
      method: 'PATCH',
      id: page.id,
      body: { title: 'Renamed', host: 'Status.Example.com' },
    });
    expect(patched.status).toBe(200);
    expect((patched.body as Data).data).toMatchObject({
      title: 'Renamed',
      host: 'status.example.com',
      groups: body.groups,
    });
    expect(statusSlugForHost('status.example.com:443')).toBe('main');
    const list = await call(pagesRoute.GET, '/api/v1/status-pages', { token: null });
    expect(list.status).toBe(401);
    expect(((await call(pagesRoute.GET, '/api/v1/status-pages')).body as Data<unknown[]>).data).toHaveLength(1);
    expect((await call(pageRoute.DELETE, '/x', { method: 'DELETE', id: page.id })).status).toBe(204);
    expect((await call(pageRoute.GET, '/x', { id: page.id })).status).toBe(404);
    expect(statusSlugForHost('status.example.com')).toBeNull();
  });

  it('keeps the incident story: updates, resolution with a duration, postmortem, and webhooks POSTed to a real receiver', async () => {
    const clock = new FakeClock();
    start({ clock });
    const received: { event: string; incident: { status: string; title: string } }[] = [];
    let arrived: () => void = () => {};
    const server = http.createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c));
      req.on('end', () => {
        received.push(JSON.parse(text));
        res.end('ok');
        arrived();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook?secret=zz-hook-secret`;
    try {
      const pageId = (
        (await call(pagesRoute.POST, '/api/v1/status-pages', { method: 'POST', body })).body as Data<{ id: number }>
      ).data.id;
      const sub = await call(subscribersRoute.POST, '/x', { method: 'POST', id: pageId, body: { url: hook } });
      expect(sub.status).toBe(201);
      const subs = (await call(subscribersRoute.GET, '/x', { id: pageId })).body as Data<{ id: number; url: string }[]>;
      expect(subs.data[0].url).not.toContain('zz-hook-secret');

      const wait = (n: number) =>
        new Promise<void>((resolve) => {
          arrived = () => received.length >= n && resolve();
          if (received.length >= n) resolve();
        });
      const created = await call(incidentsRoute.POST, '/x', {
        method: 'POST',
        id: pageId,
        body: { title: 'Errors', components: ['API'], message: 'Looking.' },
      });
      expect(created.status).toBe(201);
      const incident = (created.body as Data<{ id: number; status: string }>).data;
      expect(incident.status).toBe('investigating');
      await wait(1);
      expect(received[0]).toMatchObject({
        event: 'incident.created',
        page: { slug: 'main' },
        incident: { title: 'Errors', status: 'investigating' },
      });

      clock.set(clock.now() + 45 * 60_000);
      const params = { id: String(pageId), incident: String(incident.id) };
      const resolved = await invoke(updatesRoute.POST, '/x', params, {
        token: ADMIN,
        method: 'POST',
        body: { status: 'resolved', message: 'Fixed.' },
      });
      expect(resolved.status).toBe(201);
      const after = (
        (await resolved.json()) as Data<{ status: string; starts_at: string; ends_at: string; updates: unknown[] }>
      ).data;
      expect(after.status).toBe('resolved');
      expect(Date.parse(after.ends_at) - Date.parse(after.starts_at)).toBe(45 * 60_000);
      expect(after.updates).toHaveLength(2);
      await wait(2);
      expect(received[1]).toMatchObject({ event: 'incident.updated', incident: { status: 'resolved' } });

      const pm = await invoke(incidentRoute.PATCH, '/x', params, {
        token: ADMIN,
        method: 'PATCH',
        body: { postmortem: 'A provider key expired.' },
      });
      expect(((await pm.json()) as Data<{ postmortem: string }>).data.postmortem).toBe('A provider key expired.');
      const noEnd = await call(incidentsRoute.POST, '/x', {
        method: 'POST',
        id: pageId,
        body: { kind: 'maintenance', title: 'Upgrade' },
      });
      expect(noEnd.status).toBe(400);
      expect((await invoke(incidentRoute.DELETE, '/x', params, { token: ADMIN, method: 'DELETE' })).status).toBe(204);
      const subId = String(subs.data[0].id);
      expect(
        (
          await invoke(
            subscriberRoute.DELETE,
            '/x',
            { id: String(pageId), subscriber: subId },
            { token: ADMIN, method: 'DELETE' },
          )
        ).status,
      ).toBe(204);
    } finally {
      server.close();
    }
  });

  it('provisions pages from status_pages: and follows the file on reload, leaving pages made by hand alone', async () => {
    const page = (slug: string, title: string) =>
      `  - slug: ${slug}\n    title: ${title}\n    groups:\n      - name: Core\n        components:\n          - name: API\n            targets: [ccproxy]\n`;
    const { dir, lookout } = start({ config: `status_pages:\n${page('main', 'Main')}${page('beta', 'Beta')}` });
    await call(pagesRoute.POST, '/api/v1/status-pages', { method: 'POST', body: { ...body, slug: 'by-hand' } });
    const slugs = async () =>
      (
        (await call(pagesRoute.GET, '/api/v1/status-pages')).body as Data<
          { slug: string; title: string; provisioned: boolean }[]
        >
      ).data;
    expect((await slugs()).map((p) => [p.slug, p.provisioned])).toEqual([
      ['beta', true],
      ['by-hand', false],
      ['main', true],
    ]);
    fs.writeFileSync(path.join(dir, 'lookout.yml'), `status_pages:\n${page('main', 'Renamed')}`);
    expect(lookout.env.configFile).toBe(path.join(dir, 'lookout.yml'));
    expect((await call(reload.POST, '/api/v1/config/reload', { method: 'POST' })).status).toBe(200);
    expect((await slugs()).map((p) => [p.slug, p.title])).toEqual([
      ['by-hand', 'Example'],
      ['main', 'Renamed'],
    ]);
  });
});
