import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { wordsMatch } from '@/lib/search/match-words';
import { ftsTokens } from '@/lib/search/unicode61';

// An index of its own, as the logs' (fts5 defaults: unicode61, remove_diacritics 1), to compare with.
const db = new Database(':memory:');
db.exec(`CREATE VIRTUAL TABLE t USING fts5(m); CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');`);
afterAll(() => db.close());

// Ranges that tokenizers treat differently: Latin with diacritics, Greek, Cyrillic, Armenian, Hebrew,
// Arabic, Devanagari, Thai, CJK, Hangul, combining marks, other scripts' digits, punctuation, emoji.
const RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x300, 0x36f],
  [0x370, 0x3ff],
  [0x400, 0x4ff],
  [0x530, 0x58f],
  [0x590, 0x6ff],
  [0x900, 0x97f],
  [0xe00, 0xe7f],
  [0x1e00, 0x1fff],
  [0x2000, 0x2bff],
  [0x3000, 0x30ff],
  [0x4e00, 0x4e80],
  [0xac00, 0xac80],
  [0xff00, 0xffef],
  [0x1f300, 0x1f64f],
  [0x1d400, 0x1d4ff],
];

// mulberry32: a seeded generator, so a failure can be replayed.
let seed = 7;
const random = (n: number) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) % n;
};

function randomText(length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) {
    if (random(4) === 0) {
      s += ' ';
      continue;
    }
    const [lo, hi] = RANGES[random(RANGES.length)];
    s += String.fromCodePoint(lo + random(hi - lo + 1));
  }
  return s;
}

function sqliteTokens(text: string): string[] {
  db.prepare('DELETE FROM t').run();
  db.prepare('INSERT INTO t (rowid, m) VALUES (1, ?)').run(text);
  return db.prepare('SELECT term FROM v ORDER BY "offset"').pluck().all() as string[];
}

describe('unicode61 tokenizer in JS', () => {
  it('splits and folds every script as SQLite does', () => {
    for (let i = 0; i < 1_500; i++) {
      const text = randomText(1 + random(40));
      expect(ftsTokens(text), JSON.stringify(text)).toEqual(sqliteTokens(text));
    }
    for (const text of [
      'Straße İstanbul',
      'Ǆemal ǅ ǆ',
      'ﬁnance ①②',
      'e\u0301te\u0301',
      'ÀÉÎÕÜ àéîõü',
      '日本語テキスト',
    ])
      expect(ftsTokens(text), text).toEqual(sqliteTokens(text));
  });

  it('judges words and phrases on non-ASCII lines as the index matches them', () => {
    const lines = Array.from({ length: 400 }, () => randomText(30));
    db.prepare('DELETE FROM t').run();
    const insert = db.prepare('INSERT INTO t (rowid, m) VALUES (?, ?)');
    lines.forEach((l, i) => insert.run(i + 1, l));
    let matched = 0;
    for (let k = 0; k < 150; k++) {
      // A query from a line's own tokens (one or two in a row, sometimes as a prefix), so some lines match.
      const tokens = ftsTokens(lines[random(lines.length)]);
      if (tokens.length === 0) continue;
      const at = random(tokens.length);
      const words = tokens.slice(at, at + 1 + random(2));
      const prefix = random(3) === 0;
      const expr = `"${words.join(' ')}"${prefix ? '*' : ''}`;
      const ids = new Set(db.prepare('SELECT rowid FROM t WHERE t MATCH ?').pluck().all(expr) as number[]);
      lines.forEach((l, i) =>
        expect(wordsMatch(l, expr), `${expr} on ${JSON.stringify(l)}`).toBe(ids.has(i + 1) ? 1 : 0),
      );
      matched += ids.size;
    }
    expect(matched).toBeGreaterThan(100);
  });
});
