import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { durationSchema } from '@/lib/config/duration-schema';

// No `user:password@`: credentials go in basic_auth, never into a URL that /metrics and logs show.
const HOST_PORT = /^[^/\s?#@]+:\d{1,5}$|^[^/\s?#:@]+$/;

/** One entry of Prometheus's `alerting.alertmanagers`, the parts Lookout implements (docs/configuration.md#external-alertmanagers). */
const alertmanagerSchema = z.strictObject({
  static_configs: z
    .array(
      z.strictObject({
        targets: z.array(z.string().regex(HOST_PORT, 'a target is host:port, without scheme or path')).min(1),
        labels: z.record(z.string(), z.string()).optional(),
      }),
    )
    .min(1, 'list the Alertmanagers under static_configs: [{ targets: [host:9093] }]'),
  scheme: z.enum(['http', 'https']).default('http'),
  path_prefix: z.string().default('/'),
  timeout: durationSchema.default(10_000),
  api_version: z.literal('v2', { error: 'only api_version v2 exists in Alertmanager 0.25 and later' }).default('v2'),
  basic_auth: z
    .strictObject({
      username: z.string(),
      password: z.string().optional(),
      password_file: z.string().optional(),
    })
    .optional(),
  authorization: z
    .strictObject({
      type: z.string().default('Bearer'),
      credentials: z.string().optional(),
      credentials_file: z.string().optional(),
    })
    .optional(),
  follow_redirects: z.boolean().optional(),
});

export const alertmanagersSchema = z.array(alertmanagerSchema);
export type AlertmanagerTargetConfig = z.infer<typeof alertmanagerSchema>;

/** Where one Alertmanager takes alerts, and the header that authenticates (a secret: never logged or returned). */
export interface AlertmanagerEndpoint {
  url: string;
  timeoutMs: number;
  authorization: string | null;
}

const readSecret = (file: string, baseDir: string) => fs.readFileSync(path.resolve(baseDir, file), 'utf8').trim();

function authorizationOf(c: AlertmanagerTargetConfig, baseDir: string): string | null {
  if (c.basic_auth && c.authorization) throw new Error('at most one of basic_auth & authorization must be configured');
  if (c.basic_auth) {
    const { username, password, password_file } = c.basic_auth;
    if (password && password_file)
      throw new Error('at most one of basic_auth password & password_file must be configured');
    const secret = password_file ? readSecret(password_file, baseDir) : (password ?? '');
    return `Basic ${Buffer.from(`${username}:${secret}`).toString('base64')}`;
  }
  if (c.authorization) {
    const { type, credentials, credentials_file } = c.authorization;
    if (credentials && credentials_file)
      throw new Error('at most one of authorization credentials & credentials_file must be configured');
    if (type.toLowerCase() === 'basic')
      throw new Error('authorization type cannot be set to "basic", use "basic_auth" instead');
    const secret = credentials_file ? readSecret(credentials_file, baseDir) : (credentials ?? '');
    return `${type} ${secret}`;
  }
  return null;
}

/** Every Alertmanager the entries list: `scheme://target/path_prefix/api/v2/alerts`, as Prometheus's notifier posts. */
export function alertmanagerEndpoints(configs: AlertmanagerTargetConfig[], baseDir: string): AlertmanagerEndpoint[] {
  return configs.flatMap((c) => {
    const authorization = authorizationOf(c, baseDir);
    const prefix = c.path_prefix.replace(/\/+$/, '');
    return c.static_configs.flatMap((s) =>
      s.targets.map((t) => ({
        url: `${c.scheme}://${t}${prefix.startsWith('/') || prefix === '' ? prefix : `/${prefix}`}/api/v2/alerts`,
        timeoutMs: c.timeout,
        authorization,
      })),
    );
  });
}
