import type { Db } from './connection';

const ROWS = 64;

/**
 * Collects rows and inserts them 64 at a time with one multi-row statement: a better-sqlite3 call
 * per row costs more than SQLite's own work for small rows. Call `flush` before the transaction ends.
 * `tail` follows the rows (an upsert's ON CONFLICT clause); rows of one statement must not conflict with each other.
 */
export class BulkInsert {
  private readonly many;
  private readonly one;
  private readonly pending: unknown[];
  private count = 0;

  constructor(
    db: Db,
    head: string,
    private readonly columns: number,
    tail = '',
  ) {
    const row = `(${Array(columns).fill('?').join(', ')})`;
    this.many = db.prepare(`${head} VALUES ${Array(ROWS).fill(row).join(', ')} ${tail}`);
    this.one = db.prepare(`${head} VALUES ${row} ${tail}`);
    this.pending = new Array<unknown>(ROWS * columns);
  }

  push(...values: unknown[]): void {
    // Values go as arguments, not as one array: better-sqlite3 reads arguments faster than array elements.
    const at = this.count * this.columns;
    for (let i = 0; i < this.columns; i++) this.pending[at + i] = values[i];
    if (++this.count === ROWS) {
      try {
        this.many.run(...this.pending);
      } finally {
        this.count = 0;
      }
    }
  }

  flush(): void {
    try {
      for (let i = 0; i < this.count * this.columns; i += this.columns)
        this.one.run(...this.pending.slice(i, i + this.columns));
    } finally {
      this.count = 0;
    }
  }

  /** Forgets rows a failed transaction left behind (a full disk, say), so they never ride along with the next one. */
  reset(): void {
    this.count = 0;
  }
}
