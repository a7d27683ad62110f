import { otlpEndpoints } from '@/lib/api/openapi/endpoints-otlp';
import { rangeOf, stepOf } from '@/lib/api/params';
import { route } from '@/lib/api/route';
import { getClaudeCodeUsage } from '@/lib/queries/get-claude-code-usage';

// GET /api/v1/usage/claude-code?from&to&step — tokens and cost from Claude Code's OTLP metrics.
export const GET = route(otlpEndpoints.getClaudeCodeUsage, ({ lookout, query }) => {
  const { from, to } = rangeOf(query, lookout.clock.now());
  return getClaudeCodeUsage(lookout.readDb, from, to, stepOf(query.step, from, to, 60_000));
});
