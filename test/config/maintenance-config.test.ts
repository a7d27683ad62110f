import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '@/lib/config/config-error';
import { loadProvisioning } from '@/lib/config/provisioning';
import { tempDir } from '../helpers/temp-dir';

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function load(text: string) {
  dir = tempDir();
  const file = path.join(dir, 'lookout.yml');
  fs.writeFileSync(file, text);
  return loadProvisioning(file);
}

describe('maintenance_windows: in the provisioning file', () => {
  it('is a known key, with one-off and recurring windows', () => {
    const { config } = load(
      [
        'maintenance_windows:',
        '  - { name: upgrade, targets: [api], starts_at: 2026-12-05T22:00:00Z, duration: 2h }',
        '  - name: nightly',
        '    targets: all',
        '    time_intervals: [{ times: [{ start_time: "02:00", end_time: "03:00" }], location: Europe/Paris }]',
      ].join('\n'),
    );
    expect(config.maintenance_windows?.map((w) => [w.name, w.targets, w.starts_at ?? null])).toEqual([
      ['upgrade', ['api'], Date.parse('2026-12-05T22:00:00Z')],
      ['nightly', 'all', null],
    ]);
  });

  it('names the line and key of every problem', () => {
    let err: unknown;
    try {
      load(
        [
          'maintenance_windows:',
          '  - { name: a, targets: [api], starts_at: soon, duration: 2h }',
          '  - { name: b, targets: all, time_intervals: [{ weekdays: [funday] }], extra: 1 }',
          '  - { name: a, targets: all, starts_at: 2026-12-05T22:00:00Z, ends_at: 2026-12-05T21:00:00Z }',
        ].join('\n'),
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const text = (err as Error).message;
    expect(text).toContain('lookout.yml:2: maintenance_windows.0.starts_at');
    expect(text).toContain('maintenance_windows.1.time_intervals.0.weekdays');
    expect(text).toContain('maintenance_windows.1.extra');
    expect(text).toContain('maintenance_windows.2.ends_at');
  });

  it('refuses a name used twice', () => {
    const twice = '  - { name: a, targets: all, starts_at: 2026-12-05T22:00:00Z, duration: 1h }';
    expect(() => load(['maintenance_windows:', twice, twice].join('\n'))).toThrow(
      'maintenance_windows.1.name: the name "a" is used twice',
    );
  });

  it('hints at the key meant', () => {
    expect(() => load('maintenance: []')).toThrow('see docs/maintenance.md');
    expect(() =>
      load('maintenance_windows: [{ name: a, targets: all, start: 2026-12-05T22:00:00Z, duration: 1h }]'),
    ).toThrow('starts at starts_at');
  });
});
