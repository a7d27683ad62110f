import { randomUUID } from 'node:crypto';
import { compileAnchoredRe2 } from '../regex/re2';
import type { Labels } from '../rules/labels';
import type { Matcher } from './matchers';
import { matchesAll } from './matchers';

/** Alertmanager API matcher form. */
export type ApiMatcher = { name: string; value: string; isRegex: boolean; isEqual?: boolean };

export type Silence = {
  id: string;
  matchers: ApiMatcher[];
  startsAt: number;
  endsAt: number;
  createdBy: string;
  comment: string;
  updatedAt: number;
};

export type SilenceState = 'pending' | 'active' | 'expired';

export function toMatcher(m: ApiMatcher): Matcher {
  const eq = m.isEqual ?? true;
  return { name: m.name, value: m.value, op: m.isRegex ? (eq ? '=~' : '!~') : eq ? '=' : '!=' };
}

export function silenceState(s: Silence, now: number): SilenceState {
  if (now < s.startsAt) return 'pending';
  return now < s.endsAt ? 'active' : 'expired';
}

/** Silences with Alertmanager's validation; state is a plain list for persistence. */
export class SilenceStore {
  private silences = new Map<string, Silence>();

  constructor(initial: Silence[] = []) {
    for (const s of initial) this.silences.set(s.id, { ...s });
  }

  create(input: Omit<Silence, 'id' | 'updatedAt'>, now: number): Silence {
    if (input.matchers.length === 0) throw new Error('silence must have at least one matcher');
    for (const m of input.matchers) {
      if (!m.name) throw new Error('silence matcher has an empty label name');
      if (m.isRegex) {
        try {
          compileAnchoredRe2(m.value);
        } catch {
          throw new Error(`silence matcher ${m.name} has an invalid regular expression`);
        }
      }
    }
    // Like Alertmanager: at least one matcher must not match the empty string.
    if (input.matchers.every((m) => matchesAll([toMatcher(m)], {}))) {
      throw new Error('silence matchers must not all match the empty string');
    }
    if (!(input.endsAt > input.startsAt)) throw new Error('silence ends_at must be after starts_at');
    if (input.endsAt <= now) throw new Error('silence ends_at must be in the future');
    const s: Silence = { ...input, startsAt: Math.max(input.startsAt, now), id: randomUUID(), updatedAt: now };
    this.silences.set(s.id, s);
    return { ...s };
  }

  /** Expires a silence now (Alertmanager keeps expired silences for their retention, so do we). */
  expire(id: string, now: number): boolean {
    const s = this.silences.get(id);
    if (!s) return false;
    if (silenceState(s, now) === 'pending') this.silences.delete(id);
    else if (s.endsAt > now) Object.assign(s, { endsAt: now, updatedAt: now });
    return true;
  }

  list(): Silence[] {
    return [...this.silences.values()].map((s) => ({ ...s }));
  }

  /** Ids of the active silences that mute this label set. */
  silencedBy(labels: Labels, now: number): string[] {
    const out: string[] = [];
    for (const s of this.silences.values()) {
      if (silenceState(s, now) === 'active' && matchesAll(s.matchers.map(toMatcher), labels)) out.push(s.id);
    }
    return out;
  }

  /** Drops silences expired longer than retention (Alertmanager's default is 5 days). */
  gc(now: number, retentionMs = 5 * 86_400_000): void {
    for (const [id, s] of this.silences) if (s.endsAt + retentionMs < now) this.silences.delete(id);
  }

  toJSON(): Silence[] {
    return this.list();
  }
}
