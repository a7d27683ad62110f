import { describe, expect, it } from 'vitest';
import { Join, joinKind } from '@/lib/logs/multiline';

describe('continuation lines', () => {
  it('classifies continuation lines', () => {
    expect(joinKind('\tat a.B.c(B.java:1)', false)).toBe(Join.Continue);
    expect(joinKind('at a.B.c(B.java:1)', false)).toBe(Join.Continue);
    expect(joinKind('at 10:00 the job ran', false)).toBe(Join.New);
    expect(joinKind('Caused by: java.io.IOException: x', false)).toBe(Join.Continue);
    expect(joinKind('... 3 more', false)).toBe(Join.Continue);
    expect(joinKind('Traceback (most recent call last):', false)).toBe(Join.OpenTraceback);
    expect(joinKind('ValueError: bad', true)).toBe(Join.CloseTraceback);
    expect(joinKind('ValueError: bad', false)).toBe(Join.New);
    expect(joinKind('2024-01-02 03:04:05 INFO next', false)).toBe(Join.New);
    expect(joinKind('Connection refused', false)).toBe(Join.New);
  });
});
