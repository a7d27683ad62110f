import type { Lookout } from '@/lib/engine/context';
import { NotFoundError } from '@/lib/errors';
import { failureReason } from '@/lib/probes/heartbeat-probe';
import { findHeartbeat, markStarted, savePing } from './heartbeat-store';
import { hashPingToken } from './ping-token';

/** What a ping says, as Healthchecks.io reads its URL: success, start, fail, or an exit code (0 = success). */
export type PingSignal = { kind: 'success' } | { kind: 'start' } | { kind: 'fail'; exitCode: number | null };

/** The longest log tail kept with a ping. */
export const MAX_PING_BODY = 10_000;

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/** `start`, `fail`, `0`…`255`, or null for anything else. */
export function parseSignal(text: string): PingSignal | null {
  if (text === 'start') return { kind: 'start' };
  if (text === 'fail') return { kind: 'fail', exitCode: null };
  if (!/^\d{1,3}$/.test(text) || Number(text) > 255) return null;
  return Number(text) === 0 ? { kind: 'success' } : { kind: 'fail', exitCode: Number(text) };
}

/**
 * Records a ping and, for a success or a failure, a check at once, so the status follows the job without
 * waiting for the next scheduled look. Any unknown token is the same 404: a guess learns nothing.
 */
export function recordPing(lookout: Lookout, token: string, signal: PingSignal, body: string): void {
  const row = TOKEN.test(token) ? findHeartbeat(lookout.db, hashPingToken(token)) : undefined;
  if (!row) throw new NotFoundError('ping URL');
  const now = lookout.clock.now();
  if (signal.kind === 'start') {
    markStarted(lookout.db, row.id, now);
    return;
  }
  const ok = signal.kind === 'success';
  const code = signal.kind === 'fail' && signal.exitCode !== null ? `exit code ${signal.exitCode}` : '';
  const stored = [code, body.slice(-MAX_PING_BODY)].filter(Boolean).join(': ');
  savePing(lookout.db, row.id, now, ok, stored || null);
  if (row.paused) return;
  // After a /start, the job's run time is the check's duration.
  const ran = row.last_start_at !== null ? now - row.last_start_at : null;
  lookout.checks.push(row.id, {
    ts: now,
    up: ok,
    statusCode: null,
    latencyMs: ran ?? 0,
    error: ok ? null : failureReason(stored),
    gauges: {},
    answered: ran !== null,
    metrics: { probe_heartbeat_last_ping_timestamp_seconds: now / 1000 },
  });
}
