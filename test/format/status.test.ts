import { describe, expect, it } from 'vitest';
import { bucketTone, toneColor } from '@/lib/format/status';

describe('bucketTone', () => {
  it('colours buckets by uptime', () => {
    expect(bucketTone(null)).toBe('idle');
    expect(bucketTone(100)).toBe('up');
    expect(bucketTone(99.5)).toBe('pending');
    expect(bucketTone(50)).toBe('pending');
    expect(bucketTone(49.9)).toBe('down');
    expect(bucketTone(0)).toBe('down');
    expect(toneColor('down')).toBe('var(--down)');
  });
});
