import type { Db } from './connection';

const ROWS = 64;

/**
 * Collects rows and inserts them 64 at a time with one multi-row statement: a better-sqlite3 call
 * per row costs more than SQLite's own work for small rows. Call `flush` before the transaction ends.
 */
export class BulkInsert {
  private readonly many;
  private readonly one;
  private pending: unknown[] = [];
  private count = 0;

  constructor(
    db: Db,
    head: string,
    private readonly columns: number,
  ) {
    const row = `(${Array(columns).fill('?').join(', ')})`;
    this.many = db.prepare(`${head} VALUES ${Array(ROWS).fill(row).join(', ')}`);
    this.one = db.prepare(`${head} VALUES ${row}`);
  }

  push(...values: unknown[]): void {
    for (const v of values) this.pending.push(v);
    if (++this.count === ROWS) {
      this.many.run(this.pending);
      this.pending = [];
      this.count = 0;
    }
  }

  flush(): void {
    for (let i = 0; i < this.pending.length; i += this.columns) this.one.run(this.pending.slice(i, i + this.columns));
    this.pending = [];
    this.count = 0;
  }
}
