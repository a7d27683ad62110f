import { parseDuration } from '@/lib/config/duration';
import { humanizeDuration } from '@/lib/format/duration';
import { type Funcs, queryEscape } from './builtins';
import { formatG } from './go-number';
import { goRegExp, goReplaceAll } from './go-regexp';
import { formatGoTime, GO_TIME_STRING, goTime } from './go-time';
import { GoMap, toStr, typeName, type Value } from './values';

const BIG = ['k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
const SMALL = ['m', 'u', 'n', 'p', 'f', 'a', 'z', 'y'];
const BINARY = ['ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'Zi', 'Yi'];

/** Prometheus's convertToFloat: floats, ints and numeric strings. */
export function convertToFloat(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    const n = Number(
      v.trim() === '' ? Number.NaN : v.replace(/^([+-]?)inf(inity)?$/i, '$1Infinity').replace(/^nan$/i, 'NaN'),
    );
    if (Number.isNaN(n) && !/^nan$/i.test(v))
      throw new Error(`strconv.ParseFloat: parsing ${JSON.stringify(v)}: invalid syntax`);
    return n;
  }
  throw new Error(`can't convert ${typeName(v)} to float`);
}

/** Prometheus's humanize: SI prefixes, four significant digits. */
export function humanize(input: number): string {
  let v = input;
  if (v === 0 || !Number.isFinite(v)) return formatG(v, 4);
  let prefix = '';
  const steps = Math.abs(v) >= 1 ? BIG : SMALL;
  for (const p of steps) {
    if (steps === BIG ? Math.abs(v) < 1000 : Math.abs(v) >= 1) break;
    prefix = p;
    v = steps === BIG ? v / 1000 : v * 1000;
  }
  return formatG(v, 4) + prefix;
}

export function humanize1024(input: number): string {
  let v = input;
  if (Math.abs(v) <= 1 || !Number.isFinite(v)) return formatG(v, 4);
  let prefix = '';
  for (const p of BINARY) {
    if (Math.abs(v) < 1024) break;
    prefix = p;
    v /= 1024;
  }
  return formatG(v, 4) + prefix;
}

export function humanizePercentage(v: number): string {
  return `${formatG(v * 100, 4)}%`;
}

/** Go's strings.Title: upper-cases each letter that follows a separator (ASCII non-alphanumerics but `_`, Unicode spaces). */
export function goTitle(s: string): string {
  const isSeparator = (c: string) =>
    c.charCodeAt(0) <= 0x7f ? !/[0-9A-Za-z_]/.test(c) : !/[\p{L}\p{Nd}]/u.test(c) && /\s/u.test(c);
  let prev = ' ';
  return Array.from(s)
    .map((c) => {
      const out = isSeparator(prev) ? c.toUpperCase() : c;
      prev = c;
      return out;
    })
    .join('');
}

function splitHostPort(hostPort: string): [string, string] | null {
  const m = /^\[([^\]]*)\]:(\d*)$/.exec(hostPort) ?? /^([^:[\]]*):(\d*)$/.exec(hostPort);
  return m ? [m[1], m[2]] : null;
}

function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

const isIP = (h: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(h) || h.includes(':');

export type PrometheusContext = { externalURL: string };

const sample = () => {
  throw new Error('query results are not available: Lookout templates cannot run PromQL queries');
};

/** Prometheus's template functions (template.go, 2.42), minus `query`, which parses as an error. */
export function prometheusFuncs(ctx: PrometheusContext): Funcs {
  const path = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(ctx.externalURL)?.[1] ?? '';
  return {
    humanize: (v) => humanize(convertToFloat(v)),
    humanize1024: (v) => humanize1024(convertToFloat(v)),
    humanizeDuration: (v) => humanizeDuration(convertToFloat(v)),
    humanizePercentage: (v) => humanizePercentage(convertToFloat(v)),
    humanizeTimestamp: (v) => {
      const f = convertToFloat(v);
      if (!Number.isFinite(f)) return formatG(f, 4);
      return formatGoTime(Math.trunc(f * 1000), GO_TIME_STRING);
    },
    toTime: (v) => {
      const f = convertToFloat(v);
      if (!Number.isFinite(f)) throw new Error(`${formatG(f)} cannot be represented as a time`);
      return goTime(Math.trunc(f * 1000));
    },
    parseDuration: (v) => {
      const ms = parseDuration(toStr(v));
      if (ms === null) throw new Error(`not a valid duration string: ${JSON.stringify(v)}`);
      return ms / 1000;
    },
    title: (v) => goTitle(toStr(v)),
    toUpper: (v) => toStr(v).toUpperCase(),
    toLower: (v) => toStr(v).toLowerCase(),
    match: (re, s) => goRegExp(toStr(re)).test(toStr(s)),
    reReplaceAll: (re, repl, text) => goReplaceAll(toStr(re), toStr(repl), toStr(text)),
    safeHtml: (v) => toStr(v),
    stripPort: (v) => splitHostPort(toStr(v))?.[0] ?? toStr(v),
    stripDomain: (v) => {
      const hp = toStr(v);
      const split = splitHostPort(hp);
      const host = split ? split[0] : hp;
      if (isIP(host)) return hp;
      const short = host.split('.')[0];
      return split && split[1] !== '' ? joinHostPort(short, split[1]) : short;
    },
    args: (...a) => GoMap.of(Object.fromEntries(a.map((x, i) => [`arg${i}`, x]))),
    graphLink: (expr) => `/graph?g0.expr=${queryEscape(toStr(expr))}&g0.tab=0`,
    tableLink: (expr) => `/graph?g0.expr=${queryEscape(toStr(expr))}&g0.tab=1`,
    externalURL: () => ctx.externalURL,
    pathPrefix: () => path,
    first: sample,
    label: sample,
    value: sample,
    strvalue: sample,
    sortByLabel: sample,
  };
}

export const PROMETHEUS_UNSUPPORTED = {
  query: 'unsupported template function "query": Lookout templates cannot run PromQL queries',
};
