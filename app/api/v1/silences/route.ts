import { requireAlerting } from '@/lib/api/alerting-guard';
import { alertingEndpoints } from '@/lib/api/openapi/endpoints-alerting';
import { route } from '@/lib/api/route';
import { silenceTime } from '@/lib/api/silence-schema';
import { InvalidInputError } from '@/lib/errors';
import { listSilences, shapeSilence } from '@/lib/queries/list-silences';

// GET /api/v1/silences — every silence with its status (pending, active, expired).
export const GET = route(alertingEndpoints.listSilences, ({ lookout }) => ({
  data: listSilences(lookout.alerts.alerting?.silences.list() ?? [], lookout.clock.now()),
}));

// POST /api/v1/silences — matchers as in Alertmanager's API, starts_at, ends_at, created_by, comment.
export const POST = route(alertingEndpoints.createSilence, ({ lookout, body }) => {
  const now = lookout.clock.now();
  const startsAt = body.starts_at === undefined ? now : silenceTime('starts_at', body.starts_at, now);
  const endsAt = silenceTime('ends_at', body.ends_at, now);
  const alerting = requireAlerting(lookout);
  let created: ReturnType<typeof alerting.silences.create>;
  try {
    created = alerting.silences.create(
      { matchers: body.matchers, startsAt, endsAt, createdBy: body.created_by, comment: body.comment },
      now,
    );
  } catch (err) {
    throw new InvalidInputError('invalid_silence', (err as Error).message);
  }
  lookout.alerts.persist();
  return { data: shapeSilence(created, now) };
});
