import type { Clock } from '@/lib/clock';
import { formatDuration } from '@/lib/config/duration';
import type { Db } from '@/lib/db/connection';
import { type PingState, pingStateReader } from '@/lib/targets/heartbeat-store';
import { nextFire } from '@/lib/time/cron';
import { localParts } from '@/lib/time/zone';
import type { HeartbeatProber } from './run-probe';
import type { HeartbeatSchedule, HeartbeatSpec, ProbeResult } from './types';

type PingRow = PingState;

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-27 03:00 Europe/Berlin`: a scheduled run as the user wrote its time. */
function localTime(t: number, tz: string): string {
  const p = localParts(tz, t);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)} ${tz}`;
}

function expectation(spec: HeartbeatSpec): string {
  const grace = spec.graceMs ? ` + ${formatDuration(spec.graceMs)} grace` : '';
  if (spec.schedule) return `schedule ${spec.schedule.expression} in ${spec.schedule.timezone}${grace}`;
  return `expected every ${formatDuration(spec.periodMs)}${grace}`;
}

/**
 * When the target turns down without a new ping: period + grace after `since`, or (a schedule) grace
 * after the first scheduled run after `since` — Healthchecks.io's model. Null: never (a schedule that no longer fires).
 */
function deadline(spec: HeartbeatSpec, since: number): { due: number; late: number } | null {
  if (!spec.schedule) return { due: since + spec.periodMs, late: since + spec.periodMs + spec.graceMs };
  const s: HeartbeatSchedule = spec.schedule;
  const due = nextFire(s.cron, s.timezone, since);
  return due === null ? null : { due, late: due + spec.graceMs };
}

/** What a heartbeat's state says at `now`: up while the expected ping came, down when it is late or reported a failure. */
export function judgeHeartbeat(spec: HeartbeatSpec, row: PingRow, now: number): ProbeResult {
  const expected = expectation(spec);
  const base = { ts: now, statusCode: null, latencyMs: 0, gauges: {}, answered: false };
  const metrics =
    row.last_ping_at === null ? undefined : { probe_heartbeat_last_ping_timestamp_seconds: row.last_ping_at / 1000 };
  // Never pinged: counted from when the target was made or last changed, so a new heartbeat gets its first run.
  const since = row.last_ping_at ?? Math.max(row.created_at, row.updated_at);
  const limit = deadline(spec, since);
  const late = limit !== null && now > limit.late;
  if (row.last_ping_at === null) {
    if (!late) return { ...base, up: false, error: null, skip: true };
    return { ...base, up: false, error: `no ping received yet (${expected})` };
  }
  if (late) {
    const age = formatDuration(Math.round((now - row.last_ping_at) / 1000) * 1000);
    const error = spec.schedule
      ? `no ping for the run due ${localTime(limit.due, spec.schedule.timezone)} (last ping ${age} ago; ${expected})`
      : `no ping for ${age} (${expected})`;
    return { ...base, up: false, error, metrics };
  }
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
