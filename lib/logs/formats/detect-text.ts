import { parseAccessLog } from './access-log';
import { parseApacheError } from './apache-error';
import type { LineContext } from './clock';
import { parseEnvoy } from './envoy';
import { parseEpoch } from './epoch';
import { type FamilyHit, isDigit } from './family';
import { parseGoLog } from './go-log';
import { parseHadoop } from './hadoop';
import { parseHaproxy } from './haproxy';
import { parseIis } from './iis';
import { parseJavaStacktrace } from './java-stacktrace';
import { parseKlog } from './klog';
import { parseLog4j } from './log4j';
import { parseLogcat } from './logcat';
import { parseMysql } from './mysql';
import { parseNginxError } from './nginx-error';
import { parsePostgresql } from './postgresql';
import { parsePython } from './python';
import { parseRedis } from './redis';
import { parseSyslog, parseSyslog5424 } from './syslog';
import { parseWindowsCbs } from './windows-cbs';

/** `… [dd/Mon/yyyy:` within the first 200 chars: the one shape every CLF line has, checked without a regex. */
function looksLikeClf(line: string): boolean {
  const i = line.indexOf(' [');
  return i > 0 && i < 200 && line.charCodeAt(i + 4) === 47 && line.charCodeAt(i + 8) === 47;
}

function syslogOrHaproxy(line: string, ctx: LineContext): FamilyHit | null {
  const s = parseSyslog(line, ctx);
  if (s && s.fields.app === 'haproxy') return parseHaproxy(line, ctx) ?? s;
  return s;
}

/** Lines that start with an ISO date: the families whose prefix continues it, each probed by one character first. */
function isoFirst(line: string, ctx: LineContext): FamilyHit | null {
  const c10 = line.charCodeAt(10);
  const c19 = line.charCodeAt(19);
  if (c10 === 84 /* T */) return parseMysql(line, ctx);
  if (c10 !== 32) return null;
  if (c19 === 44 /* , */) {
    if (line.charCodeAt(20) === 32) return parseWindowsCbs(line, ctx);
    return parsePython(line, ctx) ?? parseLog4j(line, ctx);
  }
  if (c19 === 46 || c19 === 32) {
    const pg = parsePostgresql(line, ctx);
    if (pg) return pg;
  }
  if (c19 === 32) {
    const my = parseMysql(line, ctx);
    if (my) return my;
    if (ctx.w3cFields || /^\S+ \S+ \S+ [A-Z]{3,12} \//.test(line)) return parseIis(line, ctx);
  }
  return null;
}

function digitFirst(line: string, ctx: LineContext): FamilyHit | null {
  const c2 = line.charCodeAt(2);
  const c4 = line.charCodeAt(4);
  if (c4 === 45 /* - */ && line.charCodeAt(7) === 45) return isoFirst(line, ctx);
  if (c4 === 47 /* / */) return parseNginxError(line, ctx) ?? parseGoLog(line, ctx);
  if (c2 === 47) return parseLog4j(line, ctx);
  if (c2 === 45 && line.charCodeAt(5) === 32) return parseLogcat(line, ctx);
  if (line.charCodeAt(6) === 32 && isDigit(c2)) {
    const h = parseHadoop(line, ctx) ?? parseMysql(line, ctx);
    if (h) return h;
  }
  if (isDigit(c2) && isDigit(line.charCodeAt(9))) {
    const e = parseEpoch(line, ctx);
    if (e) return e;
  }
  if (c2 === 58 || line.charCodeAt(1) === 58 || line.charCodeAt(3) === 58) {
    const r = parseRedis(line, ctx);
    if (r) return r;
  }
  if (looksLikeClf(line)) return parseAccessLog(line, ctx) ?? parseHaproxy(line, ctx);
  return null;
}

function upperFirst(line: string, ctx: LineContext): FamilyHit | null {
  const c1 = line.charCodeAt(1);
  if (c1 >= 97 && line.charCodeAt(3) === 32) return syslogOrHaproxy(line, ctx);
  if (isDigit(c1)) return parseKlog(line, ctx);
  if (line.startsWith('Exception in thread ')) return parseJavaStacktrace(line, ctx);
  return parsePython(line, ctx) ?? parseEpoch(line, ctx) ?? (looksLikeClf(line) ? parseAccessLog(line, ctx) : null);
}

/**
 * The text family of a line, found by its first characters so a line pays for at most a few anchored
 * regexes; null when none fits (the generic text reader takes it).
 */
export function detectTextFamily(line: string, ctx: LineContext): FamilyHit | null {
  const c = line.charCodeAt(0);
  if (isDigit(c)) return digitFirst(line, ctx);
  if (c >= 65 && c <= 90) return upperFirst(line, ctx);
  if (c === 91 /* [ */) {
    const c1 = line.charCodeAt(1);
    if (c1 >= 65 && c1 <= 90) return parseApacheError(line, ctx);
    if (line.charCodeAt(5) === 45) return parseEnvoy(line, ctx);
    return parseRedis(line, ctx);
  }
  if (c === 60 /* < */) {
    const close = line.indexOf('>');
    if (close > 0 && close < 5 && line.charCodeAt(close + 1) === 49 && line.charCodeAt(close + 2) === 32)
      return parseSyslog5424(line, ctx);
    return syslogOrHaproxy(line, ctx);
  }
  if (c === 35 /* # */) return parseIis(line, ctx);
  if (c === 45 /* - */) return parseEpoch(line, ctx);
  if (c >= 97 && c <= 122) {
    if (looksLikeClf(line)) return parseAccessLog(line, ctx);
    return parseJavaStacktrace(line, ctx);
  }
  if (c === 58 && looksLikeClf(line)) return parseAccessLog(line, ctx);
  return null;
}
