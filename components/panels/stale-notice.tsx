'use client';
import { useEffect, useState } from 'react';
import { formatLocal, formatRelative } from '@/lib/format/time';
import type { Heartbeat } from '@/lib/swr/use-heartbeat';
import { useNow } from '@/lib/time/use-now';

const MISSED_LIMIT = 2;

/** Says plainly, in large type, that the numbers are old; disappears by itself when the server answers again. */
export function StaleNotice({
  beat,
  refreshMs,
  dataError,
}: {
  beat: Heartbeat;
  refreshMs: number;
  dataError: string | null;
}) {
  const now = useNow();
  // A server that answers with errors is reported once the errors outlast two refreshes, like an unreachable one.
  const [errorSince, setErrorSince] = useState(0);
  useEffect(() => setErrorSince(dataError ? (t) => t || Date.now() : 0), [dataError]);
  const failing = dataError !== null && errorSince > 0 && now - errorSince >= MISSED_LIMIT * refreshMs;
  // A server that hangs instead of refusing never reports an error; time since the last answer catches it.
  const silent = beat.lastOk > 0 && refreshMs > 0 && now - beat.lastOk > MISSED_LIMIT * refreshMs + 5_000;
  const unreachable = beat.missed >= MISSED_LIMIT || silent;
  if (!unreachable && !failing) return null;
  const since = beat.lastOk
    ? ` Last update ${formatLocal(beat.lastOk)} (${formatRelative(beat.lastOk, now || Date.now())}).`
    : '';
  return (
    <div
      role="alert"
      data-testid="stale-notice"
      className="rounded-lg border-2 border-down bg-down-soft px-[2vh] py-[1vh] text-[2.4vh] font-semibold text-down"
    >
      {unreachable ? 'Lookout server unreachable — the data on this screen is stale.' : `Data is stale: ${dataError}`}
      <span className="font-normal">{since} Retrying by itself.</span>
    </div>
  );
}
