/** Pure parsers for /proc/<pid>/* text, so they are unit-tested on fixture text. */

/** Linux reports process times in USER_HZ, which is 100 on every mainstream kernel (Prometheus's procfs assumes it too). */
export const USER_HZ = 100;

export interface PidStat {
  comm: string;
  state: string;
  utimeTicks: number;
  stimeTicks: number;
  threads: number;
  startTicks: number;
  vsizeBytes: number;
  rssPages: number;
}

/** `/proc/<pid>/stat`: the command may hold spaces and parentheses, so fields are counted after the last `)`. */
export function parsePidStat(text: string): PidStat | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const f = text
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  if (f.length < 22) return null;
  const n = (i: number) => Number(f[i]);
  return {
    comm: text.slice(open + 1, close),
    state: f[0],
    utimeTicks: n(11),
    stimeTicks: n(12),
    threads: n(17),
    startTicks: n(19),
    vsizeBytes: n(20),
    rssPages: n(21),
  };
}

/** `Key:   value unit` lines (/proc/<pid>/status, /proc/meminfo) → bytes for `kB` values, numbers otherwise. */
export function parseKeyValues(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^([\w()]+):\s+(\d+)(?:\s+(kB))?\s*$/.exec(line);
    if (m) out.set(m[1], Number(m[2]) * (m[3] ? 1024 : 1));
  }
  return out;
}

/** `/proc/<pid>/io`: `read_bytes: 123` lines. */
export function parsePidIo(text: string): { readBytes: number; writeBytes: number } | null {
  const kv = parseKeyValues(text);
  const r = kv.get('read_bytes');
  const w = kv.get('write_bytes');
  return r === undefined || w === undefined ? null : { readBytes: r, writeBytes: w };
}

/** `Max open files  1024  4096  files` from /proc/<pid>/limits; null when unlimited or absent. */
export function parseMaxFds(text: string): number | null {
  const m = /^Max open files\s+(\d+|unlimited)/m.exec(text);
  return m && m[1] !== 'unlimited' ? Number(m[1]) : null;
}

/** `/proc/<pid>/cmdline`: NUL-separated arguments. */
export function parseCmdline(text: string): string[] {
  return text.split('\0').filter((a) => a.length > 0);
}

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/**
 * Whether a process is the one `command:` names: its kernel name (comm, at most 15 characters),
 * its program's base name, or the script an interpreter runs (`node ccproxy.js`, `python -m ccproxy`).
 */
export function commandMatches(command: string, comm: string, argv: string[]): boolean {
  if (comm === command || (command.length > 15 && comm === command.slice(0, 15))) return true;
  if (argv.length === 0) return false;
  if (base(argv[0]) === command) return true;
  const script = argv.slice(1).find((a) => !a.startsWith('-'));
  if (script === undefined) return false;
  const name = base(script);
  return name === command || name.replace(/\.(js|mjs|cjs|ts|py)$/, '') === command;
}
