import type { Issue } from '@/lib/errors';
import { issuesToFields } from '@/lib/format/issue-fields';
import type { SilenceInput } from '@/lib/swr/alert-types';
import { parseMatcherLines } from './silence-matchers';

export const DURATION_PRESETS = ['1h', '4h', '1d'] as const;
export type DurationChoice = (typeof DURATION_PRESETS)[number] | 'custom';

export interface SilenceFormValues {
  matchers: string;
  duration: DurationChoice;
  /** A `datetime-local` value, in the browser's zone; used when `duration` is custom. */
  endsAt: string;
  author: string;
  comment: string;
}

export const SILENCE_FIELDS = ['matchers', 'ends_at', 'created_by', 'comment'] as const;
export type SilenceField = (typeof SILENCE_FIELDS)[number];
export type SilenceErrors = Partial<Record<SilenceField, string>>;

/** The POST body, or the errors the browser can already see; author and comment are left to the API to judge. */
export function silenceRequest(v: SilenceFormValues): { body: SilenceInput } | { errors: SilenceErrors } {
  const parsed = parseMatcherLines(v.matchers);
  const errors: SilenceErrors = {};
  if (!parsed.ok) errors.matchers = parsed.errors.join('; ');
  let endsAt = `now+${v.duration}`;
  if (v.duration === 'custom') {
    const ms = v.endsAt ? new Date(v.endsAt).getTime() : NaN;
    if (!Number.isFinite(ms)) errors.ends_at = 'pick the time the silence ends';
    else endsAt = new Date(ms).toISOString();
  }
  if (!parsed.ok || errors.ends_at) return { errors };
  return { body: { matchers: parsed.matchers, ends_at: endsAt, created_by: v.author, comment: v.comment } };
}

/** The API's 400 issues (`created_by`, `matchers.0.name`, …) onto the fields they name. */
export function silenceFieldErrors(failure: { message: string; issues: Issue[] }): {
  fields: SilenceErrors;
  general: string[];
} {
  return issuesToFields(failure, SILENCE_FIELDS);
}
