import { describe, expect, it } from 'vitest';
import { logsToLines } from '@/lib/otlp/logs-to-lines';

// Lines written as text (the quick path) must be exactly the JSON of the line built as an object.
const now = Date.UTC(2026, 11, 5);
const ns = (ms: number) => `${ms}000000`;
const str = (s: string) => ({ stringValue: s });
const kv = (key: string, value: unknown) => ({ key, value });

function message(resource: object[], records: object[], scope: object = { name: 'lib', version: '2' }) {
  return { resourceLogs: [{ resource: { attributes: resource }, scopeLogs: [{ scope, logRecords: records }] }] };
}

const records: object[] = [
  { timeUnixNano: ns(now - 1000), severityNumber: 9, body: str('plain'), attributes: [kv('a', str('x'))] },
  { observedTimeUnixNano: ns(now - 5), severityText: 'NOTICE', body: { intValue: '42' } },
  { body: { doubleValue: -0 }, attributes: [kv('d', { doubleValue: 1.5e300 }), kv('b', { boolValue: false })] },
  {
    body: { boolValue: true },
    eventName: 'cart.updated',
    traceId: '5B8EFFF798038103D269B633813FC60C',
    spanId: 'eee19b7ec3c1b174',
  },
  {
    severityNumber: 21,
    severityText: 'FATAL',
    attributes: [kv('time', str('t')), kv('msg', str('m')), kv('level', str('l'))],
  },
  { attributes: [kv('time', str('t')), kv('attributes.time', str('clash'))] },
  { attributes: [kv('service.name', str('overrides the resource'))] },
  { attributes: [kv('7', str('index-like')), kv('z', str('after'))] },
  { attributes: [kv('__proto__', str('ignored')), kv('dup', str('1')), kv('dup', str('2'))] },
  { attributes: [kv('event.name', str('attr'))], eventName: 'evt' },
  { attributes: [kv('nested', { kvlistValue: { values: [kv('k', { arrayValue: { values: [str('v')] } })] } })] },
  {
    body: { kvlistValue: { values: [kv('event', str('structured'))] } },
    attributes: [kv('a', str('"quoted"\n\u2028'))],
  },
  {
    body: str('ünïcödé 🚀 \u0000'),
    attributes: [kv('', str('empty key')), kv('big', { intValue: '9007199254740993' })],
  },
];

describe('OTLP records as lines', () => {
  for (const [name, resource] of [
    ['a resource', [kv('service.name', str('app')), kv('host.name', str('h1'))]],
    ['no resource attributes', []],
    ['a resource with event.name and an index-like key', [kv('event.name', str('res')), kv('1', str('one'))]],
  ] as const) {
    it(`writes each record as the object path would, with ${name}`, () => {
      for (const scope of [{ name: 'lib', version: '2' }, {}]) {
        const m = message([...resource], records, scope);
        const quick = logsToLines(m, false, now);
        const objects = logsToLines(m, false, now, { quick: false });
        expect(quick).toEqual(objects);
        const lines = [...quick.bySource.values()].flat();
        expect(lines).toHaveLength(records.length);
        for (const line of lines) expect(JSON.stringify(JSON.parse(line))).toBe(line);
      }
    });
  }

  it('rejects the same records for the same reasons either way', () => {
    const bad = [
      { timeUnixNano: ns(now + 2 * 86_400_000), body: str('future') },
      { timeUnixNano: '1700000000', body: str('seconds, not nanoseconds') },
      { body: str('x'.repeat(300 * 1024)) },
      { body: str('fine') },
    ];
    const m = message([kv('service.name', str('app'))], bad);
    const quick = logsToLines(m, false, now);
    expect(quick).toEqual(logsToLines(m, false, now, { quick: false }));
    expect(quick.rejected).toBe(3);
  });
});
