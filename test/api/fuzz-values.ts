/** Hostile values for query and path parameters (strings) and for JSON body fields (any JSON). */
export const HOSTILE_TEXT: string[] = [
  '', ' ', 'garbage', 'now-', 'now-15x', 'now+', 'now-1000000000y', 'now+1000000000y', `now-${'9'.repeat(400)}y`,
  '9'.repeat(16), '9'.repeat(17), '253402300800000', '-1', '0', '-5', '1e309', 'NaN', 'Infinity', '1.5', '0x10', '99999999999',
  '2026-13-45T99:99:99Z', '0000-01-01T00:00:00Z', '2026-01-01T00:00:00+99:99', '0s', '-10s', '1ms', '5s', '1y', '100000d', '10s',
  '"unbalanced', 'a"b', '"', '""', 'level:"oops', 'status:>=abc', 'status:>', 'status:', ':value', 'NOT', 'NOT NOT', '-', '--', 'AND',
  '\0', 'a\0b', '%00', '../../../etc/passwd', '..\\..\\windows', '/etc/passwd', '....//....//', "' OR 1=1 --", '*', '(', ')', '\\', '%',
  'x'.repeat(5_000), '🙂'.repeat(200), '\u202e\u0000\uffff', '\ud800', '{"a":1}', '[]', 'null', 'true',
];

const deep = (n: number): unknown => (n === 0 ? [] : [deep(n - 1)]);

export const HOSTILE_JSON: unknown[] = [
  null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, '', ' ', '\0', 'x'.repeat(5_000), '../../etc/passwd',
  'now-', '"unbalanced', [], [null], [['x']], {}, { '': null }, { __proto__: { polluted: 1 } }, deep(200), '🙂'.repeat(200),
];

export const MALFORMED_BODIES: string[] = [
  '', ' ', '{', '{"a":', '}', 'null', '[]', '"text"', '1', 'true', '{"a":1}}', '\0', "{'a':1}", '{"a":NaN}', '{"a":undefined}',
  'x'.repeat(5_000), `${'['.repeat(5_000)}${']'.repeat(5_000)}`, '{"__proto__":{"polluted":1}}', '\ufeff{}', '{"a":"\\ud800"}',
];
