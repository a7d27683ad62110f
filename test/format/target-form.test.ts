import { describe, expect, it } from 'vitest';
import {
  EMPTY_FORM,
  formFromTarget,
  parseHeaderLines,
  requestFromForm,
  targetFieldErrors,
} from '@/lib/format/target-form';
import type { Target } from '@/lib/swr/types';

describe('requestFromForm', () => {
  it('builds a provisioning-style body', () => {
    const r = requestFromForm(
      {
        ...EMPTY_FORM,
        name: ' api ',
        url: 'http://x/health',
        interval: '1s',
        timeout: '500ms',
        conditions: '[STATUS] == 200\n\n [BODY].ok == true ',
        headers: 'X-Key: a:b',
      },
      'create',
    );
    expect(r).toEqual({
      body: {
        name: 'api',
        url: 'http://x/health',
        method: 'GET',
        interval: '1s',
        timeout: '500ms',
        conditions: ['[STATUS] == 200', '[BODY].ok == true'],
        failure_threshold: 1,
        success_threshold: 1,
        headers: { 'X-Key': 'a:b' },
      },
    });
  });
  it('keeps stored headers when the field is blank and reports bad header lines', () => {
    const r = requestFromForm({ ...EMPTY_FORM, name: 'a', url: 'http://x' }, 'edit');
    expect('body' in r && 'headers' in r.body).toBe(false);
    expect(requestFromForm({ ...EMPTY_FORM, headers: 'ok: 1\nbroken' }, 'create')).toEqual({
      errors: { headers: 'line 2 needs the form Key: value' },
    });
    expect(parseHeaderLines('')).toEqual({ headers: {} });
  });
});

describe('targetFieldErrors', () => {
  it('maps the API issues to fields, a condition by its line', () => {
    const issues = [
      { path: 'url', message: 'url must be an absolute http:// or https:// address' },
      { path: 'conditions.1', message: 'unknown operator' },
      { path: '', message: 'oops' },
    ];
    expect(targetFieldErrors({ message: 'url: …', issues })).toEqual({
      fields: { url: 'url must be an absolute http:// or https:// address', conditions: 'line 2: unknown operator' },
      general: ['oops'],
    });
  });

  it('shows the message when the answer names no field', () => {
    expect(targetFieldErrors({ message: 'Lookout is busy', issues: [] })).toEqual({
      fields: {},
      general: ['Lookout is busy'],
    });
  });
});

describe('formFromTarget', () => {
  it('never pre-fills secrets', () => {
    const t = {
      name: 'a',
      url: 'http://x',
      method: 'GET',
      interval_s: 30,
      timeout_ms: 500,
      conditions: ['[STATUS] == 200'],
      failure_threshold: 2,
      success_threshold: 1,
      has_headers: true,
    } as Target;
    expect(formFromTarget(t)).toMatchObject({
      interval: '30s',
      timeout: '500ms',
      failure_threshold: '2',
      headers: '',
      body: '',
    });
  });
});

describe('heartbeat schedule and STARTTLS in the form', () => {
  it('sends a schedule with its zone instead of the period, and the period when the schedule is blank', () => {
    const v = { ...EMPTY_FORM, name: 'backup', type: 'heartbeat', schedule: ' 0 3 * * * ', timezone: 'Europe/Berlin' };
    const withSchedule = requestFromForm(v, 'create');
    expect(withSchedule).toEqual({
      body: expect.objectContaining({ schedule: '0 3 * * *', timezone: 'Europe/Berlin', grace: '0s' }),
    });
    expect((withSchedule as { body: Record<string, unknown> }).body).not.toHaveProperty('period');
    const withPeriod = requestFromForm({ ...v, schedule: '' }, 'edit');
    expect((withPeriod as { body: Record<string, unknown> }).body).toMatchObject({ period: '1h' });
    expect((withPeriod as { body: Record<string, unknown> }).body).not.toHaveProperty('schedule');
  });

  it('sends starttls without send/expect, and verification only with starttls', () => {
    const v = { ...EMPTY_FORM, name: 'mail', type: 'tcp', url: 'tcp://127.0.0.1:25', send: 'x', expect: '220*' };
    const tls = (
      requestFromForm({ ...v, starttls: 'smtp', insecure_skip_verify: 'true' }, 'create') as {
        body: Record<string, unknown>;
      }
    ).body;
    expect(tls).toMatchObject({ starttls: 'smtp', insecure_skip_verify: true });
    expect(tls).not.toHaveProperty('send');
    expect(tls).not.toHaveProperty('expect');
    const plain = (requestFromForm(v, 'edit') as { body: Record<string, unknown> }).body;
    expect(plain).toMatchObject({ send: 'x', expect: '220*' });
    expect(plain).not.toHaveProperty('insecure_skip_verify');
  });
});
