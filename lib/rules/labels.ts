export type Labels = Record<string, string>;

const FNV_OFFSET = 14695981039346656037n;
const FNV_PRIME = 1099511628211n;
const MASK = (1n << 64n) - 1n;
const encoder = new TextEncoder();

export function sortedNames(labels: Labels): string[] {
  return Object.keys(labels).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function sortLabels(labels: Labels): Labels {
  const out: Labels = {};
  for (const k of sortedNames(labels)) out[k] = labels[k];
  return out;
}

/** Prometheus model.LabelSet.Fingerprint(): FNV-1a 64 over name 0xff value 0xff, as 16 hex digits. */
export function fingerprint(labels: Labels): string {
  let h = FNV_OFFSET;
  const add = (bytes: Uint8Array) => {
    for (const b of bytes) h = ((h ^ BigInt(b)) * FNV_PRIME) & MASK;
  };
  const sep = new Uint8Array([0xff]);
  for (const name of sortedNames(labels)) {
    add(encoder.encode(name));
    add(sep);
    add(encoder.encode(labels[name]));
    add(sep);
  }
  return h.toString(16).padStart(16, '0');
}

/** A stable string key for a label set (used for maps; not shown to users). */
export function labelsKey(labels: Labels): string {
  return JSON.stringify(sortedNames(labels).map((n) => [n, labels[n]]));
}

/** Prometheus's LabelSet.String(): {a="1", b="2"}. */
export function formatLabels(labels: Labels): string {
  return `{${sortedNames(labels)
    .map((n) => `${n}=${JSON.stringify(labels[n])}`)
    .join(', ')}}`;
}

export function dropName(labels: Labels): Labels {
  const { __name__: _drop, ...rest } = labels;
  return rest;
}

export function keepOnly(labels: Labels, names: readonly string[]): Labels {
  const out: Labels = {};
  for (const n of names) if (labels[n] !== undefined && labels[n] !== '') out[n] = labels[n];
  return out;
}

export function without(labels: Labels, names: readonly string[]): Labels {
  const out: Labels = { ...labels };
  for (const n of names) delete out[n];
  return out;
}
