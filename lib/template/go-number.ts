/** Go's strconv 'g' formatting: prec -1 means shortest (as %v prints a float64). */
export function formatG(v: number, prec = -1): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const exp0 = prec < 0 ? v.toExponential() : v.toExponential(Math.max(prec, 1) - 1);
  const [mantissa, expText] = exp0.split('e');
  const exp = Number(expText);
  const digits = mantissa.replace('-', '').replace('.', '').replace(/0+$/, '') || '0';
  let eprec = prec < 0 ? 6 : Math.max(prec, 1);
  if (prec >= 0 && eprec > digits.length && digits.length >= exp + 1) eprec = digits.length;
  if (exp < -4 || exp >= eprec) {
    const m = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const fixed = v.toFixed(Math.max(0, digits.length - 1 - exp));
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** Go's %.Nf. */
export function formatF(v: number, prec = 6): string {
  if (!Number.isFinite(v)) return formatG(v);
  return v.toFixed(prec);
}

/** Go's %.Ne (two-digit exponent at least). */
export function formatE(v: number, prec = 6): string {
  if (!Number.isFinite(v)) return formatG(v);
  return v.toExponential(prec).replace(/e([+-])(\d)$/, 'e$10$2');
}
