import Database from 'better-sqlite3';

let probe: { learn: (text: string) => string[] } | null = null;

/**
 * The tokens SQLite's FTS5 `unicode61` tokenizer (the full-text index's, default options) makes of
 * `text`, in order: asked of an in-memory index, so the folding is exactly the linked SQLite's.
 */
export function unicode61Tokens(text: string): string[] {
  if (probe === null) {
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE probe USING fts5(text);
      CREATE VIRTUAL TABLE probe_terms USING fts5vocab(probe, 'instance');`);
    const insert = db.prepare('INSERT INTO probe (rowid, text) VALUES (1, ?)');
    const terms = db.prepare('SELECT term FROM probe_terms ORDER BY "offset"').pluck();
    const clear = db.prepare('DELETE FROM probe');
    probe = {
      learn: db.transaction((t: string) => {
        insert.run(t);
        const out = terms.all() as string[];
        clear.run();
        return out;
      }),
    };
  }
  return probe.learn(text);
}
