/** A Prometheus label set as Loki sends it in protobuf: `{job="app", level="info"}`. Null when malformed. */
export function parseLabels(text: string): Record<string, string> | null {
  const s = text.trim();
  if (!s.startsWith('{') || !s.endsWith('}')) return null;
  const body = s.slice(1, -1);
  const out: Record<string, string> = {};
  const re = /\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*(?:,|$)/y;
  let pos = 0;
  while (body.slice(pos).trim() !== '') {
    re.lastIndex = pos;
    const m = re.exec(body);
    if (!m) return null;
    out[m[1]] = m[2].replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    pos = re.lastIndex;
  }
  return out;
}
