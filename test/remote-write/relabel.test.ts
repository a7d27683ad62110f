import { describe, expect, it } from 'vitest';
import { compileRelabel, type RelabelConfig, relabel, relabelConfigSchema } from '@/lib/remote-write/relabel';

const run = (labels: Record<string, string>, configs: RelabelConfig[]) =>
  relabel(
    labels,
    configs.map((c) => compileRelabel(relabelConfigSchema.parse(c))),
  );
const series = { __name__: 'http_requests_total', job: 'ccproxy', provider: 'groq', status: '502', instance: 'h:3000' };

// Expected values follow Prometheus's model/relabel.Process (2.42), case by case.
describe('write_relabel_configs, with Prometheus semantics', () => {
  it('keep and drop match the whole joined value, anchored', () => {
    expect(run(series, [{ source_labels: ['__name__'], regex: 'http_.*', action: 'keep' }])).toEqual(series);
    expect(run(series, [{ source_labels: ['__name__'], regex: 'http', action: 'keep' }])).toBeNull();
    expect(run(series, [{ source_labels: ['job', 'status'], regex: 'ccproxy;5..', action: 'drop' }])).toBeNull();
    expect(
      run(series, [{ source_labels: ['job', 'status'], separator: '/', regex: 'ccproxy;5..', action: 'drop' }]),
    ).toEqual(series);
    // A missing label joins as the empty string.
    expect(run(series, [{ source_labels: ['model'], regex: '', action: 'drop' }])).toBeNull();
  });

  // biome-ignore lint/suspicious/noTemplateCurlyInString: Go's regexp Expand syntax (${1}, ${name}), not a template
  it('replace expands $1, ${name} and named groups, and an empty result deletes the target', () => {
    expect(
      run(series, [{ source_labels: ['instance'], regex: '([^:]+):(\\d+)', target_label: 'host', replacement: '$1' }]),
    ).toEqual({ ...series, host: 'h' });
    expect(
      run(series, [
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Go's regexp Expand syntax (${1}, ${name}), not a template
        { source_labels: ['job', 'provider'], regex: '(?P<j>.+);(.+)', target_label: 'svc', replacement: '${j}-${2}' },
      ]),
    ).toEqual({ ...series, svc: 'ccproxy-groq' });
    // Go's Expand takes the longest name: `$1_x` is group "1_x", which does not exist, so `p` stays unset.
    expect(
      run(series, [{ source_labels: ['provider'], regex: '(.+)', target_label: 'p', replacement: '$1_x' }]),
    ).toEqual(series);
    expect(run(series, [{ source_labels: ['provider'], target_label: 'provider', replacement: '' }])).toEqual({
      __name__: 'http_requests_total',
      job: 'ccproxy',
      status: '502',
      instance: 'h:3000',
    });
    // No match: nothing changes.
    expect(run(series, [{ source_labels: ['job'], regex: 'other', target_label: 'x', replacement: 'y' }])).toEqual(
      series,
    );
    // The default regex (.*) and replacement $1 copy a label.
    expect(run(series, [{ source_labels: ['job'], target_label: 'service' }])).toEqual({
      ...series,
      service: 'ccproxy',
    });
  });

  it('a target label built from groups, and an invalid one deletes the literal target', () => {
    expect(
      run(series, [{ source_labels: ['provider'], regex: '(.+)', target_label: 'p_$1', replacement: 'yes' }]),
    ).toEqual({ ...series, p_groq: 'yes' });
  });

  it('labeldrop, labelkeep and labelmap work on names', () => {
    expect(run(series, [{ regex: 'instance|status', action: 'labeldrop' }])).toEqual({
      __name__: 'http_requests_total',
      job: 'ccproxy',
      provider: 'groq',
    });
    expect(run(series, [{ regex: '__name__|job', action: 'labelkeep' }])).toEqual({
      __name__: 'http_requests_total',
      job: 'ccproxy',
    });
    expect(run(series, [{ regex: '(prov.*)', replacement: 'llm_$1', action: 'labelmap' }])).toEqual({
      ...series,
      llm_provider: 'groq',
    });
  });

  it('hashmod, lowercase, uppercase, keepequal and dropequal', () => {
    // The last 8 bytes of md5("ccproxy") as a big-endian uint64 (Python's hashlib gives 1 mod 8, 249 mod 1000).
    const shard = (modulus: number) =>
      run(series, [{ source_labels: ['job'], target_label: 'shard', modulus, action: 'hashmod' }])?.shard;
    expect([shard(8), shard(1000)]).toEqual(['1', '249']);
    expect(run(series, [{ source_labels: ['job'], target_label: 'shard', modulus: 1, action: 'hashmod' }])?.shard).toBe(
      '0',
    );
    expect(run(series, [{ source_labels: ['provider'], target_label: 'P', action: 'uppercase' }])?.P).toBe('GROQ');
    expect(run({ a: 'MiXed' }, [{ source_labels: ['a'], target_label: 'b', action: 'lowercase' }])).toEqual({
      a: 'MiXed',
      b: 'mixed',
    });
    expect(run({ a: '1', b: '1' }, [{ source_labels: ['a'], target_label: 'b', action: 'keepequal' }])).toEqual({
      a: '1',
      b: '1',
    });
    expect(run({ a: '1', b: '2' }, [{ source_labels: ['a'], target_label: 'b', action: 'keepequal' }])).toBeNull();
    expect(run({ a: '1', b: '1' }, [{ source_labels: ['a'], target_label: 'b', action: 'dropequal' }])).toBeNull();
  });

  it('steps apply in order, each to the previous output', () => {
    expect(
      run(series, [
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Go's regexp Expand syntax (${1}, ${name}), not a template
        { source_labels: ['status'], regex: '(5)..', target_label: 'class', replacement: '${1}xx' },
        { source_labels: ['class'], regex: '5xx', action: 'keep' },
        { regex: 'status', action: 'labeldrop' },
      ]),
    ).toEqual({ __name__: 'http_requests_total', job: 'ccproxy', provider: 'groq', instance: 'h:3000', class: '5xx' });
  });

  it('refuses what Prometheus refuses, with its messages', () => {
    const msg = (c: unknown) => {
      const r = relabelConfigSchema.safeParse(c);
      return r.success ? null : r.error.issues[0].message;
    };
    expect(msg({ action: 'replace', source_labels: ['a'] })).toBe(
      "relabel configuration for replace action requires 'target_label' value",
    );
    expect(msg({ action: 'hashmod', source_labels: ['a'], target_label: 'b' })).toBe(
      'relabel configuration for hashmod requires non-zero modulus',
    );
    expect(msg({ action: 'labeldrop', regex: 'a', source_labels: ['a'] })).toBe(
      "labeldrop action requires only 'regex', and no other fields",
    );
    expect(msg({ action: 'keep', regex: '(?=a)' })).toMatch(/^invalid regex/);
    expect(msg({ action: 'replace', target_label: '1bad' })).toBe(
      `"1bad" is invalid 'target_label' for replace action`,
    );
    expect(msg({ action: 'explode' })).toMatch(/action must be one of/);
  });
});
