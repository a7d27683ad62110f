import type { TargetInput } from '@/lib/config/target-schema';
import type { EngineContext } from '@/lib/engine/context';
import { createTarget, deleteTarget, type SavedTarget, updateTarget } from './save-target';

function announceToken(t: SavedTarget): void {
  if (t.pingToken)
    console.log(`[lookout] heartbeat ${t.name}: ping /ping/${t.pingToken} (shown once; set token: to choose it)`);
}

/**
 * Makes the provisioned targets match the file: new names are created, existing ones updated in
 * place (keeping their state and history), and provisioned targets gone from the file deleted.
 */
export function syncProvisionedTargets(ctx: EngineContext, inputs: TargetInput[]): number {
  const existing = ctx.db.prepare('SELECT id, name, provisioned FROM targets').all() as {
    id: number;
    name: string;
    provisioned: number;
  }[];
  const byName = new Map(existing.map((t) => [t.name, t]));
  const wanted = new Set(inputs.map((t) => t.name));
  for (const input of inputs) {
    const current = byName.get(input.name);
    if (!current) {
      announceToken(createTarget(ctx, input, true));
      continue;
    }
    const http = (input.type ?? 'http') === 'http';
    const { name: _name, ...fields } = input;
    const saved = updateTarget(
      ctx,
      current.id,
      {
        ...fields,
        type: input.type ?? 'http',
        ...(http && {
          method: input.method ?? 'GET',
          headers: input.headers ?? {},
          body: input.body ?? null,
        }),
        interval: input.interval ?? ctx.settings.scrapeIntervalMs,
        timeout: input.timeout ?? Math.min(10_000, input.interval ?? ctx.settings.scrapeIntervalMs),
        conditions: input.conditions ?? [],
        failure_threshold: input.failure_threshold ?? 1,
        success_threshold: input.success_threshold ?? 1,
        paused: input.paused ?? false,
      },
      true,
    );
    announceToken(saved);
    if (!current.provisioned) ctx.db.prepare('UPDATE targets SET provisioned = 1 WHERE id = ?').run(current.id);
  }
  for (const t of existing) {
    if (t.provisioned && !wanted.has(t.name)) deleteTarget(ctx, t.id);
  }
  return inputs.length;
}
