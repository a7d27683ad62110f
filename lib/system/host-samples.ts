import fs from 'node:fs';
import { CPU_MODES, mountOf, parseHostStat, parseLoadavg, parseMounts, parseNetDev } from './proc-host';
import { parseKeyValues } from './proc-process';
import { type MetricSample, sample } from './types';

const MEMINFO = ['MemTotal', 'MemAvailable', 'MemFree', 'SwapTotal', 'SwapFree'] as const;
/** Container and bridge interfaces come and go by the hundred; they would flood the store. */
const SKIP_DEVICES = /^(lo|veth.*|docker.*|br-.*|virbr.*)$/;
const MAX_DEVICES = 16;

const read = (file: string): string => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

/** Free and total bytes of the filesystem holding `dir`, labelled as node_exporter does. */
export function filesystemSamples(dir: string, root = '/proc'): MetricSample[] {
  try {
    const real = fs.realpathSync(dir);
    const st = fs.statfsSync(real);
    const m = mountOf(parseMounts(read(`${root}/self/mounts`)), real) ?? {
      device: 'unknown',
      mountpoint: '/',
      fstype: 'unknown',
    };
    const labels = { device: m.device, fstype: m.fstype, mountpoint: m.mountpoint };
    return [
      sample('node_filesystem_avail_bytes', labels, st.bavail * st.bsize),
      sample('node_filesystem_size_bytes', labels, st.blocks * st.bsize),
    ];
  } catch {
    return [];
  }
}

/** The host's CPU, memory, network, load and the data directory's filesystem, in node_exporter's names. */
export function readHostSamples(
  dataDir: string,
  root = '/proc',
): { samples: MetricSample[]; bootTimeSeconds: number | null } {
  const out: MetricSample[] = [];
  const { cpus, bootTimeSeconds } = parseHostStat(read(`${root}/stat`));
  for (const c of cpus)
    for (const mode of CPU_MODES) out.push(sample('node_cpu_seconds_total', { cpu: c.cpu, mode }, c.seconds[mode]));
  if (bootTimeSeconds !== null) out.push(sample('node_boot_time_seconds', {}, bootTimeSeconds));
  const mem = parseKeyValues(read(`${root}/meminfo`));
  for (const key of MEMINFO) {
    const v = mem.get(key);
    if (v !== undefined) out.push(sample(`node_memory_${key}_bytes`, {}, v));
  }
  const devices = parseNetDev(read(`${root}/net/dev`))
    .filter((d) => !SKIP_DEVICES.test(d.device))
    .slice(0, MAX_DEVICES);
  for (const d of devices) {
    out.push(sample('node_network_receive_bytes_total', { device: d.device }, d.receiveBytes));
    out.push(sample('node_network_transmit_bytes_total', { device: d.device }, d.transmitBytes));
  }
  const load = parseLoadavg(read(`${root}/loadavg`));
  if (load) load.forEach((v, i) => out.push(sample(['node_load1', 'node_load5', 'node_load15'][i], {}, v)));
  out.push(...filesystemSamples(dataDir, root));
  return { samples: out, bootTimeSeconds };
}
