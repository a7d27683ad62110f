import type { TargetStatus } from '@/lib/swr/types';

export type Tone = TargetStatus | 'idle';

/** The colour of one status-bar bucket: green when every check passed, red when most failed. */
export function bucketTone(uptime: number | null): Tone {
  if (uptime === null) return 'idle';
  if (uptime >= 99.95) return 'up';
  if (uptime >= 50) return 'pending';
  return 'down';
}

/** CSS colour of a tone, read from the theme's variables. */
export const toneColor = (tone: Tone): string => `var(--${tone})`;
