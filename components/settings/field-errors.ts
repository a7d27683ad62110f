import { ApiFailure } from '@/lib/swr/fetcher';

/** An API 400's issues by field name (the last path segment), the message under `form` otherwise. */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiFailure)) return { form: 'Saving failed; try again.' };
  const out: Record<string, string> = {};
  for (const i of err.issues) out[i.path.split('.').pop() || 'form'] ??= i.message;
  if (Object.keys(out).length === 0) out.form = err.message;
  return out;
}

/** A number field's text as the API takes it: empty is absent, anything else is sent as typed (the API says why). */
export function numberOrText(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}
