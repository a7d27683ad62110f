import { fieldPath, getField } from '@/lib/logs/field-path';

const TOKEN_FIELDS = [
  'input_tokens',
  'output_tokens',
  'prompt_tokens',
  'completion_tokens',
  'usage.input_tokens',
  'usage.output_tokens',
  'usage.prompt_tokens',
  'usage.completion_tokens',
].map(fieldPath);

/**
 * The parser drops token counts it cannot use; this says why, from the line's raw fields, so the
 * request is refused with a reason instead of silently costing nothing (docs/llm-cost.md#bad-input).
 */
export function rawTokenIssue(fields: Record<string, unknown>): string | null {
  for (const p of TOKEN_FIELDS) {
    const v = getField(fields, p);
    if (v === undefined || v === null) continue;
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isFinite(n)) return `${p.key} is not a number`;
    if (n < 0) return `${p.key} is ${n}: token counts cannot be negative`;
    if (!Number.isInteger(n)) return `${p.key} is ${n}: token counts are whole numbers`;
  }
  return null;
}
