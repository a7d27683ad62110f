import { formatDuration } from '@/lib/config/duration';
import type { Issue } from '@/lib/errors';
import type { Target } from '@/lib/swr/types';
import { issuesToFields } from './issue-fields';

export const FORM_FIELDS = [
  'name',
  'type',
  'url',
  'method',
  'interval',
  'timeout',
  'conditions',
  'failure_threshold',
  'success_threshold',
  'headers',
  'body',
  'insecure_skip_verify',
  'send',
  'expect',
  'server',
  'query_name',
  'query_type',
  'packets',
  'period',
  'schedule',
  'timezone',
  'grace',
  'starttls',
  'api',
  'model',
  'provider',
  'api_key',
  'max_requests_per_day',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
/** The form keeps every field as the text the user typed. */
export type TargetFormValues = Record<FormField, string>;
export type FieldErrors = Partial<Record<FormField, string>>;

/** The types the form offers. */
export const FORM_TYPES = ['http', 'tcp', 'tls', 'dns', 'icmp', 'heartbeat', 'llm'] as const;

/** Which of the type-specific fields the form shows, and sends, for each type. */
export const TYPE_FIELDS: Record<string, readonly FormField[]> = {
  http: ['url', 'method', 'headers', 'body', 'insecure_skip_verify'],
  tcp: ['url', 'starttls', 'send', 'expect', 'insecure_skip_verify'],
  tls: ['url', 'insecure_skip_verify'],
  dns: ['server', 'query_name', 'query_type'],
  icmp: ['url', 'packets'],
  heartbeat: ['period', 'schedule', 'timezone', 'grace'],
  llm: ['url', 'api', 'model', 'provider', 'api_key', 'max_requests_per_day', 'headers'],
};

export const EMPTY_FORM: TargetFormValues = {
  name: '',
  type: 'http',
  url: '',
  method: 'GET',
  interval: '30s',
  timeout: '10s',
  conditions: '',
  failure_threshold: '1',
  success_threshold: '1',
  headers: '',
  body: '',
  insecure_skip_verify: '',
  send: '',
  expect: '',
  server: '',
  query_name: '',
  query_type: 'A',
  packets: '3',
  period: '1h',
  schedule: '',
  timezone: 'UTC',
  grace: '0s',
  starttls: '',
  api: '',
  model: '',
  provider: '',
  api_key: '',
  max_requests_per_day: '1000',
};

/** Headers and body are secrets the API never returns, so an edit form starts with them blank. */
export function formFromTarget(t: Target): TargetFormValues {
  return {
    name: t.name,
    url: t.url,
    method: t.method,
    interval: formatDuration(t.interval_s * 1000),
    timeout: formatDuration(t.timeout_ms),
    conditions: t.conditions.join('\n'),
    failure_threshold: String(t.failure_threshold),
    success_threshold: String(t.success_threshold),
    headers: '',
    body: '',
    insecure_skip_verify: t.insecure_skip_verify ? 'true' : '',
    send: '',
    expect: t.expect ?? '',
    server: t.server ?? '',
    query_name: t.query_name ?? '',
    query_type: t.query_type ?? 'A',
    packets: String(t.packets ?? 3),
    period: formatDuration((t.period_s ?? 3600) * 1000),
    schedule: t.schedule ?? '',
    timezone: t.timezone ?? 'UTC',
    starttls: t.starttls ?? '',
    grace: formatDuration((t.grace_s ?? 0) * 1000),
    api: t.api ?? '',
    model: t.model ?? '',
    provider: t.provider ?? '',
    api_key: '',
    max_requests_per_day: String(t.max_requests_per_day ?? 1000),
    type: t.type,
  };
}

/** `Key: value` lines → a header object; null with the line number when a line has no colon. */
export function parseHeaderLines(text: string): { headers: Record<string, string> } | { error: string } {
  const headers: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { error: `line ${i + 1} needs the form Key: value` };
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return { headers };
}

const whole = (s: string): number | string => (/^\s*\d+\s*$/.test(s) ? Number(s) : s);

/** The POST/PATCH body; on edit, blank headers and body mean "keep what is stored". */
export function requestFromForm(
  v: TargetFormValues,
  mode: 'create' | 'edit',
): { body: Record<string, unknown> } | { errors: FieldErrors } {
  const shown = TYPE_FIELDS[v.type] ?? TYPE_FIELDS.http;
  const body: Record<string, unknown> = {
    name: v.name.trim(),
    ...((mode === 'edit' || v.type !== 'http') && { type: v.type }),
    ...(shown.includes('url') && { url: v.url.trim() }),
    ...(shown.includes('method') && { method: v.method }),
    interval: v.interval.trim(),
    timeout: v.timeout.trim(),
    conditions: v.conditions
      .split('\n')
      .map((c) => c.trim())
      .filter(Boolean),
    failure_threshold: whole(v.failure_threshold),
    success_threshold: whole(v.success_threshold),
  };
  for (const field of ['expect', 'server', 'query_name', 'grace', 'starttls', 'api', 'model', 'provider'] as const) {
    if (shown.includes(field) && v[field].trim()) body[field] = v[field].trim();
  }
  // A heartbeat with a schedule sends it (and its zone) instead of the period.
  if (shown.includes('schedule') && v.schedule.trim()) {
    body.schedule = v.schedule.trim();
    body.timezone = v.timezone.trim() || 'UTC';
  } else if (shown.includes('period') && v.period.trim()) body.period = v.period.trim();
  if (v.type === 'tcp' && v.starttls) {
    delete body.expect;
  }
  if (shown.includes('query_type')) body.query_type = v.query_type;
  if (shown.includes('packets')) body.packets = whole(v.packets);
  // The key is a secret the API never returns: blank on edit keeps the stored one.
  if (shown.includes('api_key') && v.api_key.trim()) body.api_key = v.api_key.trim();
  if (shown.includes('max_requests_per_day')) body.max_requests_per_day = whole(v.max_requests_per_day);
  if (shown.includes('send') && v.send && !v.starttls) body.send = v.send;
  const verifies = v.type !== 'tcp' || v.starttls !== '';
  if (shown.includes('insecure_skip_verify') && verifies && (v.insecure_skip_verify || mode === 'edit'))
    body.insecure_skip_verify = v.insecure_skip_verify === 'true';
  if (!shown.includes('headers')) return { body };
  if (v.headers.trim()) {
    const parsed = parseHeaderLines(v.headers);
    if ('error' in parsed) return { errors: { headers: parsed.error } };
    body.headers = parsed.headers;
  }
  if (v.body.trim()) body.body = v.body;
  if (mode === 'create') {
    if (!body.interval) delete body.interval;
    if (!body.timeout) delete body.timeout;
  }
  return { body };
}

/** The API's 400/409 issues under the form fields they name; a condition's index becomes its line number. */
export function targetFieldErrors(failure: { message: string; issues: Issue[] }): {
  fields: FieldErrors;
  general: string[];
} {
  return issuesToFields(failure, FORM_FIELDS, (field, rest, text) =>
    field === 'conditions' && /^\d+$/.test(rest[0] ?? '') ? `line ${Number(rest[0]) + 1}: ${text}` : text,
  );
}
