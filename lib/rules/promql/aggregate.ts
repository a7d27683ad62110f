import { dropName, keepOnly, type Labels, labelsKey, without } from '../labels';
import type { AggOp } from './ast';
import { formatFloat } from './format-float';
import { kahanSum, mean } from './range-functions';
import { quantile } from './range-math';
import type { Sample } from './values';

function groupLabels(labels: Labels, grouping: string[], isWithout: boolean): Labels {
  return isWithout ? without(dropName(labels), grouping) : keepOnly(labels, grouping);
}

/** Prometheus's stddev/stdvar aggregation: Welford's running mean and squared deviations. */
function variance(vs: number[]): number {
  let m = vs[0];
  let acc = Number.isFinite(vs[0]) ? 0 : NaN;
  for (let i = 1; i < vs.length; i++) {
    const delta = vs[i] - m;
    m += delta / (i + 1);
    acc += delta * (vs[i] - m);
  }
  return acc / vs.length;
}

function reduceGroup(op: AggOp, vs: number[], param: number): number {
  switch (op) {
    case 'sum':
      return kahanSum(vs);
    case 'avg':
      return mean(vs);
    case 'count':
      return vs.length;
    case 'group':
      return 1;
    case 'min':
      return vs.reduce((a, b) => (Number.isNaN(a) || b < a ? b : a), NaN);
    case 'max':
      return vs.reduce((a, b) => (Number.isNaN(a) || b > a ? b : a), NaN);
    case 'stdvar':
      return variance(vs);
    case 'stddev':
      return Math.sqrt(variance(vs));
    case 'quantile':
      return quantile(param, vs);
    default:
      throw new Error(`not a reducing aggregation: ${op}`);
  }
}

/** Aggregation operators with by/without, per Prometheus's aggregation semantics. */
export function aggregate(
  op: AggOp,
  samples: Sample[],
  grouping: string[],
  isWithout: boolean,
  param: number,
  label: string,
): Sample[] {
  if (op === 'count_values') return countValues(samples, grouping, isWithout, label);
  if ((op === 'topk' || op === 'bottomk' || op === 'limitk') && Number.isNaN(param))
    throw new Error('Parameter value is NaN');
  const groups = new Map<string, { labels: Labels; members: Sample[] }>();
  for (const s of samples) {
    const labels = groupLabels(s.labels, grouping, isWithout);
    const key = labelsKey(labels);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { labels, members: [] }));
    g.members.push(s);
  }
  const out: Sample[] = [];
  for (const g of groups.values()) {
    if (op === 'topk' || op === 'bottomk') out.push(...selectK(g.members, param, op === 'topk'));
    else if (op === 'limitk') out.push(...limitK(g.members, param));
    else
      out.push({
        labels: g.labels,
        value: reduceGroup(
          op,
          g.members.map((m) => m.value),
          param,
        ),
      });
  }
  return out;
}

function countValues(samples: Sample[], grouping: string[], isWithout: boolean, label: string): Sample[] {
  if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(label)) throw new Error(`invalid label name "${label}"`);
  const counts = new Map<string, Sample>();
  for (const s of samples) {
    const labels = { ...groupLabels(s.labels, grouping, isWithout), [label]: formatFloat(s.value) };
    const key = labelsKey(labels);
    const c = counts.get(key);
    if (c) c.value++;
    else counts.set(key, { labels, value: 1 });
  }
  return [...counts.values()];
}

/** limitk: any k series of each group; Lookout takes the first k in label order, so the pick is stable. */
function limitK(members: Sample[], k: number): Sample[] {
  if (Number.isNaN(k)) throw new Error('Parameter value is NaN');
  const n = Math.floor(k);
  if (!(n >= 1)) return [];
  const keyed = members.map((m) => [labelsKey(m.labels), m] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return keyed.slice(0, n).map(([, m]) => ({ ...m, labels: { ...m.labels } }));
}

function selectK(members: Sample[], k: number, top: boolean): Sample[] {
  if (Number.isNaN(k)) throw new Error('Parameter value is NaN');
  const n = Math.min(Math.floor(k), members.length);
  if (!(n >= 1)) return [];
  // NaN sorts last for both directions, as Prometheus treats NaN as the least wanted value.
  const rank = (v: number) => (Number.isNaN(v) ? -Infinity : top ? v : -v);
  return [...members]
    .sort((a, b) => rank(b.value) - rank(a.value) || (Number.isNaN(a.value) ? 1 : 0) - (Number.isNaN(b.value) ? 1 : 0))
    .slice(0, n)
    .map((s) => ({ ...s, labels: { ...s.labels } }));
}
