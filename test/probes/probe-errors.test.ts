import { describe, expect, it } from 'vitest';
import { describeError, formatTimeout } from '@/lib/probes/probe-errors';

describe('formatTimeout', () => {
  it.each([
    [500, '500ms'],
    [1000, '1s'],
    [1500, '1.5s'],
    [10_000, '10s'],
    [90_000, '90s'],
    [120_000, '2m'],
    [3_600_000, '1h'],
  ])('%i → %s', (ms, text) => expect(formatTimeout(ms)).toBe(text));
});

describe('describeError', () => {
  const err = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  it.each([
    [err('ECONNREFUSED'), 'connection refused'],
    [err('ENOTFOUND'), 'DNS lookup failed for example.test'],
    [err('EAI_AGAIN'), 'DNS lookup failed for example.test'],
    [err('ECONNRESET'), 'connection reset'],
    [new Error('socket hang up'), 'connection reset'],
    [err('DEPTH_ZERO_SELF_SIGNED_CERT'), 'TLS error: self-signed certificate'],
    [err('CERT_HAS_EXPIRED'), 'TLS error: certificate has expired'],
    [err('ERR_TLS_CERT_ALTNAME_INVALID'), 'TLS error: certificate is not valid for example.test'],
    [err('ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE'), 'TLS error: sslv3 alert handshake failure'],
    [err('HPE_INVALID_CONSTANT'), 'invalid HTTP response'],
    [
      err('ERR_HTTP_INVALID_HEADER_VALUE', 'Invalid value "Bearer SECRET" for header "authorization"'),
      'invalid request header (check the target headers)',
    ],
    [err('EWHATEVER', 'leaks Bearer SECRET'), 'request failed (EWHATEVER)'],
    ['a string', 'request failed'],
  ])('%s', (e, reason) => {
    expect(describeError(e, 'example.test')).toBe(reason);
  });
});
