import type { z } from 'zod';
import type { sloShape } from '@/lib/api/openapi/shapes-slos';
import type { Db } from '@/lib/db/connection';
import { toIso } from '@/lib/time/iso';
import { sloStatus } from './slo-status';
import type { Slo } from './slo-store';

/** An SLO as the API answers it: its definition and its budget at `now` (with the burn-down when asked). */
export function shapeSlo(db: Db, slo: Slo, now: number, burndown = false): z.input<typeof sloShape> {
  const s = sloStatus(db, slo, now, { burndown });
  return {
    id: slo.id,
    name: slo.name,
    service: slo.service ?? null,
    description: slo.description ?? null,
    objective: slo.objective,
    window: slo.window,
    sli: slo.sli,
    provisioned: slo.provisioned,
    window_start: toIso(s.from),
    window_end: toIso(s.to),
    achieved: s.sli,
    budget: s.budget,
    burn_rate: s.burn_rate,
    forecast: { exhausted_at: toIso(s.exhausted_at), basis: '1h' },
    ...(burndown ? { burndown: s.burndown } : {}),
  };
}
