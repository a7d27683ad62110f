/** Go's strconv.FormatFloat(v, 'f', -1, 64): shortest digits, never an exponent; ±Inf as "+Inf"/"-Inf". */
export function formatFloat(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  const s = String(v);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[2] + (m[3] ?? '');
  const exp = Number(m[4]);
  // JavaScript switches to exponents at 1e21, past every float's 17 significant digits.
  if (exp >= 0) return m[1] + digits.padEnd(exp + 1, '0');
  return `${m[1]}0.${'0'.repeat(-exp - 1)}${digits}`;
}
