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
