import { epochToMs } from '../time';
import type { LineContext } from './clock';
import { type FamilyHit, hit } from './family';
import { scanLevel } from './scan-level';

// Epoch seconds (10 digits, optional fraction) or milliseconds (13 digits) as the first token; BGL and
// Thunderbird put an alert tag (`-` or `KERNDTLB`) first: `- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 …`.
const EPOCH = /^(?:(-|[A-Z][A-Z_]{1,23}) )?(\d{10}(?:\.\d{1,9})?|\d{13})(?= )/;

export function parseEpoch(line: string, _ctx: LineContext): FamilyHit | null {
  const m = EPOCH.exec(line);
  if (!m) return null;
  const time = epochToMs(Number(m[2]));
  if (time === null) return null;
  const message = line.slice(m[0].length + 1);
  const fields: Record<string, unknown> = {};
  if (m[1] && m[1] !== '-') fields.alert = m[1];
  const found = scanLevel(message, 0);
  return hit('epoch', time, found ? found.level : null, message, fields);
}
