import os from 'node:os';
import path from 'node:path';
import type { Db } from '@/lib/db/connection';
import { compileExtractionRules, type ExtractionRule } from '@/lib/logs';
import type { LogSourceInput } from './source-schema';

/** `~/x` and paths relative to the provisioning file, as the contract says. */
export function resolveSourcePath(p: string, baseDir: string): string {
  if (p === '~' || p.startsWith('~/')) return path.join(os.homedir(), p.slice(1));
  return path.resolve(baseDir, p);
}

/** Creates or updates the provisioned file sources; returns the names kept. Extraction rules are checked here, not per line. */
export function upsertFileSources(db: Db, inputs: LogSourceInput[], baseDir: string, now: number): Set<string> {
  const upsert = db.prepare(
    `INSERT INTO log_sources (name, kind, path, format, start_at, extract, provisioned, created_at)
     VALUES (@name, 'file', @path, @format, @startAt, @extract, 1, @now)
     ON CONFLICT (name) DO UPDATE SET kind = 'file', path = excluded.path, format = excluded.format,
       start_at = excluded.start_at, extract = excluded.extract, provisioned = 1`,
  );
  for (const s of inputs) {
    try {
      compileExtractionRules((s.extract ?? []) as unknown as ExtractionRule[]);
    } catch (err) {
      throw new Error(`logs: source "${s.name}": ${(err as Error).message}`);
    }
  }
  for (const s of inputs) {
    upsert.run({
      name: s.name,
      path: resolveSourcePath(s.path, baseDir),
      format: s.format ?? 'auto',
      startAt: s.start_at ?? 'beginning',
      extract: JSON.stringify(s.extract ?? []),
      now,
    });
  }
  return new Set(inputs.map((s) => s.name));
}

/** An HTTP source comes into being with its first posted line. */
export function ensureHttpSource(db: Db, name: string, now: number): void {
  db.prepare(`INSERT INTO log_sources (name, kind, created_at) VALUES (?, 'http', ?) ON CONFLICT (name) DO NOTHING`).run(name, now);
}
