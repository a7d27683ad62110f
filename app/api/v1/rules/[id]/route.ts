import { authorize } from '@/lib/api/auth';
import { readJson } from '@/lib/api/params';
import { handle, json, noContent } from '@/lib/api/response';
import { getLookout } from '@/lib/engine/instance';
import { shapeUiRule } from '@/lib/queries/shape-ui-rule';
import { changeUiRule, removeUiRule, resolveUiRule } from '@/lib/rules/ui-rule-service';

type Ctx = { params: Promise<{ id: string }> };

// GET /api/v1/rules/{id} — one rule made in /alerts (by number or name); a rule-file rule is 409.
export const GET = handle(async (req: Request, ctx: Ctx) => {
  const lookout = getLookout();
  authorize(lookout, req, 'read');
  return json({ data: shapeUiRule(resolveUiRule(lookout, (await ctx.params).id)) });
});

// PUT /api/v1/rules/{id} — replaces the rule.
export const PUT = handle(async (req: Request, ctx: Ctx) => {
  const lookout = getLookout();
  authorize(lookout, req, 'admin');
  const { id } = await ctx.params;
  return json({ data: shapeUiRule(changeUiRule(lookout, id, await readJson(req), 'replace')) });
});

// PATCH /api/v1/rules/{id} — changes the fields sent.
export const PATCH = handle(async (req: Request, ctx: Ctx) => {
  const lookout = getLookout();
  authorize(lookout, req, 'admin');
  const { id } = await ctx.params;
  return json({ data: shapeUiRule(changeUiRule(lookout, id, await readJson(req), 'patch')) });
});

// DELETE /api/v1/rules/{id} — its alerts resolve at the next evaluation.
export const DELETE = handle(async (req: Request, ctx: Ctx) => {
  const lookout = getLookout();
  authorize(lookout, req, 'admin');
  removeUiRule(lookout, (await ctx.params).id);
  return noContent();
});
