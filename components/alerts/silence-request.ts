import { splitFieldErrors } from '@/lib/format/field-errors';
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

/** Splits the API's 400 message (`created_by: created_by is required; ends_at: …`) onto the fields it names. */
export function silenceErrorsFromMessage(message: string): { fields: SilenceErrors; general: string[] } {
  return splitFieldErrors(message, SILENCE_FIELDS);
}
