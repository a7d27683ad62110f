import { normalizeLevel } from '../level';
import { type LineContext, naiveMs } from './clock';
import { type FamilyHit, hit } from './family';

// HDFS (Hadoop 0.x log4j `yyMMdd HHmmss pid LEVEL component: message`): `081109 203615 148 INFO dfs.DataNode$PacketResponder: …`.
const HDFS = /^(\d{2})(\d{2})(\d{2}) (\d{2})(\d{2})(\d{2}) (\d+) ([A-Z]+) ([\w.$-]+): /;

export function parseHadoop(line: string, ctx: LineContext): FamilyHit | null {
  const m = HDFS.exec(line);
  if (!m) return null;
  const level = normalizeLevel(m[8]);
  if (!level) return null;
  const time = naiveMs(ctx, 2000 + Number(m[1]), +m[2], +m[3], +m[4], +m[5], +m[6], 0);
  return hit('hadoop', time, level, line.slice(m[0].length), { pid: Number(m[7]), component: m[9] });
}
