import { type Silence, silenceState } from '@/lib/alerting';
import { toIso } from '@/lib/time/iso';

export function shapeSilence(s: Silence, now: number) {
  return {
    id: s.id,
    matchers: s.matchers.map((m) => ({ name: m.name, value: m.value, isRegex: m.isRegex, isEqual: m.isEqual ?? true })),
    starts_at: toIso(s.startsAt),
    ends_at: toIso(s.endsAt),
    created_by: s.createdBy,
    comment: s.comment,
    status: silenceState(s, now),
  };
}

/** Silences, newest end first. */
export function listSilences(silences: Silence[], now: number) {
  return [...silences].sort((a, b) => b.endsAt - a.endsAt).map((s) => shapeSilence(s, now));
}
