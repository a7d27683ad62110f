import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadProvisioning } from '@/lib/config/provisioning';
import { PROVIDER_NAMES, PROVIDERS } from '@/lib/sim/catalog';
import { DEFAULT_SIM_PORT, demoConfigForPort, describePhase } from '@/lib/sim/demo-support';
import { phaseAt } from '@/lib/sim/scenario';
import { V0_LOG_FILE, V1_LOG_FILE } from '@/lib/sim/simulator';
import { createFileTally, snapshotTally } from '@/lib/sim/tally';

const root = path.resolve(import.meta.dirname, '../..');
const demoYml = path.join(root, 'demo', 'lookout.yml');

interface DemoYaml {
  targets: { name: string; url: string; conditions: string[] }[];
  logs: { name: string; path: string; start_at: string }[];
}

describe('demo/lookout.yml', () => {
  it('is a valid provisioning file watching the simulator and its two logs', () => {
    const { config, baseDir } = loadProvisioning(demoYml);
    const ccproxy = config.targets?.find((t) => t.name === 'ccproxy');
    expect(ccproxy).toMatchObject({
      url: `http://127.0.0.1:${DEFAULT_SIM_PORT}/health`,
      interval: 5000,
      timeout: 2000,
    });
    expect(ccproxy?.conditions).toEqual(['[STATUS] == 200', '[BODY].providers.healthy > 0']);
    const logs = (config.logs ?? []).map((l) => [l.name, path.resolve(baseDir, l.path)]);
    expect(logs).toEqual([
      ['ccproxy', path.join(root, 'data', 'demo', V1_LOG_FILE)],
      ['ccproxy-v0', path.join(root, 'data', 'demo', V0_LOG_FILE)],
    ]);
  });

  it('provisions one synthetic llm check per simulated provider, with a model it routes', () => {
    const { config } = loadProvisioning(demoYml);
    const llm = (config.targets ?? []).filter((t) => t.type === 'llm');
    expect(llm.map((t) => t.provider)).toEqual(PROVIDER_NAMES);
    for (const t of llm) expect(PROVIDERS.find((p) => p.name === t.provider)?.models).toContain(t.model);
  });

  it('ships CCProxy SLOs: /health availability with the body condition, requests without 429s, latency per provider', () => {
    const { config } = loadProvisioning(demoYml);
    expect((config.slos ?? []).map((s) => [s.name, s.sli])).toEqual([
      ['ccproxy-health', { kind: 'probe_availability', target: 'ccproxy' }],
      ['ccproxy-requests', { kind: 'request_availability', source: 'ccproxy', rate_limited: 'excluded' }],
      ['groq-latency', { kind: 'request_latency', source: 'ccproxy', provider: 'groq', threshold_ms: 2500 }],
      ['openai-latency', { kind: 'request_latency', source: 'ccproxy', provider: 'openai', threshold_ms: 2500 }],
    ]);
  });

  it('can be pointed at another simulator port, with log paths made absolute', () => {
    const text = demoConfigForPort(fs.readFileSync(demoYml, 'utf8'), 4567, path.dirname(demoYml));
    const config = parseYaml(text) as DemoYaml;
    expect(config.targets.map((t) => t.url)).toEqual([
      'http://127.0.0.1:4567/health',
      'http://127.0.0.1:4567/status',
      ...Array(6).fill('http://127.0.0.1:4567/v1/messages'),
    ]);
    expect(config.logs[0].path).toBe(path.join(root, 'data', 'demo', V1_LOG_FILE));
    expect(config.logs[1].start_at).toBe('beginning');
  });
});

describe('describePhase', () => {
  it('names the phase, when it ends and what was written so far', () => {
    const tally = snapshotTally({
      started_at: '',
      files: { v1: createFileTally('a', 'v1', '/a', 0), v0: createFileTally('b', 'v0', '/b', 0) },
    });
    const text = describePhase(phaseAt(130_000), Date.UTC(2026, 0, 1), tally);
    expect(text).toContain('00:02:00 phase providers_down (until 00:03:30 UTC)');
    expect(text).toContain('providers.healthy 0');
    expect(text).toContain('0 requests');
  });
});
