import { describe, expect, it } from 'vitest';
import { deserializeState, emptyLiveState, serializeState } from '@/lib/logs/correlator-state';

describe('stored correlator state', () => {
  it('reads back what it wrote', () => {
    const live = emptyLiveState();
    live.detected = 'v0';
    live.v0.pending.set('req-1', {
      provider: 'groq',
      model: 'm',
      inputTokens: 7,
      outputTokens: null,
      rateLimited: false,
      startedAt: 5,
      responded: null,
    });
    live.v0.awaiting.push('req-1');
    expect(deserializeState(JSON.stringify(serializeState(live)))).toEqual(live);
  });

  it('refuses a state that is corrupt, too large or from another version', () => {
    const stored = serializeState(emptyLiveState());
    expect(deserializeState('{not json')).toBeNull();
    expect(deserializeState({ ...stored, version: 2 })).toBeNull();
    expect(deserializeState({ ...stored, detected: 'v2' })).toBeNull();
    expect(deserializeState({ ...stored, v0: { ...stored.v0, seq: Number.POSITIVE_INFINITY } })).toBeNull();
    expect(deserializeState({ ...stored, v0: { ...stored.v0, seq: '1' } })).toBeNull();
    expect(
      deserializeState({ ...stored, v1: { ...stored.v1, lastRequest: { method: 'x'.repeat(2049), path: null } } }),
    ).toBeNull();
    expect(
      deserializeState({ ...stored, v0: { ...stored.v0, awaiting: Array.from({ length: 100_001 }, () => 'a') } }),
    ).toBeNull();
  });
});
