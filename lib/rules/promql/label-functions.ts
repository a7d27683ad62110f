import { anchoredRegex } from '../series-source';
import type { Sample } from './values';

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Go's regexp Expand: `$1`, `${1}`, `$name`, `${name}`, `$$`; an unknown group expands to nothing. */
export function expandReplacement(template: string, m: RegExpExecArray): string {
  return template.replace(
    /\$(\$|\{([a-zA-Z0-9_]+)\}|([a-zA-Z0-9_]+))/g,
    (_all, d: string, braced?: string, bare?: string) => {
      if (d === '$') return '$';
      const name = braced ?? bare ?? '';
      if (/^\d+$/.test(name)) return m[Number(name)] ?? '';
      return m.groups?.[name] ?? '';
    },
  );
}

export function labelReplace(samples: Sample[], dst: string, repl: string, src: string, regex: string): Sample[] {
  let re: RegExp;
  try {
    re = anchoredRegex(regex);
  } catch (e) {
    throw new Error(
      `invalid regular expression in label_replace(): ${regex}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (!LABEL_NAME.test(dst)) throw new Error(`invalid destination label name in label_replace(): ${dst}`);
  return samples.map((s) => {
    const m = re.exec(s.labels[src] ?? '');
    if (!m) return s;
    const labels = { ...s.labels };
    const v = expandReplacement(repl, m);
    if (v === '') delete labels[dst];
    else labels[dst] = v;
    return { labels, value: s.value, t: s.t };
  });
}

export function labelJoin(samples: Sample[], dst: string, sep: string, srcs: string[]): Sample[] {
  if (!LABEL_NAME.test(dst)) throw new Error(`invalid destination label name in label_join(): ${dst}`);
  for (const s of srcs) if (!LABEL_NAME.test(s)) throw new Error(`invalid source label name in label_join(): ${s}`);
  return samples.map((s) => {
    const labels = { ...s.labels };
    const v = srcs.map((n) => s.labels[n] ?? '').join(sep);
    if (v === '') delete labels[dst];
    else labels[dst] = v;
    return { labels, value: s.value, t: s.t };
  });
}

export function sortByValue(samples: Sample[], desc: boolean): Sample[] {
  const nanLast = (a: Sample, b: Sample) => (Number.isNaN(a.value) ? 1 : 0) - (Number.isNaN(b.value) ? 1 : 0);
  return [...samples].sort((a, b) => nanLast(a, b) || (desc ? b.value - a.value : a.value - b.value) || 0);
}

export function sortByLabel(samples: Sample[], names: string[], desc: boolean): Sample[] {
  const cmp = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  const keys = (s: Sample) => [...names, ...Object.keys(s.labels).sort()].map((n) => s.labels[n] ?? '');
  return [...samples].sort((a, b) => {
    const ka = keys(a);
    const kb = keys(b);
    for (let i = 0; i < ka.length; i++) {
      const c = cmp(ka[i], kb[i]);
      if (c !== 0) return desc ? -c : c;
    }
    return 0;
  });
}
