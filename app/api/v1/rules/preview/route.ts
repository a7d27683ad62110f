import { authorize } from '@/lib/api/auth';
import { parseBody, readJson } from '@/lib/api/params';
import { handle, json } from '@/lib/api/response';
import { getLookout } from '@/lib/engine/instance';
import { previewExpression } from '@/lib/queries/preview-expression';
import { rulePreviewSchema } from '@/lib/api/rule-preview-schema';

// POST /api/v1/rules/preview — evaluates a PromQL expression now, for the rule editor.
export const POST = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'read');
  const { expr } = parseBody(rulePreviewSchema, await readJson(req));
  return json({ data: previewExpression(lookout.readDb, expr, lookout.clock.now()) });
});
