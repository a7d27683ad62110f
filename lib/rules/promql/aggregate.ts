import { dropName, keepOnly, labelsKey, type Labels, without } from '../labels';
import type { AggOp } from './ast';
import { kahanSum, mean } from './range-functions';
import type { Sample } from './values';

function groupLabels(labels: Labels, grouping: string[], isWithout: boolean): Labels {
  return isWithout ? without(dropName(labels), grouping) : keepOnly(labels, grouping);
}

/** sum/avg/min/max/count/topk/bottomk with by/without, per Prometheus's aggregation semantics. */
export function aggregate(op: AggOp, samples: Sample[], grouping: string[], isWithout: boolean, param: number): Sample[] {
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
    const vs = g.members.map((m) => m.value);
    switch (op) {
      case 'sum':
        out.push({ labels: g.labels, value: kahanSum(vs) });
        break;
      case 'avg':
        out.push({ labels: g.labels, value: mean(vs) });
        break;
      case 'count':
        out.push({ labels: g.labels, value: vs.length });
        break;
      case 'min':
        out.push({ labels: g.labels, value: vs.reduce((a, b) => (Number.isNaN(a) || b < a ? b : a), NaN) });
        break;
      case 'max':
        out.push({ labels: g.labels, value: vs.reduce((a, b) => (Number.isNaN(a) || b > a ? b : a), NaN) });
        break;
      case 'topk':
      case 'bottomk':
        out.push(...selectK(g.members, param, op === 'topk'));
        break;
    }
  }
  return out;
}

function selectK(members: Sample[], k: number, top: boolean): Sample[] {
  const n = Math.floor(k);
  if (!(n >= 1)) return [];
  // NaN sorts last for both directions, as Prometheus treats NaN as the least wanted value.
  const rank = (v: number) => (Number.isNaN(v) ? -Infinity : top ? v : -v);
  return [...members].sort((a, b) => rank(b.value) - rank(a.value)).slice(0, n).map((s) => ({ ...s, labels: { ...s.labels } }));
}
