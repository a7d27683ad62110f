export const TAIL_DEFAULTS = {
  pollMs: 250,
  maxBatchLines: 5000,
  maxBatchBytes: 4 * 1024 * 1024,
  maxLineBytes: 256 * 1024,
  forgetGraceMs: 5000,
  readBufferBytes: 256 * 1024,
  multilineWaitMs: 1500,
  maxEventLines: 500,
  maxEventBytes: 64 * 1024,
} as const;

export type TailLimits = { -readonly [K in keyof typeof TAIL_DEFAULTS]: number };

/** Fills defaults and clamps values that would make a poll spin (a zero batch never fills, a zero buffer never reads). */
export function resolveOptions(options: Partial<TailLimits>): TailLimits {
  const o: TailLimits = { ...TAIL_DEFAULTS };
  for (const k of Object.keys(TAIL_DEFAULTS) as (keyof TailLimits)[]) {
    const v = options[k];
    if (typeof v === 'number' && Number.isFinite(v)) o[k] = v;
  }
  o.maxBatchLines = Math.max(1, Math.floor(o.maxBatchLines));
  o.maxBatchBytes = Math.max(1, o.maxBatchBytes);
  o.maxLineBytes = Math.max(4, Math.floor(o.maxLineBytes));
  o.readBufferBytes = Math.max(1024, Math.floor(o.readBufferBytes));
  o.pollMs = Math.max(10, o.pollMs);
  o.forgetGraceMs = Math.max(0, o.forgetGraceMs);
  o.multilineWaitMs = Math.max(0, o.multilineWaitMs);
  o.maxEventLines = Math.max(1, Math.floor(o.maxEventLines));
  return o;
}
