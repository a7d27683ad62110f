import type { Clock } from '@/lib/clock';
import { formatDuration } from '@/lib/config/duration';
import type { Db } from '@/lib/db/connection';
import { type PingState, pingStateReader } from '@/lib/targets/heartbeat-store';
import type { HeartbeatProber } from './run-probe';
import type { HeartbeatSpec, ProbeResult } from './types';

type PingRow = PingState;

/** What a heartbeat's state says at `now`: up while the last ping succeeded within period + grace. */
export function judgeHeartbeat(spec: HeartbeatSpec, row: PingRow, now: number): ProbeResult {
  const allowed = spec.periodMs + spec.graceMs;
  const expected = `expected every ${formatDuration(spec.periodMs)}${spec.graceMs ? ` + ${formatDuration(spec.graceMs)} grace` : ''}`;
  const base = { ts: now, statusCode: null, latencyMs: 0, gauges: {}, answered: false };
  const metrics =
    row.last_ping_at === null ? undefined : { probe_heartbeat_last_ping_timestamp_seconds: row.last_ping_at / 1000 };
  if (row.last_ping_at === null) {
    // Counted from when the target was made or last changed: a new heartbeat gets one period for its first ping.
    const since = Math.max(row.created_at, row.updated_at);
    if (now - since <= allowed) return { ...base, up: false, error: null, skip: true };
    return { ...base, up: false, error: `no ping received yet (${expected})` };
  }
  const age = now - row.last_ping_at;
  if (age > allowed)
    return {
      ...base,
      up: false,
      error: `no ping for ${formatDuration(Math.round(age / 1000) * 1000)} (${expected})`,
      metrics,
    };
  if (row.last_ping_ok === 0) return { ...base, up: false, error: failureReason(row.last_ping_body), metrics };
  return { ...base, up: true, error: null, metrics };
}

/** `ping reported failure: <tail of the body>`: the stored body starts with the exit code when there was one. */
export function failureReason(body: string | null): string {
  const tail = (body ?? '').trim().replace(/\s+/g, ' ');
  return tail ? `ping reported failure: ${tail.slice(-200)}` : 'ping reported failure';
}

/** Heartbeat checks read the pings Lookout received: the engine hands its write connection in. */
export function createHeartbeatProber(db: Db): HeartbeatProber {
  const read = pingStateReader(db);
  return async (spec: HeartbeatSpec, clock: Clock) => {
    const row = read(spec.targetId);
    if (!row)
      return {
        ts: clock.now(),
        up: false,
        statusCode: null,
        latencyMs: 0,
        error: 'target gone',
        gauges: {},
        skip: true,
      };
    return judgeHeartbeat(spec, row, clock.now());
  };
}
