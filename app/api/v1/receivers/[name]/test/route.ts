import { sendTestNotification } from '@/lib/alerting/test-notification';
import { requireAlerting } from '@/lib/api/alerting-guard';
import { alertingEndpoints } from '@/lib/api/openapi/endpoints-alerting';
import { route } from '@/lib/api/route';
import { NotFoundError } from '@/lib/errors';

// POST /api/v1/receivers/{name}/test — sends a test alert through each of the receiver's integrations.
export const POST = route(alertingEndpoints.testReceiver, async ({ lookout, params }) => {
  const results = await sendTestNotification(requireAlerting(lookout), params.name, {
    clock: lookout.clock,
    externalURL: lookout.env.externalUrl,
    retry: { maxAttempts: 1 },
  });
  if (!results) throw new NotFoundError(`receiver ${params.name}`);
  return { data: results };
});
