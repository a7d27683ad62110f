import type { TargetInput, TargetPatch } from '@/lib/config/target-schema';
import type { EngineContext } from '@/lib/engine/context';
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { closeOpenIncident } from './status';
import { type TargetRow, toScheduled } from './target-row';

const DEFAULT_TIMEOUT_MS = 10_000;

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

function schedule(ctx: EngineContext, row: TargetRow): void {
  if (row.paused) ctx.scheduler.remove(row.id);
  else ctx.scheduler.upsert(toScheduled(row));
}

/** Creates a target (from the API, the UI or the provisioning file) and schedules it. */
export function createTarget(ctx: EngineContext, input: TargetInput, provisioned = false): TargetRow {
  if (nameTaken(ctx, input.name, null)) throw nameTakenError(input.name);
  const now = ctx.clock.now();
  const interval = input.interval ?? ctx.settings.scrapeIntervalMs;
  checkTimeout(input.timeout, interval);
  const info = ctx.db
    .prepare(
      `INSERT INTO targets (name, url, method, headers, body, interval_ms, timeout_ms, conditions,
         failure_threshold, success_threshold, paused, provisioned, created_at, updated_at, status, status_since)
       VALUES (@name, @url, @method, @headers, @body, @interval, @timeout, @conditions,
         @failure, @success, @paused, @provisioned, @now, @now, 'pending', @now)`,
    )
    .run({
      name: input.name,
      url: input.url,
      method: input.method ?? 'GET',
      headers: JSON.stringify(input.headers ?? {}),
      body: input.body ?? null,
      interval,
      timeout: Math.min(input.timeout ?? DEFAULT_TIMEOUT_MS, interval),
      conditions: JSON.stringify(input.conditions ?? []),
      failure: input.failure_threshold ?? 1,
      success: input.success_threshold ?? 1,
      paused: input.paused ? 1 : 0,
      provisioned: provisioned ? 1 : 0,
      now,
    });
  const row = getRow(ctx, Number(info.lastInsertRowid))!;
  schedule(ctx, row);
  return row;
}

/** Applies a partial update; pausing closes an open incident and resets the state to pending. */
export function updateTarget(ctx: EngineContext, id: number, patch: TargetPatch): TargetRow {
  const row = getRow(ctx, id);
  if (!row) throw new NotFoundError(`target ${id}`);
  if (patch.name !== undefined && nameTaken(ctx, patch.name, id)) {
    throw nameTakenError(patch.name);
  }
  const now = ctx.clock.now();
  const interval = patch.interval ?? row.interval_ms;
  checkTimeout(patch.timeout, interval);
  const next = {
    name: patch.name ?? row.name,
    url: patch.url ?? row.url,
    method: patch.method ?? row.method,
    headers: patch.headers !== undefined ? JSON.stringify(patch.headers) : row.headers,
    body: patch.body !== undefined ? patch.body : row.body,
    interval,
    timeout: Math.min(patch.timeout ?? row.timeout_ms, interval),
    conditions: patch.conditions !== undefined ? JSON.stringify(patch.conditions) : row.conditions,
    failure: patch.failure_threshold ?? row.failure_threshold,
    success: patch.success_threshold ?? row.success_threshold,
    paused: patch.paused !== undefined ? (patch.paused ? 1 : 0) : row.paused,
    now,
    id,
  };
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `UPDATE targets SET name=@name, url=@url, method=@method, headers=@headers, body=@body, interval_ms=@interval,
           timeout_ms=@timeout, conditions=@conditions, failure_threshold=@failure, success_threshold=@success,
           paused=@paused, updated_at=@now WHERE id=@id`,
      )
      .run(next);
    if (next.paused !== row.paused) {
      closeOpenIncident(ctx.db, id, now);
      ctx.db
        .prepare(`UPDATE targets SET status='pending', status_since=?, fail_streak=0, ok_streak=0 WHERE id=?`)
        .run(now, id);
    }
  })();
  const updated = getRow(ctx, id)!;
  schedule(ctx, updated);
  return updated;
}

export function deleteTarget(ctx: EngineContext, id: number): void {
  if (!getRow(ctx, id)) throw new NotFoundError(`target ${id}`);
  ctx.scheduler.remove(id);
  ctx.db.prepare('DELETE FROM targets WHERE id = ?').run(id);
}
