import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { HttpRequest } from '../http-post';

/** One request a notifier makes: where, and what (secrets are in `url`/`headers`, never logged). */
export type OutRequest = HttpRequest & { url: string };

/** Alertmanager's notify.Key.Hash: hex SHA-256 of the group key (PagerDuty dedup_key, Opsgenie alias). */
export const groupKeyHash = (groupKey: string) => createHash('sha256').update(groupKey).digest('hex');

/** Alertmanager's TruncateInRunes: at most n code points, the last one "…" when cut. */
export function truncateRunes(s: string, n: number): string {
  const r = Array.from(s);
  if (r.length <= n) return s;
  return n <= 3 ? r.slice(0, n).join('') : `${r.slice(0, n - 1).join('')}…`;
}

/** Alertmanager's TruncateInBytes: at most n UTF-8 bytes, ending "…" when cut, never splitting a character. */
export function truncateBytes(s: string, n: number): string {
  if (Buffer.byteLength(s) <= n) return s;
  if (n <= 3) return n === 3 ? '…' : '.'.repeat(n);
  const r = Array.from(s);
  let out = r.slice(0, n - 3);
  while (Buffer.byteLength(out.join('')) > n - 3) out = out.slice(0, -1);
  return `${out.join('')}…`;
}

/** A secret given inline or as `*_file` (trimmed, as Alertmanager trims key files). */
export function secret(value: string | undefined, file: string | undefined, what: string): string {
  if (value) return value;
  if (!file) return '';
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    throw new Error(`cannot read the ${what} file`);
  }
}

type Authorization = { type?: string; credentials?: string; credentials_file?: string };

/** http_config.authorization as Prometheus's HTTP client sends it (`Bearer` by default). */
export function authorizationHeader(httpConfig: Record<string, unknown> | undefined): Record<string, string> {
  const a = httpConfig?.authorization as Authorization | undefined;
  if (!a) return {};
  const cred = secret(a.credentials, a.credentials_file, 'credentials');
  return { authorization: `${a.type || 'Bearer'} ${cred}` };
}
