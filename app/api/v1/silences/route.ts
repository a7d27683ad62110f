import { requireAlerting } from '@/lib/api/alerting-guard';
import { authorize } from '@/lib/api/auth';
import { badRequest } from '@/lib/api/errors';
import { parseBody, readJson } from '@/lib/api/params';
import { handle, json } from '@/lib/api/response';
import { silenceInputSchema } from '@/lib/api/silence-schema';
import { getLookout } from '@/lib/engine/instance';
import { listSilences, shapeSilence } from '@/lib/queries/list-silences';

// GET /api/v1/silences — every silence with its status (pending, active, expired).
export const GET = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'read');
  return json({ data: listSilences(lookout.alerts.alerting?.silences.list() ?? [], lookout.clock.now()) });
});

// POST /api/v1/silences — matchers as in Alertmanager's API, starts_at, ends_at, created_by, comment.
export const POST = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'admin');
  const now = lookout.clock.now();
  const input = parseBody(silenceInputSchema(now), await readJson(req));
  const alerting = requireAlerting(lookout);
  let created;
  try {
    created = alerting.silences.create(
      { matchers: input.matchers, startsAt: input.starts_at ?? now, endsAt: input.ends_at, createdBy: input.created_by, comment: input.comment },
      now,
    );
  } catch (err) {
    throw badRequest('invalid_silence', (err as Error).message);
  }
  lookout.alerts.persist();
  return json({ data: shapeSilence(created, now) }, 201);
});
