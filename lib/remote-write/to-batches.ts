import type { MetricSample } from '@/lib/system/types';
import { encodeWriteRequest, type WriteSeries } from './proto';
import { type CompiledRelabel, relabel } from './relabel';

export interface EncodedBatch {
  oldestMs: number;
  samples: number;
  body: Buffer;
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * One interval's samples as a receiver gets them, in Prometheus's order of steps: external labels added where the
 * series lacks them, then write_relabel_configs; series left without labels are not sent.
 */
export function toWriteSeries(
  samples: readonly MetricSample[],
  atMs: number,
  externalLabels: Record<string, string>,
  configs: readonly CompiledRelabel[],
): WriteSeries[] {
  const external = Object.entries(externalLabels);
  const out: WriteSeries[] = [];
  for (const s of samples) {
    let pairs: { name: string; value: string }[];
    if (configs.length === 0) {
      // The common case, without the per-series objects relabelling needs: a few thousand series every interval.
      pairs = [{ name: '__name__', value: s.name }];
      for (const name in s.labels) if (s.labels[name] !== '') pairs.push({ name, value: s.labels[name] });
      for (const [name, value] of external) if (!(name in s.labels)) pairs.push({ name, value });
    } else {
      const labels = relabel({ ...externalLabels, ...s.labels, __name__: s.name }, configs);
      if (labels === null) continue;
      pairs = Object.entries(labels).map(([name, value]) => ({ name, value }));
    }
    out.push({ labels: pairs.sort(byName), samples: [{ value: s.value, timestamp: atMs }] });
  }
  return out;
}

/** Series in requests of at most `maxSamples` samples each, encoded for the disk buffer. */
export function encodeBatches(series: WriteSeries[], maxSamples: number): EncodedBatch[] {
  const batches: EncodedBatch[] = [];
  for (let i = 0; i < series.length; i += maxSamples) {
    const part = series.slice(i, i + maxSamples);
    batches.push({
      oldestMs: Math.min(...part.map((s) => s.samples[0].timestamp)),
      samples: part.length,
      body: encodeWriteRequest(part),
    });
  }
  return batches;
}
