import { ruleEndpoints } from '@/lib/api/openapi/endpoints-rules';
import { route } from '@/lib/api/route';
import { readUiRules } from '@/lib/rules/ui-rule-store';
import { exportUiRules } from '@/lib/rules/ui-rules';

// GET /api/v1/rules/export — the rules made in /alerts as a Prometheus rule file (YAML download).
export const GET = route(
  ruleEndpoints.exportRules,
  ({ lookout }) =>
    new Response(exportUiRules(readUiRules(lookout.readDb)), {
      headers: {
        'content-type': 'application/yaml; charset=utf-8',
        'content-disposition': 'attachment; filename="lookout-rules.yml"',
        'cache-control': 'no-store',
      },
    }),
);
