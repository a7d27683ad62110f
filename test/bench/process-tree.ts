import fs from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function stat(pid: number): { ppid: number; cpuMs: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return null;
  }
}

function rssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(0, 3).join(' ');
  } catch {
    return '?';
  }
}

/** A process and all its descendants: `npm start` runs the server as a child. */
export function treeOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (s) children.set(s.ppid, [...(children.get(s.ppid) ?? []), Number(name)]);
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(root);
  return out;
}

export function sampleTree(root: number): { rss: number; cpuMs: number } {
  let rss = 0;
  let cpuMs = 0;
  for (const pid of treeOf(root)) {
    rss += rssBytes(pid);
    cpuMs += stat(pid)?.cpuMs ?? 0;
  }
  return { rss, cpuMs };
}

/** Each process of the tree with its resident memory, for a report: which one holds the memory. */
export function describeTree(root: number): { pid: number; command: string; rss_mb: number }[] {
  return treeOf(root).map((pid) => ({ pid, command: commandOf(pid), rss_mb: Math.round(rssBytes(pid) / 1048576) }));
}
