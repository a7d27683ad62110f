import type { MetricSample } from './types';

export type MetricType = 'gauge' | 'counter' | 'histogram' | 'summary' | 'untyped';

export interface MetricFamily {
  name: string;
  type: MetricType;
  help: string;
  /** For a histogram, samples named `<name>_bucket`, `_sum` and `_count`. */
  samples: MetricSample[];
}

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const escapeHelp = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

function line(s: MetricSample): string {
  const labels = Object.entries(s.labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return `${s.name}${labels.length ? `{${labels.join(',')}}` : ''} ${formatValue(s.value)}`;
}

const leOrder = (le: string | undefined) => (le === '+Inf' ? Infinity : Number(le ?? 0));
const SUFFIX_ORDER: Record<string, number> = { _bucket: 0, _sum: 1, _count: 2 };

/** A histogram's lines per label set: buckets by ascending `le` (ending with +Inf), then _sum and _count. */
function orderHistogram(f: MetricFamily): MetricSample[] {
  const base = (s: MetricSample) => {
    const { le: _le, ...rest } = s.labels;
    return JSON.stringify(rest);
  };
  const suffix = (s: MetricSample) => SUFFIX_ORDER[s.name.slice(f.name.length)] ?? 3;
  return [...f.samples].sort((a, b) => {
    const ka = base(a);
    const kb = base(b);
    if (ka !== kb) return ka < kb ? -1 : 1;
    return suffix(a) - suffix(b) || leOrder(a.labels.le) - leOrder(b.labels.le);
  });
}

/** Prometheus text exposition format 0.0.4: one HELP and TYPE per family, its samples together. */
export function renderExposition(families: MetricFamily[]): string {
  const out: string[] = [];
  for (const f of families) {
    if (f.samples.length === 0) continue;
    out.push(`# HELP ${f.name} ${escapeHelp(f.help)}`, `# TYPE ${f.name} ${f.type}`);
    for (const s of f.type === 'histogram' ? orderHistogram(f) : f.samples) out.push(line(s));
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
