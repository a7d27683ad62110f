'use client';
import { useState } from 'react';
import useSWR from 'swr';
import { swrOptions } from './options';

export interface Heartbeat {
  /** Refreshes missed in a row (0 while the server answers). */
  missed: number;
  /** When the server last answered (epoch ms), 0 before the first answer. */
  lastOk: number;
}

// GET /api/v1/health on the screen's refresh interval: counts missed refreshes for the stale notice.
export function useHeartbeat(refreshMs: number): Heartbeat {
  const [beat, setBeat] = useState<Heartbeat>({ missed: 0, lastOk: 0 });
  useSWR<{ status: string }>('/api/v1/health', {
    ...swrOptions(refreshMs),
    onSuccess: () => setBeat({ missed: 0, lastOk: Date.now() }),
    onError: () => setBeat((b) => ({ ...b, missed: b.missed + 1 })),
  });
  return beat;
}
