import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The lint rule that keeps server modules out of the browser bundle picks browser files by folder (Biome cannot
// select by content), so every 'use client' file has to sit where that override looks.
const root = path.resolve(import.meta.dirname, '..', '..');

function browserGlobs(): string[] {
  const text = fs.readFileSync(path.join(root, 'biome.jsonc'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  const config = JSON.parse(text) as { overrides: { includes: string[]; linter?: unknown }[] };
  // The browser override is the one for components/ and lib/swr/ (the first override covers every folder).
  const browser = config.overrides.find((o) => o.includes.includes('components/**') && o.includes.includes('lib/swr/**'));
  if (!browser) throw new Error('biome.jsonc has no override for components/** and lib/swr/**');
  return browser.includes;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

const covered = (file: string, globs: string[]) =>
  globs.some((g) => (g.endsWith('/**') ? file.startsWith(g.slice(0, -2)) : file === g));

describe('browser boundary', () => {
  it("every 'use client' file is one the browser import rule in biome.jsonc checks", () => {
    const globs = browserGlobs();
    const clientFiles = ['app', 'components', 'lib'].flatMap(sourceFiles).filter((f) => {
      const head = fs.readFileSync(path.join(root, f), 'utf8').trimStart();
      return head.startsWith("'use client'") || head.startsWith('"use client"');
    });
    expect(clientFiles.length).toBeGreaterThan(50);
    expect(clientFiles.filter((f) => !covered(f, globs))).toEqual([]);
  });
});
