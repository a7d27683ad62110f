import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The lint rule that keeps server modules out of the browser bundle picks browser files by folder (Biome cannot
// select by content) and sees one import at a time; these two checks cover what it cannot.
const root = path.resolve(import.meta.dirname, '..', '..');

function browserGlobs(): string[] {
  const text = fs.readFileSync(path.join(root, 'biome.jsonc'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  const config = JSON.parse(text) as { overrides: { includes: string[] }[] };
  // The browser override is the one for components/ and lib/swr/ (the first override covers every folder).
  const browser = config.overrides.find(
    (o) => o.includes.includes('components/**') && o.includes.includes('lib/swr/**'),
  );
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

/** Specifiers of the imports and re-exports that stay in the bundle (`import type` is erased). */
function runtimeImports(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
    if (!m[1]) out.push(m[2]);
  }
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith('@/')
    ? spec.slice(2)
    : spec.startsWith('.')
      ? path.posix.join(path.posix.dirname(from), spec)
      : null;
  if (base === null) return null;
  for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base]) {
    if (fs.existsSync(path.join(root, candidate)) && fs.statSync(path.join(root, candidate)).isFile()) return candidate;
  }
  throw new Error(`${from}: cannot resolve ${spec}`);
}

const clientFiles = () =>
  ['app', 'components', 'lib'].flatMap(sourceFiles).filter((f) => {
    const head = fs.readFileSync(path.join(root, f), 'utf8').trimStart();
    return head.startsWith("'use client'") || head.startsWith('"use client"');
  });

describe('browser boundary', () => {
  it("every 'use client' file is one the browser import rule in biome.jsonc checks", () => {
    const globs = browserGlobs();
    const files = clientFiles();
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => !covered(f, globs))).toEqual([]);
  });

  it('nothing a browser file imports, however indirectly, needs Node or the database', () => {
    const seen = new Set<string>();
    const queue = [
      ...clientFiles(),
      ...browserGlobs()
        .filter((g) => g.endsWith('/**'))
        .flatMap((g) => sourceFiles(g.slice(0, -3))),
    ];
    const offending: string[] = [];
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const spec of runtimeImports(file)) {
        if (spec.startsWith('node:') || spec === 'better-sqlite3' || spec === 'next/headers')
          offending.push(`${file} → ${spec}`);
        const local = resolveLocal(file, spec);
        if (local) queue.push(local);
      }
    }
    expect(seen.size).toBeGreaterThan(100);
    expect(offending).toEqual([]);
  });
});
