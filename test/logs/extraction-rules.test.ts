import { describe, expect, it } from 'vitest';
import { compileExtractionRules, type ExtractionRule, ExtractionRuleError, LogCorrelator } from '@/lib/logs';

const AT = Date.UTC(2026, 10, 27, 12);

describe('extraction rules', () => {
  it('fills common fields from named groups in the message, with units', () => {
    const rules = compileExtractionRules([
      {
        regex: String.raw`completed (?<status>\d{3}) in (?<duration>[\d.]+)s via (?<provider>\w+)/(?<model>\S+)`,
        units: { duration: 's' },
      },
      { regex: String.raw`tokens in=(?<input_tokens>\d+) out=(?<output_tokens>\d+)` },
    ]);
    const c = new LogCorrelator({ format: 'text', rules });
    const line = c.process('2026-11-27 10:00:00 INFO completed 429 in 1.5s via groq/llama-3 tokens in=12 out=34', AT);
    expect(line.common).toMatchObject({
      status: 429,
      durationMs: 1500,
      provider: 'groq',
      model: 'llama-3',
      inputTokens: 12,
      outputTokens: 34,
    });
    expect(line.request).toMatchObject({ status: 429, rateLimited: true, completedBy: 'status_line' });
  });

  it('reads other fields (dotted paths) and overrides the generic mapping', () => {
    const rules = compileExtractionRules([
      {
        field: 'upstream.info',
        regex: String.raw`^(?<provider>[a-z]+) took (?<duration>\d+)(?:us)$`,
        units: { duration: 'us' },
      },
    ]);
    const c = new LogCorrelator({ format: 'json', rules });
    const line = c.process('{"msg":"x","duration":5,"upstream":{"info":"openai took 2500us"}}', AT);
    expect(line.common).toMatchObject({ provider: 'openai', durationMs: 2.5 });
  });

  it('a Go duration string in a duration group carries its own unit; level groups normalise', () => {
    const rules = compileExtractionRules([{ regex: String.raw`\[(?<level>\w+)\] .* latency=(?<duration>\S+)` }]);
    const line = new LogCorrelator({ format: 'text', rules }).process('svc [Notice] slow latency=1.5s', AT);
    expect(line).toMatchObject({
      level: 'info',
      message: 'svc [Notice] slow latency=1.5s',
      common: { durationMs: 1500 },
    });
  });

  it('non-matching rules and bad captures leave the line alone', () => {
    const rules = compileExtractionRules([{ regex: String.raw`status=(?<status>\w+)` }]);
    const c = new LogCorrelator({ format: 'json', rules });
    expect(c.process('{"msg":"status=abc","status":200}', AT).common.status).toBe(200);
    expect(c.process('{"msg":"nothing"}', AT).common.status).toBeNull();
  });

  it.each([
    [{ regex: '(?<status>\\d+' }, /rule 1: invalid regex/],
    [{ regex: '' }, /`regex` is required/],
    [{ regex: '\\d+' }, /no named group/],
    [{ regex: '(?<latncy>\\d+)' }, /unknown group\(s\) latncy/],
    [{ regex: '(?<duration>\\d+)', units: { duration: 'minutes' } }, /not one of ms, s, us, ns/],
    [{ regex: '(?<status>\\d+)', units: { status: 's' } }, /units.status: no duration group/],
    [{ regex: '(?<status>\\d+)', flags: 'g' }, /flags "g" are not allowed/],
    [{ regex: '(?<status>\\d+)', field: '' }, /`field` must be/],
  ])('rejects %j at configuration time', (rule, message) => {
    expect(() => compileExtractionRules([{ regex: '(?<model>\\S+)' }, rule as ExtractionRule].slice(1))).toThrow(
      message,
    );
    expect(() => compileExtractionRules([rule as ExtractionRule])).toThrow(ExtractionRuleError);
  });

  it('names the failing rule by position', () => {
    expect(() => compileExtractionRules([{ regex: '(?<model>\\S+)' }, { regex: '(' }])).toThrow(/^extraction rule 2:/);
  });
});
