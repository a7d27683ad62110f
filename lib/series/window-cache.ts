import type { Db } from '@/lib/db/connection';

const MAX_WINDOWS = 256;
const PREFETCH_MS = 3_600_000;

interface Entry<W> {
  job: string | undefined;
  lo: number;
  hi: number;
  window: W;
}

const versionStatements = new WeakMap<Db, () => string>();

/**
 * Changes when anything was written: `total_changes()` counts this connection's writes,
 * `data_version` moves when another connection commits.
 */
function dataVersion(db: Db): string {
  let read = versionStatements.get(db);
  if (!read) {
    const changes = db.prepare('SELECT total_changes()').pluck();
    const others = db.prepare('PRAGMA data_version').pluck();
    read = () => `${changes.get() as number}:${others.get() as number}`;
    versionStatements.set(db, read);
  }
  return read();
}

/**
 * Windows of rows read once and sliced by every later query inside them, until the database changes.
 * One evaluation round of many rules over the same series therefore reads SQLite once per source.
 */
export class WindowCache<W> {
  private entries: Entry<W>[] = [];
  private version = '';

  constructor(
    private readonly db: Db,
    private readonly read: (lo: number, hi: number, job: string | undefined) => W,
  ) {}

  /** A window covering [lo, hi] for `job` (or all jobs); a miss reads at least the hour before `hi`. */
  get(lo: number, hi: number, job: string | undefined): W {
    const version = dataVersion(this.db);
    if (version !== this.version) {
      this.entries = [];
      this.version = version;
    }
    const hit = this.entries.find((e) => e.lo <= lo && e.hi >= hi && (e.job === undefined || e.job === job));
    if (hit) return hit.window;
    const from = Math.min(lo, hi - PREFETCH_MS);
    const entry = { job, lo: from, hi, window: this.read(from, hi, job) };
    this.entries.push(entry);
    if (this.entries.length > MAX_WINDOWS) this.entries.shift();
    return entry.window;
  }
}
