import type { TargetInput, TargetPatch } from '@/lib/config/target-schema';
import { targetIssues } from '@/lib/config/target-type-fields';
import type { EngineContext } from '@/lib/engine/context';
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { parseCondition } from '@/lib/probes/conditions';
import type { TargetType } from '@/lib/probes/target-types';
import { hashPingToken, newPingToken } from './ping-token';
import { closeOpenIncident } from './status';
import {
  conditionsOf,
  displayUrl,
  OPTION_KEYS,
  optionsOf,
  type TargetOptions,
  type TargetRow,
  toScheduled,
} from './target-row';

const DEFAULT_TIMEOUT_MS = 10_000;

/** A saved target; `pingToken` is set only when a heartbeat token was just made, the one time it is shown. */
export type SavedTarget = TargetRow & { pingToken?: string };

function getRow(ctx: EngineContext, id: number): TargetRow | undefined {
  return ctx.db.prepare('SELECT * FROM targets WHERE id = ?').get(id) as TargetRow | undefined;
}

function nameTaken(ctx: EngineContext, name: string, exceptId: number | null): boolean {
  return !!ctx.db.prepare('SELECT 1 FROM targets WHERE name = ? AND id IS NOT ?').get(name, exceptId);
}

function nameTakenError(name: string): ConflictError {
  const message = `a target named "${name}" already exists`;
  return new ConflictError('name_taken', `name: ${message}`, [{ path: 'name', message }]);
}

function checkTimeout(timeout: number | undefined, interval: number): void {
  if (timeout !== undefined && timeout > interval)
    throw new InvalidInputError('invalid_request', 'timeout: must not be longer than the interval', [
      { path: 'timeout', message: 'must not be longer than the interval' },
    ]);
}

