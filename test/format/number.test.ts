import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatMs, formatPercent } from '@/lib/format/number';

describe('formatCount', () => {
  it('keeps small counts exact and shortens large ones', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234)).toBe('1.2k');
    expect(formatCount(1000)).toBe('1k');
    expect(formatCount(250_000)).toBe('250k');
    expect(formatCount(2_500_000)).toBe('2.5M');
    expect(formatCount(3e9)).toBe('3G');
  });
  it('shows a dash for missing values', () => {
    expect(formatCount(null)).toBe('—');
    expect(formatCount(Number.NaN)).toBe('—');
  });
});

describe('formatMs', () => {
  it('picks ms, s or min', () => {
    expect(formatMs(0.42)).toBe('0.4 ms');
    expect(formatMs(350.4)).toBe('350 ms');
    expect(formatMs(2400)).toBe('2.4 s');
    expect(formatMs(2000)).toBe('2 s');
    expect(formatMs(15_400)).toBe('15 s');
    expect(formatMs(90_000)).toBe('1.5 min');
    expect(formatMs(undefined)).toBe('—');
  });
});

describe('formatPercent', () => {
  it('shows uptime without rounding a failure up to 100 %', () => {
    expect(formatPercent(100)).toBe('100 %');
    expect(formatPercent(99.999)).toBe('99.99 %');
    expect(formatPercent(99.95)).toBe('99.95 %');
    expect(formatPercent(87.56)).toBe('87.5 %');
    expect(formatPercent(50)).toBe('50 %');
    expect(formatPercent(0)).toBe('0 %');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1536, '1.5 KiB'],
    [12 * 1024 * 1024, '12 MiB'],
    [null, '—'],
  ])('%s → %s', (n, text) => expect(formatBytes(n)).toBe(text));
});
