import type { Slo, SloInput } from '@/lib/swr/slo-types';

export const SLI_KINDS = ['probe_availability', 'request_availability', 'request_latency', 'promql'] as const;
export type SliKind = (typeof SLI_KINDS)[number];
export const SLI_KIND_LABELS: Record<SliKind, string> = {
  probe_availability: 'Availability from probes',
  request_availability: 'Availability from requests',
  request_latency: 'Latency from requests',
  promql: 'PromQL good / total',
};
/** The `le` edges of the latency histogram (ms), the thresholds a latency SLI may use. */
export const THRESHOLDS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 120000] as const;

/** The settings form's fields, all text as the inputs hold them. */
export interface SloFormValues {
  name: string;
  service: string;
  objective: string;
  window: Slo['window'];
  kind: SliKind;
  target: string;
  source: string;
  provider: string;
  model: string;
  rateLimited: 'good' | 'bad' | 'excluded';
  thresholdMs: string;
  good: string;
  total: string;
}

export const EMPTY_SLO_FORM: SloFormValues = {
  name: '',
  service: '',
  objective: '99.5',
  window: '30d',
  kind: 'request_availability',
  target: '',
  source: '',
  provider: '',
  model: '',
  rateLimited: 'good',
  thresholdMs: '1000',
  good: '',
  total: '',
};

const opt = (v: string) => (v.trim() ? v.trim() : undefined);

/** Form fields → the API's body; the server names any field it refuses. */
export function toSloInput(v: SloFormValues): SloInput {
  const base = { name: v.name.trim(), service: opt(v.service), objective: Number(v.objective), window: v.window };
  switch (v.kind) {
    case 'probe_availability':
      return { ...base, sli: { kind: v.kind, target: v.target.trim() } };
    case 'request_availability':
      return {
        ...base,
        sli: {
          kind: v.kind,
          source: opt(v.source),
          provider: opt(v.provider),
          model: opt(v.model),
          rate_limited: v.rateLimited,
        },
      };
    case 'request_latency':
      return {
        ...base,
        sli: { kind: v.kind, source: opt(v.source), provider: opt(v.provider), threshold_ms: Number(v.thresholdMs) },
      };
    case 'promql':
      return { ...base, sli: { kind: v.kind, good: v.good.trim(), total: v.total.trim() } };
  }
}

/** A stored SLO → the form's fields, to edit it. */
export function toSloForm(s: Slo): SloFormValues {
  const sli = s.sli;
  return {
    ...EMPTY_SLO_FORM,
    name: s.name,
    service: s.service ?? '',
    objective: String(s.objective),
    window: s.window,
    kind: sli.kind,
    ...(sli.kind === 'probe_availability' ? { target: sli.target } : {}),
    ...(sli.kind === 'request_availability'
      ? {
          source: sli.source ?? '',
          provider: sli.provider ?? '',
          model: sli.model ?? '',
          rateLimited: sli.rate_limited,
        }
      : {}),
    ...(sli.kind === 'request_latency'
      ? { source: sli.source ?? '', provider: sli.provider ?? '', thresholdMs: String(sli.threshold_ms) }
      : {}),
    ...(sli.kind === 'promql' ? { good: sli.good, total: sli.total } : {}),
  };
}
