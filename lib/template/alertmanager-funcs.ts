import { humanizeDuration } from '@/lib/format/duration';
import type { Funcs } from './builtins';
import { goRegExp, goReplaceAll } from './go-regexp';
import { formatGoTime, goDuration, goTime, timeMs } from './go-time';
import { convertToFloat, goTitle } from './prometheus-funcs';
import {
  GoMap,
  type GoSlice,
  type GoStruct,
  METHODS,
  type Methods,
  toStr,
  typeName,
  type Value,
  withMethods,
} from './values';

function strings(v: Value): string[] {
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  throw new Error(`wrong type for value; expected []string; got ${typeName(v)}`);
}

/** A []string with Go's default printing. */
const stringSlice = (s: string[]): GoSlice => [...s];

/** Alertmanager's template.Pairs: a sorted list of {Name, Value} with Names() and Values(). */
function pairs(list: [string, string][]): GoSlice {
  const out: GoSlice = list.map(([Name, Value]) => ({ Name, Value }) as GoStruct);
  return withMethods(out, {
    Names: () => stringSlice(list.map(([n]) => n)),
    Values: () => stringSlice(list.map(([, v]) => v)),
  });
}

/** KV.SortedPairs order: alertname first, then by name. */
export function sortedPairs(kv: Record<string, string>): [string, string][] {
  const keys = Object.keys(kv)
    .filter((k) => k !== 'alertname')
    .sort();
  if (kv.alertname !== undefined) keys.unshift('alertname');
  return keys.map((k) => [k, kv[k]]);
}

/** Alertmanager's template.KV: a map[string]string with SortedPairs, Names, Values and Remove. */
export function kv(record: Record<string, string>): GoMap {
  return new KV(record);
}

class KV extends GoMap {
  constructor(private readonly record: Record<string, string>) {
    super(new Map(Object.entries(record)), '', undefined, 'template.KV');
  }
  override get [METHODS](): Methods {
    const record = this.record;
    return {
      SortedPairs: () => pairs(sortedPairs(record)),
      Names: () => stringSlice(sortedPairs(record).map(([n]) => n)),
      Values: () => stringSlice(sortedPairs(record).map(([, v]) => v)),
      Remove: (keys) => {
        const drop = new Set(strings(keys));
        return kv(Object.fromEntries(Object.entries(record).filter(([k]) => !drop.has(k))));
      },
    };
  }
}

/** Alertmanager's template.Alerts: a slice with Firing() and Resolved(). */
export function alertList(alerts: GoStruct[]): GoSlice {
  const list: GoSlice = [...alerts];
  return withMethods(list, {
    Firing: () => alertList(alerts.filter((a) => a.Status === 'firing')),
    Resolved: () => alertList(alerts.filter((a) => a.Status === 'resolved')),
  });
}

/** Alertmanager's DefaultFuncs (0.25, plus trimSpace, date, tz, since and humanizeDuration of later releases). */
export function alertmanagerFuncs(now: () => number = Date.now): Funcs {
  return {
    toUpper: (v) => toStr(v).toUpperCase(),
    toLower: (v) => toStr(v).toLowerCase(),
    title: (v) => goTitle(toStr(v)),
    trimSpace: (v) => toStr(v).replace(/^[\s\u0085\u00a0]+|[\s\u0085\u00a0]+$/gu, ''),
    join: (sep, list) => strings(list).join(toStr(sep)),
    match: (re, s) => goRegExp(toStr(re)).test(toStr(s)),
    safeHtml: (v) => toStr(v),
    reReplaceAll: (re, repl, text) => goReplaceAll(toStr(re), toStr(repl), toStr(text)),
    stringSlice: (...s) => stringSlice(s.map((x) => toStr(x))),
    date: (layout, t) => formatGoTime(timeMs(t), toStr(layout), zoneOf(t)),
    tz: (name, t) => {
      const zone = toStr(name);
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
      } catch {
        throw new Error(`unknown time zone ${zone}`);
      }
      return goTime(timeMs(t), zone);
    },
    since: (t) => goDuration((now() - timeMs(t)) * 1e6),
    humanizeDuration: (v) => humanizeDuration(convertToFloat(v)),
  };
}

function zoneOf(t: Value): string {
  return typeof t === 'object' && t !== null && '__zone' in t ? String((t as { __zone: string }).__zone) : 'UTC';
}
