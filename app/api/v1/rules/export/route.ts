import { authorize } from '@/lib/api/auth';
import { handle } from '@/lib/api/response';
import { getLookout } from '@/lib/engine/instance';
import { readUiRules } from '@/lib/rules/ui-rule-store';
import { exportUiRules } from '@/lib/rules/ui-rules';

// GET /api/v1/rules/export — the rules made in /alerts as a Prometheus rule file (YAML download).
export const GET = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'read');
  return new Response(exportUiRules(readUiRules(lookout.readDb)), {
    headers: {
      'content-type': 'application/yaml; charset=utf-8',
      'content-disposition': 'attachment; filename="lookout-rules.yml"',
      'cache-control': 'no-store',
    },
  });
});
