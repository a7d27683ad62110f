import { formatDuration } from '@/lib/config/duration';
import type { Issue } from '@/lib/errors';
import type { Target } from '@/lib/swr/types';
import { issuesToFields } from './issue-fields';

export const FORM_FIELDS = [
  'name',
  'url',
  'method',
  'interval',
  'timeout',
  'conditions',
  'failure_threshold',
  'success_threshold',
  'headers',
  'body',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
/** The form keeps every field as the text the user typed. */
export type TargetFormValues = Record<FormField, string>;
export type FieldErrors = Partial<Record<FormField, string>>;

export const EMPTY_FORM: TargetFormValues = {
  name: '',
  url: '',
  method: 'GET',
  interval: '30s',
  timeout: '10s',
  conditions: '',
  failure_threshold: '1',
  success_threshold: '1',
  headers: '',
  body: '',
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
  const body: Record<string, unknown> = {
    name: v.name.trim(),
    url: v.url.trim(),
    method: v.method,
    interval: v.interval.trim(),
    timeout: v.timeout.trim(),
    conditions: v.conditions
      .split('\n')
      .map((c) => c.trim())
      .filter(Boolean),
    failure_threshold: whole(v.failure_threshold),
    success_threshold: whole(v.success_threshold),
  };
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
