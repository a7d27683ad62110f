import { describe, expect, it } from 'vitest';
import { LogCorrelator } from '@/lib/logs';
import { FAMILY_NAMES } from '@/lib/logs/formats/family';
import { loadCorpus } from './corpus';

const files = loadCorpus();

describe('format corpus', () => {
  it('has a file for every family', () => {
    expect(files.map((f) => f.family).sort()).toEqual([...FAMILY_NAMES].sort());
  });

  for (const file of files) {
    for (const pinned of ['auto', file.family] as const) {
      describe(`${file.family} (${pinned === 'auto' ? 'detected' : 'pinned'})`, () => {
        // One correlator per file: a source's lines go through one, which keeps the IIS #Fields: header.
        const correlator = new LogCorrelator({ format: pinned as 'auto', timezone: file.timezone });
        for (const c of file.cases) {
          it(c.line.slice(0, 90), () => {
            const p = correlator.process(c.line, file.receivedAt);
            expect(p.family).toBe(file.family);
            if (c.ts === null) expect(p.tsFallback).toBe(true);
            else expect(new Date(p.ts).toISOString()).toBe(new Date(c.ts).toISOString());
            expect(p.level).toBe(c.level);
            expect(p.message).toBe(c.message ?? c.line);
            expect(p.common.status).toBe(c.status ?? null);
            if (c.durationMs !== undefined) expect(p.common.durationMs).toBe(c.durationMs);
            if (c.method !== undefined) expect(p.common.method).toBe(c.method);
            if (c.path !== undefined) expect(p.common.path).toBe(c.path);
            if (c.status !== undefined) expect(p.request?.status).toBe(c.status);
          });
        }
      });
    }
  }
});
