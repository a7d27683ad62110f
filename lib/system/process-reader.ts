import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  commandMatches,
  parseCmdline,
  parseKeyValues,
  parseMaxFds,
  parsePidIo,
  parsePidStat,
  USER_HZ,
} from './proc-process';
import type { WatchedProcessInput } from './process-schema';
import { type MetricSample, type ProcessReading, sample } from './types';

const read = (file: string): string | null => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

const countFds = (dir: string): number | null => {
  try {
    return fs.readdirSync(dir).length;
  } catch {
    return null; // another user's process: fds and io need the same user or root
  }
};

/** `~/x` is the home directory's; a relative path is relative to the provisioning file. */
export function resolvePidFile(file: string, baseDir: string): string {
  if (file === '~' || file.startsWith('~/')) return path.join(os.homedir(), file.slice(1));
  return path.resolve(baseDir, file);
}

function notRunning(name: string, reason: string, pid: number | null = null): ProcessReading {
  return {
    name,
    state: 'not_running',
    reason,
    pid,
    cpuSeconds: null,
    rssBytes: null,
    virtualBytes: null,
    openFds: null,
    maxFds: null,
    readBytes: null,
    writeBytes: null,
    startTimeSeconds: null,
    threads: null,
  };
}

/** The oldest process `command:` matches (the parent of a pre-forking server), never Lookout itself. */
function findByCommand(command: string, root: string): number | null {
  let best: { pid: number; start: number } | null = null;
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(root);
  } catch {
    return null;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
    const stat = parsePidStat(read(`${root}/${e}/stat`) ?? '');
    if (!stat || stat.state === 'Z') continue;
    if (!commandMatches(command, stat.comm, parseCmdline(read(`${root}/${e}/cmdline`) ?? ''))) continue;
    if (!best || stat.startTicks < best.start) best = { pid: Number(e), start: stat.startTicks };
  }
  return best?.pid ?? null;
}

function pidOf(p: WatchedProcessInput, baseDir: string, root: string): { pid: number } | { reason: string } {
  if (p.command !== undefined) {
    const pid = findByCommand(p.command, root);
    return pid === null ? { reason: `no process named ${p.command}` } : { pid };
  }
  const file = resolvePidFile(p.pid_file!, baseDir);
  const text = read(file);
  if (text === null) return { reason: `no pid file at ${file}` };
  const pid = Number(text.trim());
  if (!Number.isInteger(pid) || pid <= 0) return { reason: `${file} does not hold a process id` };
  return { pid };
}

/** Reads CPU, memory, open files and disk I/O of one watched process from /proc. */
export function readWatchedProcess(
  p: WatchedProcessInput,
  baseDir: string,
  bootTimeSeconds: number | null,
  root = '/proc',
): ProcessReading {
  const found = pidOf(p, baseDir, root);
  if ('reason' in found) return notRunning(p.name, found.reason);
  const dir = `${root}/${found.pid}`;
  const stat = parsePidStat(read(`${dir}/stat`) ?? '');
  if (!stat || stat.state === 'Z') return notRunning(p.name, `process ${found.pid} is not running`, found.pid);
  const status = parseKeyValues(read(`${dir}/status`) ?? '');
  const io = parsePidIo(read(`${dir}/io`) ?? '');
  const limits = read(`${dir}/limits`);
  return {
    name: p.name,
    state: 'running',
    reason: null,
    pid: found.pid,
    cpuSeconds: (stat.utimeTicks + stat.stimeTicks) / USER_HZ,
    rssBytes: status.get('VmRSS') ?? stat.rssPages * 4096,
    virtualBytes: stat.vsizeBytes,
    openFds: countFds(`${dir}/fd`),
    maxFds: limits === null ? null : parseMaxFds(limits),
    readBytes: io?.readBytes ?? null,
    writeBytes: io?.writeBytes ?? null,
    startTimeSeconds: bootTimeSeconds === null ? null : bootTimeSeconds + stat.startTicks / USER_HZ,
    threads: stat.threads,
  };
}

/** A watched process's reading as process-collector series, `job` = its name; gone → only process_up 0. */
export function processSamples(r: ProcessReading): MetricSample[] {
  const job = { job: r.name };
  const out = [sample('process_up', job, r.state === 'running' ? 1 : 0)];
  const add = (name: string, v: number | null) => v !== null && Number.isFinite(v) && out.push(sample(name, job, v));
  add('process_cpu_seconds_total', r.cpuSeconds);
  add('process_resident_memory_bytes', r.rssBytes);
  add('process_virtual_memory_bytes', r.virtualBytes);
  add('process_open_fds', r.openFds);
  add('process_max_fds', r.maxFds);
  add('process_start_time_seconds', r.startTimeSeconds);
  add('process_threads', r.threads);
  add('process_io_read_bytes_total', r.readBytes);
  add('process_io_write_bytes_total', r.writeBytes);
  return out;
}
