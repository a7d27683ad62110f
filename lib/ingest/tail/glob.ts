import fs from 'node:fs/promises';
import path from 'node:path';

// Rotated archives are binary; tailing them through a broad glob like `app.log*` would ingest garbage.
const COMPRESSED = /\.(gz|bz2|xz|zst|zip|lz4|7z)$/i;

export function hasGlobChars(segment: string): boolean {
  return /[*?[]/.test(segment);
}

/** Compiles one path segment: `*`, `?`, `[abc]`, `[a-z]`, `[!abc]`/`[^abc]`. A leading dot is never matched by a wildcard. */
export function compileSegment(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) {
        re += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negate = body[0] === '!' || body[0] === '^';
      if (negate) body = body.slice(1);
      re += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else re += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  const dotSafe = pattern.startsWith('.') ? '' : '(?!\\.)';
  return new RegExp(`^${dotSafe}${re}$`);
}

/** Paths matching `pattern` (sorted). Directories are literal; only the last segment may hold wildcards. */
export async function expandGlob(pattern: string): Promise<string[]> {
  const dir = path.dirname(pattern);
  const base = path.basename(pattern);
  if (!hasGlobChars(base)) return [pattern];
  const re = compileSegment(base);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => re.test(n) && !COMPRESSED.test(n))
    .sort()
    .map((n) => path.join(dir, n));
}
