import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSegment, expandGlob } from '@/lib/ingest/tail/glob';
import { tempDir } from '../../helpers/temp-dir';

describe('glob', () => {
  it('compiles *, ? and character classes for one segment', () => {
    const re = compileSegment('app-[0-9]?.log*');
    expect(re.test('app-12.log')).toBe(true);
    expect(re.test('app-12.log.1')).toBe(true);
    expect(re.test('app-x2.log')).toBe(false);
    expect(compileSegment('[!a]*').test('b.log')).toBe(true);
    expect(compileSegment('[!a]*').test('a.log')).toBe(false);
    expect(compileSegment('a+b(1).log').test('a+b(1).log')).toBe(true);
    expect(compileSegment('*.log').test('.hidden.log')).toBe(false);
    expect(compileSegment('[.log').test('[.log')).toBe(true);
  });

  it('expands in the last segment only, sorted, skipping compressed rotations', async () => {
    const dir = tempDir('lookout-glob-');
    for (const n of ['app.log', 'app.log.1', 'app.log.2.gz', 'other.txt']) fs.writeFileSync(path.join(dir, n), '');
    expect((await expandGlob(path.join(dir, 'app.log*'))).map((p) => path.basename(p))).toEqual([
      'app.log',
      'app.log.1',
    ]);
    expect(await expandGlob(path.join(dir, 'missing', '*.log'))).toEqual([]);
    expect(await expandGlob(path.join(dir, 'plain.log'))).toEqual([path.join(dir, 'plain.log')]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
