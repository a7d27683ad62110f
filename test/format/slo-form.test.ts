import { describe, expect, it } from 'vitest';
import { budgetTone, describeSli, formatBudget, formatBurnRate } from '@/lib/format/slo';
import { EMPTY_SLO_FORM, THRESHOLDS_MS, toSloForm, toSloInput } from '@/lib/format/slo-form';
import { LATENCY_THRESHOLDS_MS, sloInputSchema } from '@/lib/slo/slo-schema';
import type { Slo } from '@/lib/swr/slo-types';

describe('the SLO form', () => {
  it('offers exactly the thresholds the schema accepts (the histogram le edges)', () => {
    expect([...THRESHOLDS_MS]).toEqual(LATENCY_THRESHOLDS_MS);
  });

  it('turns each SLI kind into a body the schema accepts, and a stored SLO back into the same fields', () => {
    const forms = [
      { ...EMPTY_SLO_FORM, name: 'h', kind: 'probe_availability' as const, target: 'ccproxy' },
      { ...EMPTY_SLO_FORM, name: 'r', provider: ' groq ', rateLimited: 'excluded' as const },
      { ...EMPTY_SLO_FORM, name: 'l', kind: 'request_latency' as const, thresholdMs: '2500', window: '7d' as const },
      { ...EMPTY_SLO_FORM, name: 'p', kind: 'promql' as const, good: 'a_total', total: 'b_total', service: 'svc' },
    ];
    for (const f of forms) {
      const input = toSloInput(f);
      const parsed = sloInputSchema.parse(input);
      const stored = { ...parsed, id: 1, service: parsed.service ?? null, description: null } as unknown as Slo;
      expect(toSloInput(toSloForm(stored))).toEqual(input);
    }
    expect(toSloInput(forms[1]).sli).toEqual({
      kind: 'request_availability',
      provider: 'groq',
      source: undefined,
      model: undefined,
      rate_limited: 'excluded',
    });
  });
});

describe('SLO formatting', () => {
  it('formats burn rates, budgets and their tone', () => {
    expect(formatBurnRate(14.4)).toBe('14.4×');
    expect(formatBurnRate(0.25)).toBe('0.25×');
    expect(formatBurnRate(null)).toBe('—');
    expect(formatBudget(-900)).toBe('-900.0 %');
    expect([budgetTone(80), budgetTone(10), budgetTone(0)]).toEqual(['up', 'pending', 'down']);
    expect(describeSli({ kind: 'request_availability', source: 'ccproxy', rate_limited: 'excluded' })).toBe(
      'Requests without a 5xx / all requests (source ccproxy; 429s left out)',
    );
  });
});
