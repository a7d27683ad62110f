// zod/mini: this file is bundled into the ingestion thread, where the full zod would be ~90 % of the code.
import * as z from 'zod/mini';
import { emptyV0State, type V0State } from './ccproxy-v0';
import { emptyV1State, type V1State } from './ccproxy-v1';
import type { CcproxyVersion } from './types';

export const CORRELATOR_STATE_VERSION = 1;

// Zod 4's number() refuses Infinity and NaN: finite, as before.
const num = z.number();
const nullableNum = z.nullable(num);
const str = z.nullable(z.string().check(z.maxLength(2048)));
const pendingSchema = z.object({
  provider: str,
  model: str,
  inputTokens: nullableNum,
  outputTokens: nullableNum,
  rateLimited: z.boolean(),
  startedAt: num,
  responded: z.nullable(z.object({ ts: num, seq: num, at: num })),
});
const stateSchema = z.object({
  version: z.literal(CORRELATOR_STATE_VERSION),
  detected: z.nullable(z.enum(['v0', 'v1'])),
  v1: z.object({
    routed: z.nullable(z.object({ provider: str, model: str, inputTokens: nullableNum, receivedAt: num })),
    lastRequest: z.nullable(z.object({ method: str, path: str })),
  }),
  v0: z.object({
    seq: num,
    pending: z.array(z.tuple([z.string().check(z.maxLength(256)), pendingSchema])).check(z.maxLength(100_000)),
    awaiting: z.array(z.string()).check(z.maxLength(100_000)),
    finalized: z.array(z.string()).check(z.maxLength(100_000)),
    inFlight: z.nullable(z.string()),
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
    v1: {
      routed: s.v1.routed ? { ...s.v1.routed } : null,
      lastRequest: s.v1.lastRequest ? { ...s.v1.lastRequest } : null,
    },
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
