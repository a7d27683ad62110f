import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RemoteWriteEntry } from './config-schema';
import { type CompiledRelabel, compileRelabel } from './relabel';

/** One receiver, ready to send to: secrets resolved (never logged or returned by a read). */
export interface RemoteWriteEndpoint {
  /** `name:` or, as Prometheus names an unnamed queue, a short hash of its URL; keys the disk buffer. */
  name: string;
  url: string;
  timeoutMs: number;
  headers: Record<string, string>;
  relabel: CompiledRelabel[];
  maxSamplesPerSend: number;
  batchSendDeadlineMs: number;
  minBackoffMs: number;
  maxBackoffMs: number;
  retryOn429: boolean;
  bufferBytes: number;
}

const readSecret = (file: string, baseDir: string) => fs.readFileSync(path.resolve(baseDir, file), 'utf8').trim();

function authorizationOf(e: RemoteWriteEntry, baseDir: string): string | null {
  if (e.basic_auth) {
    const { username, password, password_file } = e.basic_auth;
    const secret = password_file ? readSecret(password_file, baseDir) : (password ?? '');
    return `Basic ${Buffer.from(`${username}:${secret}`).toString('base64')}`;
  }
  if (e.authorization) {
    const { type, credentials, credentials_file } = e.authorization;
    return `${type} ${credentials_file ? readSecret(credentials_file, baseDir) : (credentials ?? '')}`;
  }
  if (e.bearer_token !== undefined) return `Bearer ${e.bearer_token}`;
  if (e.bearer_token_file !== undefined) return `Bearer ${readSecret(e.bearer_token_file, baseDir)}`;
  return null;
}

/** The receivers of `remote_write:`; a credentials file that cannot be read throws with its path. */
export function remoteWriteEndpoints(entries: RemoteWriteEntry[], baseDir: string): RemoteWriteEndpoint[] {
  return entries.map((e) => {
    const authorization = authorizationOf(e, baseDir);
    const q = e.queue_config;
    return {
      name: e.name ?? createHash('sha256').update(e.url).digest('hex').slice(0, 6),
      url: e.url,
      timeoutMs: e.remote_timeout,
      headers: { ...(e.headers ?? {}), ...(authorization ? { authorization } : {}) },
      relabel: e.write_relabel_configs.map(compileRelabel),
      maxSamplesPerSend: q.max_samples_per_send,
      batchSendDeadlineMs: q.batch_send_deadline,
      minBackoffMs: q.min_backoff,
      maxBackoffMs: q.max_backoff,
      retryOn429: q.retry_on_http_429,
      bufferBytes: e.buffer_size,
    };
  });
}
