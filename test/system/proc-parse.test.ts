import { describe, expect, it } from 'vitest';
import { mountOf, parseHostStat, parseLoadavg, parseMounts, parseNetDev } from '@/lib/system/proc-host';
import {
  commandMatches,
  parseCmdline,
  parseKeyValues,
  parseMaxFds,
  parsePidIo,
  parsePidStat,
} from '@/lib/system/proc-process';

const PID_STAT =
  '4242 (cc (proxy) x) S 1 4242 4242 0 -1 4194560 2390 0 12 0 1234 567 0 0 20 0 11 0 98765 1234567168 20480 18446744073709551615 1 1 0 0 0 0 0 4096 17003 0 0 0 17 1 0 0 0 0 0';

const HOST_STAT = `cpu  10132153 290696 3084719 46828483 16683 0 25195 0 175628 0
cpu0 1393280 32966 572056 13343292 6130 0 17875 0 23933 0
cpu1 1335000 30000 500000 13000000 5000 10 3000 7 0 0
intr 1462898 0 0
ctxt 115315
btime 1764200000
processes 2345
`;

const NET_DEV = `Inter-|   Receive                                                |  Transmit
 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
    lo: 1234567    1000    0    0    0     0          0         0  1234567    1000    0    0    0     0       0          0
  eth0:98765432  654321    0    3    0     0          0         0 12345678   43210    0    0    0     0       0          0
`;

describe('/proc/<pid> parsing', () => {
  it('counts stat fields after the last parenthesis, so a command with spaces and parens is safe', () => {
    expect(parsePidStat(PID_STAT)).toEqual({
      comm: 'cc (proxy) x',
      state: 'S',
      utimeTicks: 1234,
      stimeTicks: 567,
      threads: 11,
      startTicks: 98765,
      vsizeBytes: 1234567168,
      rssPages: 20480,
    });
    expect(parsePidStat('garbage')).toBeNull();
    expect(parsePidStat('1 (x) S 1 2')).toBeNull();
  });

  it('reads status kB values as bytes, io counters and the open-files limit', () => {
    const status = parseKeyValues('Name:\tccproxy\nVmRSS:\t   81920 kB\nThreads:\t11\n');
    expect(status.get('VmRSS')).toBe(81920 * 1024);
    expect(status.get('Threads')).toBe(11);
    expect(
      parsePidIo('rchar: 100\nwchar: 50\nsyscr: 3\nread_bytes: 4096\nwrite_bytes: 8192\ncancelled_write_bytes: 0\n'),
    ).toEqual({ readBytes: 4096, writeBytes: 8192 });
    expect(parsePidIo('rchar: 1\n')).toBeNull();
    const limits =
      'Limit                     Soft Limit           Hard Limit           Units\nMax open files            1024                 524288               files\n';
    expect(parseMaxFds(limits)).toBe(1024);
    expect(parseMaxFds('Max open files            unlimited            unlimited            files\n')).toBeNull();
  });

  it('matches a command by kernel name, program or interpreted script, and nothing else', () => {
    expect(parseCmdline('node\0/opt/ccproxy/ccproxy.js\0--port\u00003456\0')).toEqual([
      'node',
      '/opt/ccproxy/ccproxy.js',
      '--port',
      '3456',
    ]);
    expect(commandMatches('ccproxy', 'ccproxy', [])).toBe(true);
    expect(commandMatches('ccproxy', 'node', ['node', '/opt/ccproxy/ccproxy.js'])).toBe(true);
    expect(commandMatches('ccproxy', 'python3', ['python3', '-m', 'ccproxy'])).toBe(true);
    expect(commandMatches('ccproxy', 'x', ['/usr/local/bin/ccproxy', 'start'])).toBe(true);
    expect(commandMatches('ccproxy', 'node', ['node', 'server.js', 'ccproxy'])).toBe(false);
    expect(commandMatches('ccproxy', 'ccproxy-helper', ['ccproxy-helper'])).toBe(false);
    expect(commandMatches('a-very-long-command-name', 'a-very-long-com', [])).toBe(true);
  });
});

describe('host /proc parsing', () => {
  it('gives seconds per CPU and mode from USER_HZ ticks, and the boot time', () => {
    const { cpus, bootTimeSeconds } = parseHostStat(HOST_STAT);
    expect(cpus.map((c) => c.cpu)).toEqual(['0', '1']);
    expect(cpus[0].seconds).toEqual({
      user: 13932.8,
      nice: 329.66,
      system: 5720.56,
      idle: 133432.92,
      iowait: 61.3,
      irq: 0,
      softirq: 178.75,
      steal: 0,
    });
    expect(cpus[1].seconds.steal).toBe(0.07);
    expect(bootTimeSeconds).toBe(1764200000);
  });

  it('reads receive and transmit bytes per device, even when the number touches the colon', () => {
    expect(parseNetDev(NET_DEV)).toEqual([
      { device: 'lo', receiveBytes: 1234567, transmitBytes: 1234567 },
      { device: 'eth0', receiveBytes: 98765432, transmitBytes: 12345678 },
    ]);
  });

  it('reads load averages and meminfo', () => {
    expect(parseLoadavg('0.52 0.58 0.59 2/1056 12345\n')).toEqual([0.52, 0.58, 0.59]);
    expect(parseLoadavg('')).toBeNull();
    const mem = parseKeyValues(
      'MemTotal:       16316412 kB\nMemFree:         1011748 kB\nMemAvailable:    9876543 kB\nHugePages_Total:       0\n',
    );
    expect(mem.get('MemTotal')).toBe(16316412 * 1024);
    expect(mem.get('MemAvailable')).toBe(9876543 * 1024);
    expect(mem.get('HugePages_Total')).toBe(0);
  });

  it('finds the mount that holds a directory, unescaping spaces', () => {
    const mounts = parseMounts(
      'overlay / overlay rw 0 0\n/dev/sda1 /srv ext4 rw 0 0\n/dev/sdb1 /srv/my\\040data xfs rw 0 0\n/dev/sdc1 /srvx ext4 rw 0 0\n',
    );
    expect(mountOf(mounts, '/srv/my data/lookout')).toEqual({
      device: '/dev/sdb1',
      mountpoint: '/srv/my data',
      fstype: 'xfs',
    });
    expect(mountOf(mounts, '/srv/lookout')?.mountpoint).toBe('/srv');
    expect(mountOf(mounts, '/srvx')?.device).toBe('/dev/sdc1');
    expect(mountOf(mounts, '/home/me')?.mountpoint).toBe('/');
  });
});
