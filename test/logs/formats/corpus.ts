import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Level } from '@/lib/logs';

/** One written line with the ground truth its format defines (test/logs/corpus/README.md). */
export interface CorpusCase {
  line: string;
  /** Epoch ms, or null when the line has no time of its own (it must be flagged received-time). */
  ts: number | null;
  level: Level | null;
  /** null: the whole line. */
  message: string | null;
  status?: number;
  durationMs?: number;
  method?: string;
  path?: string;
}

export interface CorpusFile {
  family: string;
  receivedAt: number;
  timezone: string | null;
  cases: CorpusCase[];
}

export const CORPUS_DIR = path.join(import.meta.dirname, '..', 'corpus');

function parseFile(text: string, name: string): CorpusFile {
  const file: CorpusFile = { family: name, receivedAt: 0, timezone: null, cases: [] };
  let current: CorpusCase | null = null;
  for (const raw of text.split('\n')) {
    if (raw.startsWith('# ')) {
      const [key, ...rest] = raw.slice(2).split(': ');
      const value = rest.join(': ').trim();
      if (key === 'format') file.family = value;
      else if (key === 'received') file.receivedAt = Date.parse(value);
      else if (key === 'timezone') file.timezone = value;
      continue;
    }
    const colon = raw.indexOf(': ');
    const key = colon === -1 ? raw.replace(/:$/, '') : raw.slice(0, colon);
    const value = colon === -1 ? '' : raw.slice(colon + 2);
    if (key === '') continue;
    if (key === 'line') {
      current = { line: value, ts: null, level: null, message: null };
      file.cases.push(current);
    } else if (!current) throw new Error(`${name}: "${key}" before any line`);
    else if (key === 'ts') current.ts = value === 'received' ? null : Date.parse(value);
    else if (key === 'level') current.level = value === '-' ? null : (value as Level);
    else if (key === 'message') current.message = value === '=' ? null : value;
    else if (key === 'status') current.status = Number(value);
    else if (key === 'duration_ms') current.durationMs = Number(value);
    else if (key === 'method') current.method = value;
    else if (key === 'path') current.path = value;
    else throw new Error(`${name}: unknown key "${key}"`);
  }
  return file;
}

/** Every corpus file, or the ones whose family is in `only`. */
export function loadCorpus(dir = CORPUS_DIR): CorpusFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseFile(readFileSync(path.join(dir, f), 'utf8'), f.replace(/\.txt$/, '')));
}
