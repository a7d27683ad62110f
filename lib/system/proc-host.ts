import { USER_HZ } from './proc-process';

/** Pure parsers for the host's /proc files. */

export const CPU_MODES = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal'] as const;

export interface CpuTimes {
  cpu: string;
  seconds: Record<(typeof CPU_MODES)[number], number>;
}

/** `/proc/stat`: seconds per CPU and mode (`cpu0 …` lines, as node_exporter labels them) and the boot time. */
export function parseHostStat(text: string): { cpus: CpuTimes[]; bootTimeSeconds: number | null } {
  const cpus: CpuTimes[] = [];
  let bootTimeSeconds: number | null = null;
  for (const line of text.split('\n')) {
    const m = /^cpu(\d+)\s+(.*)$/.exec(line);
    if (m) {
      const v = m[2].trim().split(/\s+/).map(Number);
      const seconds = Object.fromEntries(
        CPU_MODES.map((mode, i) => [mode, (v[i] ?? 0) / USER_HZ]),
      ) as CpuTimes['seconds'];
      cpus.push({ cpu: m[1], seconds });
      continue;
    }
    const b = /^btime\s+(\d+)/.exec(line);
    if (b) bootTimeSeconds = Number(b[1]);
  }
  return { cpus, bootTimeSeconds };
}

export interface NetDevice {
  device: string;
  receiveBytes: number;
  transmitBytes: number;
}

/** `/proc/net/dev`: receive bytes are the 1st number after the colon, transmit bytes the 9th. */
export function parseNetDev(text: string): NetDevice[] {
  const out: NetDevice[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*([^:\s]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    const v = m[2].trim().split(/\s+/).map(Number);
    if (v.length < 9) continue;
    out.push({ device: m[1], receiveBytes: v[0], transmitBytes: v[8] });
  }
  return out;
}

/** `/proc/loadavg`: `0.52 0.58 0.59 2/1056 12345`. */
export function parseLoadavg(text: string): [number, number, number] | null {
  const v = text.trim().split(/\s+/).slice(0, 3).map(Number);
  return v.length === 3 && v.every(Number.isFinite) ? [v[0], v[1], v[2]] : null;
}

export interface Mount {
  device: string;
  mountpoint: string;
  fstype: string;
}

const unescapeOctal = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));

/** `/proc/self/mounts` lines; spaces in paths are written as `\040`. */
export function parseMounts(text: string): Mount[] {
  return text
    .split('\n')
    .map((l) => l.split(' '))
    .filter((f) => f.length >= 3)
    .map((f) => ({ device: unescapeOctal(f[0]), mountpoint: unescapeOctal(f[1]), fstype: f[2] }));
}

/** The mount holding `dir` (an absolute, resolved path): the longest mount point that is a prefix of it. */
export function mountOf(mounts: Mount[], dir: string): Mount | null {
  let best: Mount | null = null;
  for (const m of mounts) {
    const prefix = m.mountpoint.endsWith('/') ? m.mountpoint : `${m.mountpoint}/`;
    if (dir !== m.mountpoint && !dir.startsWith(prefix)) continue;
    if (!best || m.mountpoint.length >= best.mountpoint.length) best = m;
  }
  return best;
}
