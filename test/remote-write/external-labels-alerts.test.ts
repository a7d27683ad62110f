import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertmanagerSender } from '@/lib/alerting/external/sender';
import { systemClock } from '@/lib/clock';
import { reloadConfig } from '@/lib/engine/reload';
import { makeLookout } from '../helpers/lookout';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of closers.reverse()) await c();
  closers.length = 0;
});

// Prometheus's notifier adds global.external_labels to every alert it posts, where the alert lacks the label; an HA
// pair's Alertmanager config then drops `replica` to deduplicate (docs/scale-out.md).
describe('global.external_labels on alerts sent to external Alertmanagers', () => {
  it('are added where the alert lacks them, never over its own labels', async () => {
    const bodies: { labels: Record<string, string> }[][] = [];
    const server = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      bodies.push(JSON.parse(Buffer.concat(chunks).toString()));
      res.writeHead(200);
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise<void>((r) => server.close(() => r())));
    const port = (server.address() as AddressInfo).port;
    const sender = new AlertmanagerSender(
      [{ url: `http://127.0.0.1:${port}/api/v2/alerts`, timeoutMs: 2_000, authorization: null }],
      systemClock,
    );
    sender.externalLabels = { replica: 'a', region: 'eu' };
    const now = Date.now();
    sender.send([
      {
        labels: { alertname: 'Down', job: 'api' },
        annotations: {},
        startsAt: now,
        endsAt: now + 60_000,
        generatorURL: 'x',
      },
      {
        labels: { alertname: 'Own', region: 'us' },
        annotations: {},
        startsAt: now,
        endsAt: now + 60_000,
        generatorURL: 'x',
      },
    ]);
    await sender.flush();
    expect(bodies.flat().map((a) => a.labels)).toEqual([
      { replica: 'a', region: 'eu', alertname: 'Down', job: 'api' },
      { replica: 'a', region: 'us', alertname: 'Own' },
    ]);
  });

  it('come from the provisioning file and follow a reload', async () => {
    const ctx = makeLookout({
      config: `global: { external_labels: { replica: b } }
alerting:
  alertmanagers: [{ static_configs: [{ targets: ["127.0.0.1:9"] }] }]
`,
    });
    closers.push(ctx.close);
    expect(ctx.lookout.alerts.alertmanagers.externalLabels).toEqual({ replica: 'b' });
    fs.writeFileSync(
      path.join(ctx.dir, 'lookout.yml'),
      `global: { external_labels: { replica: c } }
alerting:
  alertmanagers: [{ static_configs: [{ targets: ["127.0.0.1:9"] }] }]
remote_write: [{ url: "http://127.0.0.1:9/api/v1/write", name: r }]
`,
    );
    await reloadConfig(ctx.lookout);
    expect(ctx.lookout.alerts.alertmanagers.externalLabels).toEqual({ replica: 'c' });
    expect(ctx.lookout.remoteWrite.queues.map((q) => q.endpoint.name)).toEqual(['r']);
  });
});
