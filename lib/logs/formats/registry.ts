import { parseAccessLog } from './access-log';
import { parseApacheError } from './apache-error';
import { parseEnvoy } from './envoy';
import { parseEpoch } from './epoch';
import type { FamilyName, TextFamily } from './family';
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

/** Text families by name, for a source that pins one. JSON/logfmt families are read by keys (structured.ts). */
export const TEXT_FAMILIES: Partial<Record<FamilyName, TextFamily>> = {
  syslog: parseSyslog,
  'syslog-rfc5424': parseSyslog5424,
  'apache-error': parseApacheError,
  'nginx-error': parseNginxError,
  'access-log': parseAccessLog,
  haproxy: parseHaproxy,
  envoy: parseEnvoy,
  hadoop: parseHadoop,
  log4j: parseLog4j,
  logcat: parseLogcat,
  python: parsePython,
  'go-log': parseGoLog,
  klog: parseKlog,
  epoch: parseEpoch,
  postgresql: parsePostgresql,
  mysql: parseMysql,
  redis: parseRedis,
  'java-stacktrace': parseJavaStacktrace,
  iis: parseIis,
  'windows-cbs': parseWindowsCbs,
};