function invalid(issues: { path: string; message: string }[]): InvalidInputError {
  return new InvalidInputError('invalid_request', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

function checkConditions(conditions: string[], type: TargetType): void {
  const issues = conditions.flatMap((c, i) => {
    const parsed = parseCondition(c, type);
    return parsed.ok ? [] : [{ path: `conditions.${i}`, message: parsed.error }];
  });
  if (issues.length) throw invalid(issues);
}

function pickOptions(input: Partial<Record<(typeof OPTION_KEYS)[number], unknown>>): TargetOptions {
  const out: Record<string, unknown> = {};
  for (const k of OPTION_KEYS) if (input[k] !== undefined) out[k] = input[k];
  return out as TargetOptions;
}

function schedule(ctx: EngineContext, row: TargetRow): void {
  if (row.paused) ctx.scheduler.remove(row.id);
  else ctx.scheduler.upsert(toScheduled(row));
}

/** Creates a target (from the API, the UI or the provisioning file) and schedules it. */
export function createTarget(ctx: EngineContext, input: TargetInput, provisioned = false): SavedTarget {
  if (nameTaken(ctx, input.name, null)) throw nameTakenError(input.name);
  const now = ctx.clock.now();
  const type = input.type ?? 'http';
  const interval = input.interval ?? ctx.settings.scrapeIntervalMs;
  checkTimeout(input.timeout, interval);
  const options = pickOptions(input);
  const token = type === 'heartbeat' ? (input.token ?? newPingToken()) : null;
  const info = ctx.db
    .prepare(
      `INSERT INTO targets (name, type, url, method, headers, body, options, interval_ms, timeout_ms, conditions,
         failure_threshold, success_threshold, paused, provisioned, created_at, updated_at, status, status_since,
         ping_token_hash)
       VALUES (@name, @type, @url, @method, @headers, @body, @options, @interval, @timeout, @conditions,
         @failure, @success, @paused, @provisioned, @now, @now, 'pending', @now, @tokenHash)`,
    )
    .run({
      name: input.name,
      type,
      url: displayUrl(type, input.name, input.url, options),
      method: input.method ?? 'GET',
      headers: JSON.stringify(input.headers ?? {}),
      body: input.body ?? null,
      options: JSON.stringify(options),
      interval,
      timeout: Math.min(input.timeout ?? DEFAULT_TIMEOUT_MS, interval),
      conditions: JSON.stringify(input.conditions ?? []),
      failure: input.failure_threshold ?? 1,
      success: input.success_threshold ?? 1,
      paused: input.paused ? 1 : 0,
      provisioned: provisioned ? 1 : 0,
      now,
      tokenHash: token === null ? null : hashPingToken(token),
    });
  const row = getRow(ctx, Number(info.lastInsertRowid))!;
  schedule(ctx, row);
  return token === null || input.token !== undefined ? row : { ...row, pingToken: token };
}

const URL_TYPES: readonly TargetType[] = ['http', 'tcp', 'tls', 'icmp', 'llm'];

/**
 * Applies a partial update; pausing closes an open incident and resets the state to pending. With
 * `replace` (the provisioning file) the type's fields are exactly the patch's, not merged with the old ones.
 */
export function updateTarget(ctx: EngineContext, id: number, patch: TargetPatch, replace = false): SavedTarget {
  const row = getRow(ctx, id);
  if (!row) throw new NotFoundError(`target ${id}`);
  if (patch.name !== undefined && nameTaken(ctx, patch.name, id)) {
    throw nameTakenError(patch.name);
  }
  const type = patch.type ?? row.type;
  const sameType = type === row.type;
  const options = { ...(sameType && !replace ? optionsOf(row) : {}), ...pickOptions(patch) };
  // A heartbeat switches between period and schedule by being given the other one.
  if (patch.period !== undefined && patch.schedule === undefined) {
    delete options.schedule;
    delete options.timezone;
  }
  if (patch.schedule !== undefined && patch.period === undefined) delete options.period;
  if (patch.starttls !== undefined) {
    if (patch.send === undefined) delete options.send;
    if (patch.expect === undefined) delete options.expect;
  }
  const url = patch.url ?? (sameType && URL_TYPES.includes(type) ? row.url : undefined);
  const given = Object.keys(patch).filter((k) => patch[k as keyof TargetPatch] !== undefined);
  const conditions = patch.conditions ?? conditionsOf(row);
  const issues = targetIssues({ type, url, ...options, conditions }, given);
  if (issues.length) throw invalid(issues);
  checkConditions(conditions, type);
  const now = ctx.clock.now();
  const interval = patch.interval ?? row.interval_ms;
  checkTimeout(patch.timeout, interval);
  const name = patch.name ?? row.name;
  let token: string | null = null;
  if (type === 'heartbeat' && (patch.token !== undefined || row.ping_token_hash === null))
    token = patch.token ?? newPingToken();
  const next = {
    name,
    type,
    url: displayUrl(type, name, url, options),
    method: patch.method ?? (sameType ? row.method : 'GET'),
    headers: patch.headers !== undefined ? JSON.stringify(patch.headers) : sameType ? row.headers : '{}',
    body: patch.body !== undefined ? patch.body : sameType ? row.body : null,
    options: JSON.stringify(options),
    interval,
    timeout: Math.min(patch.timeout ?? row.timeout_ms, interval),
    conditions: JSON.stringify(conditions),
    failure: patch.failure_threshold ?? row.failure_threshold,
    success: patch.success_threshold ?? row.success_threshold,
    paused: patch.paused !== undefined ? (patch.paused ? 1 : 0) : row.paused,
    tokenHash: type !== 'heartbeat' ? null : token !== null ? hashPingToken(token) : row.ping_token_hash,
    now,
    id,
  };
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `UPDATE targets SET name=@name, type=@type, url=@url, method=@method, headers=@headers, body=@body,
           options=@options, interval_ms=@interval, timeout_ms=@timeout, conditions=@conditions,
           failure_threshold=@failure, success_threshold=@success, paused=@paused, ping_token_hash=@tokenHash,
           updated_at=@now WHERE id=@id`,
      )
      .run(next);
    if (next.paused !== row.paused || !sameType) {
      closeOpenIncident(ctx.db, id, now);
      ctx.db
        .prepare(`UPDATE targets SET status='pending', status_since=?, fail_streak=0, ok_streak=0 WHERE id=?`)
        .run(now, id);
    }
  })();
  const updated = getRow(ctx, id)!;
  schedule(ctx, updated);
  return token === null || patch.token !== undefined ? updated : { ...updated, pingToken: token };
}

export function deleteTarget(ctx: EngineContext, id: number): void {
  if (!getRow(ctx, id)) throw new NotFoundError(`target ${id}`);
  ctx.scheduler.remove(id);
  ctx.db.prepare('DELETE FROM targets WHERE id = ?').run(id);
}
