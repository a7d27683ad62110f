import { describe, expect, it } from 'vitest';
import { splitFieldErrors } from '@/lib/format/field-errors';

describe('splitFieldErrors', () => {
  it('puts each named part under its field, indexed parts reworded, and the rest in general', () => {
    const r = splitFieldErrors(
      'url: must be http; conditions.1: not a condition; matchers.0.name: bad; url: too long; something else',
      ['url', 'conditions', 'matchers'] as const,
      (field, index, text) => (field === 'conditions' && index !== null ? `line ${index + 1}: ${text}` : text),
    );
    expect(r).toEqual({
      fields: { url: 'must be http; too long', conditions: 'line 2: not a condition', matchers: 'bad' },
      general: ['something else'],
    });
  });

  it('keeps parts naming unknown fields general', () => {
    expect(splitFieldErrors('name: taken; extract: bad regex', ['name'] as const)).toEqual({ fields: { name: 'taken' }, general: ['extract: bad regex'] });
  });
});
