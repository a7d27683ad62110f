import { z } from 'zod';
import { durationSchema } from '@/lib/config/duration-schema';
import { relabelConfigSchema } from './relabel';

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
// Prometheus refuses these in `headers:`: the protocol and the auth settings own them.
const RESERVED_HEADERS = [
  'authorization',
  'host',
  'content-encoding',
  'content-length',
  'content-type',
  'user-agent',
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'www-authenticate',
  'accept-encoding',
  'x-prometheus-remote-write-version',
  'x-prometheus-remote-read-version',
];
const SIZE = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)$/i;
const SIZE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

const sizeSchema = z.string().transform((s, ctx) => {
  const m = SIZE.exec(s.trim());
  if (!m) {
    ctx.addIssue({ code: 'custom', message: `not a size: "${s}" (use e.g. 64MB or 1GiB)` });
    return z.NEVER;
  }
  return Math.round(Number(m[1]) * SIZE_UNITS[m[2].toLowerCase()]);
});

/** Prometheus's queue_config, the parts a one-shard queue with a disk buffer has a use for (docs/configuration.md#remote-write). */
const queueConfigSchema = z
  .strictObject({
    capacity: z.number().int().positive().default(10_000),
    max_samples_per_send: z.number().int().positive().default(2_000),
    batch_send_deadline: durationSchema.default(5_000),
    min_backoff: durationSchema.default(30),
    max_backoff: durationSchema.default(5_000),
    retry_on_http_429: z.boolean().default(true),
  })
  .refine((q) => q.min_backoff <= q.max_backoff, { message: 'min_backoff must not exceed max_backoff' })
  .refine((q) => q.max_samples_per_send <= q.capacity, {
    message: 'max_samples_per_send must not exceed capacity',
  });

/** One `remote_write:` entry in Prometheus's shape, plus Lookout's `buffer_size` (its SQLite buffer). */
export const remoteWriteEntrySchema = z
  .strictObject({
    // Credentials go in basic_auth/authorization, never into a URL that /metrics and /system show.
    url: z
      .url({
        protocol: /^https?$/,
        error: (i) => (i.input === undefined ? undefined : 'url must be an http:// or https:// URL'),
      })
      .refine((u) => !/^https?:\/\/[^/?#]*@/.test(u), 'put credentials in basic_auth, not in the url'),
    name: z
      .string()
      .regex(/^[\w.-]+$/, 'a name is letters, digits, _, . and -')
      .optional(),
    remote_timeout: durationSchema.default(30_000),
    headers: z
      .record(z.string(), z.string())
      .refine((h) => Object.keys(h).every((k) => !RESERVED_HEADERS.includes(k.toLowerCase())), {
        message: `these headers are set by the protocol or the auth settings: ${RESERVED_HEADERS.join(', ')}`,
      })
      .optional(),
    basic_auth: z
      .strictObject({ username: z.string(), password: z.string().optional(), password_file: z.string().optional() })
      .optional(),
    authorization: z
      .strictObject({
        type: z.string().default('Bearer'),
        credentials: z.string().optional(),
        credentials_file: z.string().optional(),
      })
      .optional(),
    bearer_token: z.string().optional(),
    bearer_token_file: z.string().optional(),
    write_relabel_configs: z.array(relabelConfigSchema).default([]),
    queue_config: queueConfigSchema.default(queueConfigSchema.parse({})),
    buffer_size: sizeSchema.default(100_000_000),
  })
  .superRefine((c, ctx) => {
    const auths = [c.basic_auth, c.authorization, c.bearer_token ?? c.bearer_token_file].filter((a) => a !== undefined);
    if (auths.length > 1)
      ctx.addIssue({
        code: 'custom',
        message: 'at most one of basic_auth, authorization & bearer_token must be configured',
      });
    if (c.basic_auth?.password !== undefined && c.basic_auth.password_file !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['basic_auth'],
        message: 'at most one of basic_auth password & password_file must be configured',
      });
    if (c.authorization?.type.toLowerCase() === 'basic')
      ctx.addIssue({
        code: 'custom',
        path: ['authorization', 'type'],
        message: 'authorization type cannot be set to "basic", use "basic_auth" instead',
      });
  });

export const remoteWriteSchema = z.array(remoteWriteEntrySchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((e, i) => {
    if (e.name === undefined) return;
    if (seen.has(e.name))
      ctx.addIssue({
        code: 'custom',
        path: [i, 'name'],
        message: `found multiple remote write configs with name "${e.name}"`,
      });
    seen.add(e.name);
  });
});

export type RemoteWriteEntry = z.output<typeof remoteWriteEntrySchema>;

/** `global.external_labels`: label names as Prometheus allows them (Mimir's HA tracker reads `__replica__`). */
export const externalLabelsSchema = z.record(z.string(), z.string()).superRefine((labels, ctx) => {
  for (const name of Object.keys(labels)) {
    if (!LABEL_NAME.test(name))
      ctx.addIssue({ code: 'custom', path: [name], message: 'an external label name must be a label name' });
  }
});
