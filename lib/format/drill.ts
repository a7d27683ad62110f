/** A /logs URL for a window and an optional query: where a click on a chart point or bar leads. */
export function logsHref(opts: { from: number | string; to: number | string; q?: string; source?: string }): string {
  const p = new URLSearchParams({ from: String(opts.from), to: String(opts.to) });
  if (opts.q) p.set('q', opts.q);
  if (opts.source) p.set('source', opts.source);
  return `/logs?${p}`;
}

/** The query term that selects one series of a request chart (`provider:groq`, `status:502`). */
export function termFor(field: string, key: string): string {
  if (field === 'none' || key === 'unknown' || key === 'other') return '';
  if (field === 'status' && key === 'none') return '';
  return /^[\w.@:/-]+$/.test(key) ? `${field}:${key}` : `${field}:"${key.replace(/(["\\])/g, '\\$1')}"`;
}
