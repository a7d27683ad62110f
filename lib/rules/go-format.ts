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

/** A subset of Go's fmt.Sprintf: %v %s %d %f %g %e %q %% with optional precision. */
export function sprintf(format: string, args: unknown[]): string {
  let i = 0;
  return format.replace(/%([-+ 0#]*)(\d*)(?:\.(\d+))?([vsdfgeq%])/g, (_m, _flags: string, width: string, precText: string, verb: string) => {
    if (verb === '%') return '%';
    if (i >= args.length) return `%!${verb}(MISSING)`;
    const a = args[i++];
    const prec = precText === undefined ? undefined : Number(precText);
    let out: string;
    if (typeof a === 'number') {
      if (verb === 'f') out = formatF(a, prec ?? 6);
      else if (verb === 'e') out = Number.isFinite(a) ? a.toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2') : formatG(a);
      else if (verb === 'd') out = Number.isInteger(a) ? String(a) : `%!d(float64=${formatG(a)})`;
      else out = formatG(a, prec ?? -1);
    } else {
      const s = String(a);
      out = verb === 'q' ? JSON.stringify(s) : prec !== undefined ? s.slice(0, prec) : s;
    }
    return width ? out.padStart(Number(width)) : out;
  });
}

const BIG = ['k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
const SMALL = ['m', 'u', 'n', 'p', 'f', 'a', 'z', 'y'];

/** Prometheus's humanize template function. */
export function humanize(input: number): string {
  let v = input;
  if (v === 0 || !Number.isFinite(v)) return formatG(v, 4);
  let prefix = '';
  if (Math.abs(v) >= 1) {
    for (const p of BIG) {
      if (Math.abs(v) < 1000) break;
      prefix = p;
      v /= 1000;
    }
    return formatG(v, 4) + prefix;
  }
  for (const p of SMALL) {
    if (Math.abs(v) >= 1) break;
    prefix = p;
    v *= 1000;
  }
  return formatG(v, 4) + prefix;
}

/** Prometheus's humanizeDuration (seconds in, `1d 2h 3m 4s` out). */
export function humanizeDuration(input: number): string {
  let v = input;
  if (!Number.isFinite(v)) return formatG(v, 4);
  if (v === 0) return `${formatG(v, 4)}s`;
  if (Math.abs(v) >= 1) {
    const sign = v < 0 ? '-' : '';
    v = Math.abs(v);
    const total = Math.trunc(v);
    const seconds = total % 60;
    const minutes = Math.trunc(total / 60) % 60;
    const hours = Math.trunc(total / 3600) % 24;
    const days = Math.trunc(total / 86400);
    if (days !== 0) return `${sign}${days}d ${hours}h ${minutes}m ${seconds}s`;
    if (hours !== 0) return `${sign}${hours}h ${minutes}m ${seconds}s`;
    if (minutes !== 0) return `${sign}${minutes}m ${seconds}s`;
    return `${sign}${formatG(v, 4)}s`;
  }
  let prefix = '';
  for (const p of SMALL) {
    if (Math.abs(v) >= 1) break;
    prefix = p;
    v *= 1000;
  }
  return `${formatG(v, 4)}${prefix}s`;
}

/** Prometheus's humanizePercentage: 0.1234 → 12.34%. */
export function humanizePercentage(v: number): string {
  return `${formatG(v * 100, 4)}%`;
}
