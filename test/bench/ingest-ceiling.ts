import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** The bare ceiling: JSON.parse plus multi-row INSERT into a one-index table, same better-sqlite3, same file. */
export function measureCeiling(file: string, dir: string): number {
  const db = new Database(path.join(dir, 'ceiling.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE l (id INTEGER PRIMARY KEY, ts INTEGER, msg TEXT, fields TEXT); CREATE INDEX l_ts ON l (ts)');
  const ROWS = 100;
  const insert = db.prepare(`INSERT INTO l (ts, msg, fields) VALUES ${Array(ROWS).fill('(?, ?, ?)').join(', ')}`);
  const single = db.prepare('INSERT INTO l (ts, msg, fields) VALUES (?, ?, ?)');
  const write = db.transaction((lines: string[]) => {
    let i = 0;
    for (; i + ROWS <= lines.length; i += ROWS) {
      const args: unknown[] = [];
      for (let j = i; j < i + ROWS; j++) {
        const o = JSON.parse(lines[j]) as { time: string; msg: string };
        args.push(Date.parse(o.time), o.msg, lines[j]);
      }
      insert.run(args);
    }
    for (; i < lines.length; i++) {
      const o = JSON.parse(lines[i]) as { time: string; msg: string };
      single.run(Date.parse(o.time), o.msg, lines[i]);
    }
  });
  const started = performance.now();
  const text = fs.readFileSync(file, 'utf8');
  let pos = 0;
  let n = 0;
  let batch: string[] = [];
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    if (end > pos) batch.push(text.slice(pos, end));
    pos = end + 1;
    if (batch.length === 5_000) {
      write(batch);
      n += batch.length;
      batch = [];
    }
  }
  write(batch);
  n += batch.length;
  const secs = (performance.now() - started) / 1000;
  db.close();
  return n / secs;
}
