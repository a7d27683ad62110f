import { ruleEndpoints } from '@/lib/api/openapi/endpoints-rules';
import { route } from '@/lib/api/route';
import { readUiRules } from '@/lib/rules/ui-rule-store';
import { exportUiRules } from '@/lib/rules/ui-rules';
import { withSloGroups } from '@/lib/slo/export-rules';
import { readSlos } from '@/lib/slo/slo-store';

// GET /api/v1/rules/export — the rules made in /alerts and the SLOs' burn-rate rules as a Prometheus rule file (YAML).
export const GET = route(
  ruleEndpoints.exportRules,
  ({ lookout }) =>
    new Response(
      withSloGroups(exportUiRules(readUiRules(lookout.readDb)), readSlos(lookout.readDb), lookout.env.externalUrl),
      {
        headers: {
          'content-type': 'application/yaml; charset=utf-8',
          'content-disposition': 'attachment; filename="lookout-rules.yml"',
          'cache-control': 'no-store',
        },
      },
    ),
);
