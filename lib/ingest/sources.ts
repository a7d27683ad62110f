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

/**
 * Creates or updates file sources. With `provisioned`, the list is the whole `logs:` of the file, and
 * provisioned sources missing from it stop being tailed (their lines stay). Rules are checked here, not per line.
 */
export function upsertFileSources(
  db: Db,
  inputs: LogSourceInput[],
  baseDir: string,
  now: number,
  provisioned = true,
): void {
  const upsert = db.prepare(
    `INSERT INTO log_sources (name, kind, path, format, timezone, start_at, extract, attribution, provisioned, created_at)
     VALUES (@name, 'file', @path, @format, @timezone, @startAt, @extract, @attribution, @provisioned, @now)
     ON CONFLICT (name) DO UPDATE SET kind = 'file', path = excluded.path, format = excluded.format,
       timezone = excluded.timezone, start_at = excluded.start_at, extract = excluded.extract,
       attribution = excluded.attribution, provisioned = excluded.provisioned`,
  );
  for (const s of inputs) {
    try {
      compileExtractionRules((s.extract ?? []) as unknown as ExtractionRule[]);
    } catch (err) {
      throw new Error(`logs: source "${s.name}": ${(err as Error).message}`);
    }
  }
  db.transaction(() => {
    for (const s of inputs) {
      upsert.run({
        name: s.name,
        path: resolveSourcePath(s.path, baseDir),
        format: s.format ?? 'auto',
        timezone: s.timezone || null,
        startAt: s.start_at ?? 'beginning',
        extract: JSON.stringify(s.extract ?? []),
        attribution: s.attribution ? JSON.stringify(s.attribution) : null,
        provisioned: provisioned ? 1 : 0,
        now,
      });
    }
    if (!provisioned) return;
    const names = new Set(inputs.map((s) => s.name));
    for (const row of db.prepare('SELECT name FROM log_sources WHERE provisioned = 1 AND path IS NOT NULL').all() as {
      name: string;
    }[]) {
      if (!names.has(row.name)) db.prepare('UPDATE log_sources SET path = NULL WHERE name = ?').run(row.name);
    }
  })();
}

/** An HTTP source comes into being with its first posted line. */
export function ensureHttpSource(db: Db, name: string, now: number): void {
  db.prepare(
    `INSERT INTO log_sources (name, kind, created_at) VALUES (?, 'http', ?) ON CONFLICT (name) DO NOTHING`,
  ).run(name, now);
}
