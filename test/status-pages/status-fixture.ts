import * as pageRoute from '@/app/api/v1/status-pages/[id]/route';
import * as pagesRoute from '@/app/api/v1/status-pages/route';
import * as targetsRoute from '@/app/api/v1/targets/route';
import { FakeClock } from '@/lib/clock';
import { CheckWriter } from '@/lib/engine/check-writer';
import { resetPublicLimits } from '@/lib/status-pages/rate-limit';
import { ADMIN, call, makeLookout } from '../helpers/lookout';

export const SECRET_REASON = 'condition failed: [BODY].providers.healthy > 0 (got 0) zz-secret-reason';
export const INTERNAL_URL = 'http://10.1.2.3:3456/health';
export const HIDDEN_URL = 'http://internal-only.example:9999/health';
export const DAY = 86_400_000;

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler as Next does, with named path parameters. */
export function invoke(
  handler: Handler,
  path: string,
  params: Record<string, string>,
  init: { headers?: Record<string, string>; token?: string | null; method?: string; body?: unknown } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'x-forwarded-for': '203.0.113.7', ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const req = new Request(`http://127.0.0.1${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return handler(req, { params: Promise.resolve(params) });
}

/**
 * A Lookout with two targets and three days of checks every 10 minutes: `ccproxy` (published as "API",
 * down for an hour on the second day) and `billing-db` (never published).
 */
export async function statusFixture() {
  resetPublicLimits();
  const clock = new FakeClock(Date.UTC(2026, 2, 10));
  const ctx = makeLookout({ clock });
  const { lookout } = ctx;
  const mk = async (name: string, url: string) =>
    (
      (
        await call(targetsRoute.POST, '/api/v1/targets', {
          method: 'POST',
          body: { name, url, interval: '10m', headers: { authorization: 'Bearer zz-target-header-token' } },
        })
      ).body as { data: { id: number } }
    ).data.id;
  const ccproxy = await mk('ccproxy', INTERNAL_URL);
  const hidden = await mk('billing-db', HIDDEN_URL);
  const writer = new CheckWriter(lookout.db, clock);
  const t0 = clock.now();
  const outageFrom = t0 + DAY + 6 * 3_600_000;
  const outageTo = outageFrom + 3_600_000;
  for (let ts = t0; ts < t0 + 3 * DAY; ts += 600_000) {
    clock.set(ts);
    const down = ts >= outageFrom && ts < outageTo;
    writer.push(ccproxy, {
      ts,
      up: !down,
      statusCode: down ? 503 : 200,
      latencyMs: 100 + (ts % 7) * 10,
      error: down ? SECRET_REASON : null,
      gauges: {},
    });
    writer.push(hidden, {
      ts,
      up: ts % 3 !== 0,
      statusCode: 200,
      latencyMs: 50,
      error: ts % 3 ? null : 'zz-hidden-error',
      gauges: {},
    });
    writer.flush();
  }
  const page = await call(pagesRoute.POST, '/api/v1/status-pages', {
    method: 'POST',
    body: {
      slug: 'main',
      title: 'Example Services',
      description: 'What our users depend on',
      show_latency: true,
      groups: [{ name: 'Core', components: [{ name: 'API', targets: ['ccproxy'] }] }],
    },
  });
  if (page.status !== 201) throw new Error(`page: ${JSON.stringify(page.body)}`);
  const pageId = (page.body as { data: { id: number } }).data.id;
  return { ...ctx, clock, ccproxy, hidden, pageId, outageFrom, outageTo, t0, pageRoute, admin: ADMIN };
}
