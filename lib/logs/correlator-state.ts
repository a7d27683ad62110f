import { z } from 'zod';
import { emptyV0State, type V0State } from './ccproxy-v0';
import { emptyV1State, type V1State } from './ccproxy-v1';
import type { CcproxyVersion } from './types';

export const CORRELATOR_STATE_VERSION = 1;

const num = z.number().finite();
const str = z.string().max(2048).nullable();
const pendingSchema = z.object({
  provider: str, model: str, inputTokens: num.nullable(), outputTokens: num.nullable(),
  rateLimited: z.boolean(), startedAt: num,
  responded: z.object({ ts: num, seq: num, at: num }).nullable(),
});
const stateSchema = z.object({
  version: z.literal(CORRELATOR_STATE_VERSION),
  detected: z.enum(['v0', 'v1']).nullable(),
  v1: z.object({
    routed: z.object({ provider: str, model: str, inputTokens: num.nullable(), receivedAt: num }).nullable(),
    lastRequest: z.object({ method: str, path: str }).nullable(),
  }),
  v0: z.object({
    seq: num,
    pending: z.array(z.tuple([z.string().max(256), pendingSchema])).max(100_000),
    awaiting: z.array(z.string()).max(100_000),
    finalized: z.array(z.string()).max(100_000),
    inFlight: z.string().nullable(),
    dropped: num,
  }),
});

/** What `toJSON()` returns: plain JSON, safe to store next to the rows it produced. */
export type CorrelatorState = z.infer<typeof stateSchema>;

export interface LiveState {
  detected: CcproxyVersion | null;
  v1: V1State;
  v0: V0State;
}

export function emptyLiveState(): LiveState {
  return { detected: null, v1: emptyV1State(), v0: emptyV0State() };
}

export function serializeState(s: LiveState): CorrelatorState {
  return {
    version: CORRELATOR_STATE_VERSION,
    detected: s.detected,
    v1: { routed: s.v1.routed ? { ...s.v1.routed } : null, lastRequest: s.v1.lastRequest ? { ...s.v1.lastRequest } : null },
    v0: {
      seq: s.v0.seq,
      pending: [...s.v0.pending].map(([id, p]) => [id, { ...p, responded: p.responded ? { ...p.responded } : null }]),
      awaiting: [...s.v0.awaiting],
      finalized: [...s.v0.finalized],
      inFlight: s.v0.inFlight,
      dropped: s.v0.dropped,
    },
  };
}

/** A stored state (possibly a JSON string); null when it is missing, corrupt or from another version. */
export function deserializeState(input: unknown): LiveState | null {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  const parsed = stateSchema.safeParse(value);
  if (!parsed.success) return null;
  const d = parsed.data;
  return {
    detected: d.detected,
    v1: { routed: d.v1.routed, lastRequest: d.v1.lastRequest },
    v0: { ...d.v0, pending: new Map(d.v0.pending) },
  };
}
