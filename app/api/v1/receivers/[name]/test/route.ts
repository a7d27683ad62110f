import { requireAlerting } from '@/lib/api/alerting-guard';
import { authorize } from '@/lib/api/auth';
import { notFound } from '@/lib/api/errors';
import { handle, json } from '@/lib/api/response';
import { sendTestNotification } from '@/lib/alerting/test-notification';
import { getLookout } from '@/lib/engine/instance';

// POST /api/v1/receivers/{name}/test — sends a test alert through each of the receiver's integrations.
export const POST = handle(async (req: Request, ctx: { params: Promise<{ name: string }> }) => {
  const lookout = getLookout();
  authorize(lookout, req, 'admin');
  const { name } = await ctx.params;
  const results = await sendTestNotification(requireAlerting(lookout), name, {
    clock: lookout.clock,
    externalURL: lookout.env.externalUrl,
    retry: { maxAttempts: 1 },
  });
  if (!results) throw notFound(`receiver ${name}`);
  return json({ data: results });
});
