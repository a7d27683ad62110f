import { createHash } from 'node:crypto';
import { fieldPath, getField } from '@/lib/logs/field-path';
import type { AttributionMapping } from './attribution-schema';

export interface Attribution {
  client: string | null;
  user: string | null;
}

const KEY_FIELDS = [
  'api_key',
  'x-api-key',
  'x_api_key',
  'apikey',
  'authorization',
  'http.request.header.authorization',
];
const CLIENT_FIELDS = ['client', 'tool', 'user_agent', 'user-agent', 'http.user_agent', 'user_agent.original'];
const USER_FIELDS = ['user.email', 'user_email', 'user', 'user.id', 'user_id'];
const MAX_LABEL = 100;

const paths = (names: readonly string[]) => names.map(fieldPath);
const DEFAULT_KEYS = paths(KEY_FIELDS);
const DEFAULT_CLIENTS = paths(CLIENT_FIELDS);
const DEFAULT_USERS = paths(USER_FIELDS);

function text(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t ? t.slice(0, MAX_LABEL) : null;
}

function first(fields: Record<string, unknown>, list: ReturnType<typeof paths>): { key: string; value: string } | null {
  for (const p of list) {
    const value = text(getField(fields, p));
    if (value !== null) return { key: p.key, value };
  }
  return null;
}

/** A key is never stored: `key-` and the first 12 hex digits of its SHA-256 (a hash already is kept as it is). */
export function hashKey(raw: string): string {
  const key = raw.replace(/^(bearer|basic)\s+/i, '').trim();
  if (/^key-[0-9a-f]{12}$/.test(key)) return key;
  return `key-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

/** `claude-cli/1.0.60 (external, cli)` → `claude-cli`: one client however often it updates. */
export function productOf(userAgent: string): string {
  return userAgent.split(/[\s/]/, 1)[0] || userAgent;
}

/** Builds the function that labels a request from the fields of its request line. */
export function createAttributor(mapping: AttributionMapping | null): (fields: Record<string, unknown>) => Attribution {
  const clientPath = mapping?.client ? [fieldPath(mapping.client)] : null;
  // A mapped user-agent field labels by product too, as the default does: one client however often it updates.
  const mappedAgent = /agent/i.test(mapping?.client ?? '');
  const userPath = mapping?.user ? [fieldPath(mapping.user)] : DEFAULT_USERS;
  const keyPath = mapping?.key ? [fieldPath(mapping.key)] : DEFAULT_KEYS;
  return (fields) => {
    const user = first(fields, userPath)?.value ?? null;
    if (clientPath) {
      const client = first(fields, clientPath)?.value ?? null;
      return { client: client !== null && mappedAgent ? productOf(client) : client, user };
    }
    const key = first(fields, keyPath);
    if (key) return { client: hashKey(key.value), user };
    const found = first(fields, DEFAULT_CLIENTS);
    if (!found) return { client: null, user };
    const isAgent = found.key.includes('agent');
    return { client: isAgent ? productOf(found.value) : found.value, user };
  };
}
