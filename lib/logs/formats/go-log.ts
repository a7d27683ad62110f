import type { LineContext } from './clock';
import { type FamilyHit, hit } from './family';
import { scanLevel } from './scan-level';
import { readSlashDate } from './slash-date';

const SHORTFILE = /^([\w./-]+\.go:\d+): /;

/** Go's standard `log`: `2024/01/02 03:04:05 message` (optionally `.000000`, `file.go:12: `); no level of its own. */
export function parseGoLog(line: string, ctx: LineContext): FamilyHit | null {
  const date = readSlashDate(line, ctx);
  if (!date) return null;
  let message = line.slice(date.end);
  const fields: Record<string, unknown> = {};
  const file = SHORTFILE.exec(message);
  if (file) {
    fields.file = file[1];
    message = message.slice(file[0].length);
  }
  const found = scanLevel(message, 0);
  return hit('go-log', date.ms, found ? found.level : null, message, fields);
}
