import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Alertmanager's own CLI (Debian's prometheus-alertmanager 0.25) as the oracle for routing and config checks. */
export const AMTOOL = process.env.AMTOOL ?? '/usr/bin/amtool';

export function hasAmtool(): boolean {
  return spawnSync(AMTOOL, ['--version'], { encoding: 'utf8' }).status === 0;
}

/** In CI the live comparison is required: a missing binary is a failure, not a skip. */
export function requireLiveOracle(name: string, present: boolean): boolean {
  if (!present && process.env.CI === 'true')
    throw new Error(`${name} is required under CI=true (apt-get install prometheus-alertmanager)`);
  return present;
}

function withConfig<T>(config: unknown, fn: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-amtool-'));
  try {
    const file = join(dir, 'am.yml');
    writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A label as amtool's argument: always quoted, with Alertmanager's matcher escapes. */
export function labelArg(name: string, value: string): string {
  return `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** `amtool check-config` on a file in place: null when valid, else amtool's message (without "Checking … FAILED:"). */
export function amtoolCheckConfigFile(file: string): string | null {
  const r = spawnSync(AMTOOL, ['check-config', file], { encoding: 'utf8' });
  if (r.status === 0) return null;
  const m = /FAILED: ([\s\S]*?)\n\n/.exec(r.stdout) ?? /FAILED: ([\s\S]*)$/.exec(r.stdout);
  return (m ? m[1] : r.stdout + r.stderr).trim();
}

export function amtoolCheckConfig(config: unknown): string | null {
  return withConfig(config, amtoolCheckConfigFile);
}

/** `amtool config routes test`: the receivers an alert with these labels is routed to, in order. */
export function amtoolRoutes(config: unknown, labels: Record<string, string>): string[] {
  return withConfig(config, (file) => {
    const args = [
      'config',
      'routes',
      'test',
      `--config.file=${file}`,
      ...Object.entries(labels).map(([k, v]) => labelArg(k, v)),
    ];
    const out = execFileSync(AMTOOL, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return out.trim().split(',').filter(Boolean);
  });
}

/** `amtool config routes`: every non-root route's own matchers (`{a="b",c=~"d"}`), depth first. */
export function amtoolRouteTree(config: unknown): string[] {
  return withConfig(config, (file) => {
    const out = execFileSync(AMTOOL, ['config', 'routes', `--config.file=${file}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return out
      .split('\n')
      .map((l) => /── (\{.*\}) {2}(?:continue: true {2})?receiver: /.exec(l)?.[1])
      .filter((k): k is string => k !== undefined);
  });
}

/** `amtool config routes test --verify.receivers=a,b`: whether amtool agrees the labels route to exactly these receivers. */
export function amtoolVerifyReceivers(config: unknown, labels: Record<string, string>, receivers: string[]): boolean {
  return withConfig(config, (file) => {
    const args = [
      'config',
      'routes',
      'test',
      `--config.file=${file}`,
      `--verify.receivers=${receivers.join(',')}`,
      ...Object.entries(labels).map(([k, v]) => labelArg(k, v)),
    ];
    return spawnSync(AMTOOL, args, { encoding: 'utf8' }).status === 0;
  });
}
