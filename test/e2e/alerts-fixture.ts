// Alerting needs a provisioning file and a webhook receiver; this writes one and starts both.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type RunningLookout, startLookout } from './lookout-server';

export const ALERT_NAME = 'E2ETargetDown';
export const RUNBOOK_URL = 'https://runbooks.example.com/e2e-target-down';
export const TARGET_NAME = 'e2e-down';

/** lookout.yml and alerts.yml: a target on a closed port, a rule that fires 2 s after it is down, a webhook receiver. */
export function writeAlertingConfig(dir: string, closedPort: number, hookUrl: string): string {
  fs.writeFileSync(
    path.join(dir, 'alerts.yml'),
    `groups:
  - name: e2e
    rules:
      - alert: ${ALERT_NAME}
        expr: up{job="${TARGET_NAME}"} == 0
        for: 2s
        labels: { severity: critical }
        annotations:
          summary: "The e2e target is down"
          description: "up is {{ $value }} for <b>job</b> ${TARGET_NAME}"
          runbook_url: "${RUNBOOK_URL}"
`,
  );
  const file = path.join(dir, 'lookout.yml');
  fs.writeFileSync(
    file,
    `global:
  scrape_interval: 1s
  evaluation_interval: 1s
targets:
  - name: ${TARGET_NAME}
    url: http://127.0.0.1:${closedPort}/health
    interval: 1s
    timeout: 500ms
rule_files: [alerts.yml]
alerting:
  route:
    receiver: hook
    group_by: [alertname]
    group_wait: 1s
    group_interval: 1s
    repeat_interval: 1h
  receivers:
    - name: hook
      webhook_configs: [{ url: "${hookUrl}" }]
`,
  );
  return file;
}

export interface Webhook {
  url: string;
  bodies: unknown[];
  close: () => Promise<void>;
}

/** A real receiver on 127.0.0.1 that records every JSON body and answers 200. */
export async function startWebhook(): Promise<Webhook> {
  const bodies: unknown[] = [];
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      bodies.push(JSON.parse(data || 'null') as unknown);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The harness's start with `configFile` as LOOKOUT_CONFIG (null: none). */
export function startLookoutWithConfig(configFile: string | null): Promise<RunningLookout> {
  return startLookout(configFile ? { LOOKOUT_CONFIG: configFile } : {});
}
