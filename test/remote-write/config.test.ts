import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@/lib/config/config-error';
import { checkConfig } from '@/lib/engine/config-check';
import { tempDir } from '../helpers/temp-dir';

// The same `remote_write:` blocks go to Lookout and to promtool (Prometheus's own config check): both accept the good
// ones and refuse the bad ones. Lookout's errors name the file, line and key.
const promtool = spawnSync('promtool', ['--version']).status === 0;
if (!promtool && process.env.CI === 'true')
  throw new Error('promtool is required under CI=true (apt-get install prometheus)');

function write(text: string): string {
  const file = path.join(tempDir(), 'lookout.yml');
  fs.writeFileSync(file, text);
  return file;
}

function lookoutProblems(text: string): string[] {
  try {
    checkConfig(write(text));
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.message.split('\n');
  }
}

function promtoolAccepts(text: string): boolean {
  const file = write(text);
  return spawnSync('promtool', ['check', 'config', file], { encoding: 'utf8' }).status === 0;
}

const GOOD: Record<string, string> = {
  minimal: 'remote_write:\n  - url: http://127.0.0.1:9090/api/v1/write\n',
  full: `global:
  external_labels: { replica: a, region: eu }
remote_write:
  - url: https://mimir.example/api/v1/push
    name: mimir
    remote_timeout: 10s
    headers: { X-Scope-OrgID: team-a }
    basic_auth: { username: lookout, password: s3cret }
    write_relabel_configs:
      - { source_labels: [__name__], regex: "up|probe_.*|http_.*", action: keep }
      - { source_labels: [job], regex: "test-.*", action: drop }
      - { source_labels: [instance], regex: "([^:]+):.*", target_label: host, replacement: "$1" }
      - { regex: "path", action: labeldrop }
      - { regex: "__name__|job|host|status|provider|le|replica|region", action: labelkeep }
    queue_config: { capacity: 5000, max_samples_per_send: 1000, batch_send_deadline: 2s, min_backoff: 100ms, max_backoff: 10s }
  - url: http://vm.example:8428/api/v1/write
    authorization: { credentials: tok }
`,
};

const BAD: Record<string, [text: string, problem: RegExp]> = {
  'two kinds of auth': [
    `remote_write:
  - url: http://a.example/write
    basic_auth: { username: u, password: p }
    authorization: { credentials: t }
`,
    /lookout\.yml:2: remote_write\.0: at most one of basic_auth, authorization & bearer_token/,
  ],
  'replace without target_label': [
    `remote_write:
  - url: http://a.example/write
    write_relabel_configs:
      - { source_labels: [job], action: replace }
`,
    /lookout\.yml:4: remote_write\.0\.write_relabel_configs\.0\.action: relabel configuration for replace action requires 'target_label' value/,
  ],
  'a reserved header': [
    `remote_write:
  - url: http://a.example/write
    headers: { Authorization: Bearer x }
`,
    /lookout\.yml:3: remote_write\.0\.headers: these headers are set by the protocol/,
  ],
  'two queues with one name': [
    `remote_write:
  - { url: http://a.example/write, name: one }
  - { url: http://b.example/write, name: one }
`,
    /lookout\.yml:3: remote_write\.1\.name: found multiple remote write configs with name "one"/,
  ],
  'no url': ['remote_write:\n  - name: x\n', /lookout\.yml:2: remote_write\.0\.url: required/],
  'labeldrop with source_labels': [
    `remote_write:
  - url: http://a.example/write
    write_relabel_configs:
      - { source_labels: [job], regex: x, action: labeldrop }
`,
    /labeldrop action requires only 'regex', and no other fields/,
  ],
  'hashmod without modulus': [
    `remote_write:
  - url: http://a.example/write
    write_relabel_configs:
      - { source_labels: [job], target_label: shard, action: hashmod }
`,
    /hashmod requires non-zero modulus/,
  ],
  'an invalid external label name': [
    `global:
  external_labels: { "bad-name": x }
remote_write:
  - url: http://a.example/write
`,
    /lookout\.yml:2: global\.external_labels\.bad-name: an external label name must be a label name/,
  ],
};

describe('remote_write: in Prometheus shape', () => {
  it.each(Object.entries(GOOD))('accepts %s, as promtool does', (_name, text) => {
    expect(lookoutProblems(text)).toEqual([]);
    if (promtool) expect(promtoolAccepts(text)).toBe(true);
  });

  it.each(Object.entries(BAD))('refuses %s at its line, as promtool does', (_name, [text, problem]) => {
    const problems = lookoutProblems(text);
    expect(problems.join('\n')).toMatch(problem);
    if (promtool) expect(promtoolAccepts(text)).toBe(false);
  });

  it('takes defaults as Prometheus documents them, buffer_size as Lookout does', () => {
    const { remoteWrite } = checkConfig(write(GOOD.minimal));
    expect(remoteWrite.intervalMs).toBe(15_000);
    expect(remoteWrite.endpoints[0]).toMatchObject({
      timeoutMs: 30_000,
      maxSamplesPerSend: 2_000,
      batchSendDeadlineMs: 5_000,
      minBackoffMs: 30,
      maxBackoffMs: 5_000,
      retryOn429: true,
      bufferBytes: 100_000_000,
      headers: {},
    });
    const full = checkConfig(write(GOOD.full)).remoteWrite;
    expect(full.externalLabels).toEqual({ replica: 'a', region: 'eu' });
    expect(full.endpoints.map((e) => [e.name, e.headers.authorization])).toEqual([
      ['mimir', `Basic ${Buffer.from('lookout:s3cret').toString('base64')}`],
      [expect.stringMatching(/^[0-9a-f]{6}$/), 'Bearer tok'],
    ]);
  });
});
