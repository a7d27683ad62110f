import { describe, expect, it } from 'vitest';
import { issuesToFields } from '@/lib/format/issue-fields';

describe('issuesToFields', () => {
  it('puts each issue under the field its path starts with, reworded from the rest of the path, and the rest in general', () => {
    const issues = [
      { path: 'url', message: 'must be http' },
      { path: 'conditions.1', message: 'not a condition' },
      { path: 'matchers.0.name', message: 'bad' },
      { path: 'url', message: 'too long' },
      { path: '', message: 'something else' },
    ];
    const r = issuesToFields(
      { message: 'url: must be http; …', issues },
      ['url', 'conditions', 'matchers'] as const,
      (field, rest, text) => (field === 'conditions' ? `line ${Number(rest[0]) + 1}: ${text}` : text),
    );
    expect(r).toEqual({
      fields: { url: 'must be http; too long', conditions: 'line 2: not a condition', matchers: 'bad' },
      general: ['something else'],
    });
  });

  it('keeps issues naming unknown fields general, with their path', () => {
    const issues = [
      { path: 'name', message: 'taken' },
      { path: 'extract.0', message: 'bad regex' },
    ];
    expect(issuesToFields({ message: '', issues }, ['name'] as const)).toEqual({
      fields: { name: 'taken' },
      general: ['extract.0: bad regex'],
    });
  });

  it('falls back to the message when there are no issues', () => {
    expect(issuesToFields({ message: 'No alerting: block', issues: [] }, ['name'] as const)).toEqual({
      fields: {},
      general: ['No alerting: block'],
    });
  });
});
