import type { Term } from './parse-query';

/** Columns a `field:` term reads directly; any other name is looked up in the original JSON fields. */
const COLUMNS: Record<string, { sql: string; numeric: boolean }> = {
  level: { sql: 'level', numeric: false },
  provider: { sql: 'provider', numeric: false },
  model: { sql: 'model', numeric: false },
  status: { sql: 'status', numeric: true },
  duration_ms: { sql: 'duration_ms', numeric: true },
  input_tokens: { sql: 'input_tokens', numeric: true },
  output_tokens: { sql: 'output_tokens', numeric: true },
  request_id: { sql: 'request_id', numeric: false },
  message: { sql: 'message', numeric: false },
  source: { sql: '(SELECT name FROM log_sources s WHERE s.id = logs.source_id)', numeric: false },
};

/** Whether a `field:` term reads a column rather than the original JSON fields. */
export const isColumnField = (field: string) => Object.hasOwn(COLUMNS, field);

const LEVEL_ALIASES: Record<string, string> = { warning: 'warn', err: 'error', critical: 'fatal' };

/** A `level:` value as stored: lower case, with the common aliases mapped. */
export const normalizeLevel = (value: string) => LEVEL_ALIASES[value.toLowerCase()] ?? value.toLowerCase();

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * The terms as a condition on `log_line_rollups` (level, provider and status, '' / 0 when a line has
 * none), matching exactly the lines `termsToSql` matches; null when some term needs the lines.
 */
export function rollupTermsSql(terms: Term[]): { where: string; params: unknown[] } | null {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const t of terms) {
    if (t.kind !== 'field' || t.value === '') return null;
    let clause: string;
    if (t.field === 'status' && NUMBER.test(t.value)) {
      clause = `(status <> 0 AND status ${t.op} ?)`;
      params.push(Number(t.value));
    } else if (t.op !== '=') {
      return null;
    } else if (t.field === 'level' || t.field === 'provider') {
      clause = `${t.field} = ?`;
      params.push(t.field === 'level' ? normalizeLevel(t.value) : t.value);
    } else if (t.field === 'source') {
      clause = 'source_id IN (SELECT id FROM log_sources WHERE name = ?)';
      params.push(t.value);
    } else {
      return null;
    }
    parts.push(t.negate ? `NOT (${clause})` : clause);
  }
  return { where: parts.length ? parts.join(' AND ') : '1', params };
}

function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

const likePattern = (token: string) => `%${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** How word terms are matched on lines at or below the index mark. */
export type MatchMode =
  /** `id IN (full-text matches)`: cheap when the words are rare, the whole match set otherwise. */
  | 'set'
  /** Line by line (`lookout_words`, the full-text index only for lines it cannot judge): cheap per line. */
  | 'scan';

/** A text term's full-text expression and the tokens it is matched by: null when it has no word. */
export function ftsExpression(t: Extract<Term, { kind: 'text' }>): string | null {
  const prefix = !t.phrase && t.text.endsWith('*');
  const tokens = t.text.match(/[\p{L}\p{N}_]+/gu);
  if (!tokens) return null;
  return `${ftsPhrase(tokens.join(' '))}${prefix ? '*' : ''}`;
}

/**
 * Turns parsed terms into a WHERE fragment with positional parameters. Rows above `ftsMark` are
 * not in the full-text index yet, so words are matched there by scanning.
 */
export function termsToSql(
  terms: Term[],
  ftsMark: number,
  mode: MatchMode = 'set',
  ids?: { min: number; max: number },
): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const t of terms) {
    let clause: string;
    if (t.kind === 'text') {
      const expr = ftsExpression(t);
      const tokens = t.text.match(/[\p{L}\p{N}_]+/gu);
      if (!expr || !tokens) {
        clause = 'instr(message, ?) > 0';
        params.push(t.text);
      } else {
        const scan = tokens.map(() => "message LIKE ? ESCAPE '\\'").join(' AND ');
        const likes = tokens.map(likePattern);
        if (mode === 'set') {
          clause = `(id IN (SELECT rowid FROM logs_fts WHERE logs_fts MATCH ?) OR (id > ? AND ${scan}))`;
          params.push(expr, ftsMark, ...likes);
        } else if (ids) {
          // The same lines as 'set': by the index below the mark, by LIKE above it. Lines the text cannot
          // judge are looked up in the index's matches between the ids the caller's range spans. The
          // bounds are cast: FTS5 seeks only on integer rowid bounds, and a JS number binds as a real
          // (the whole doclist is read then, 100× slower for a common word: docs/performance.md#search).
          clause = `(CASE WHEN id > ? THEN ${scan} ELSE coalesce(lookout_words(message, ?), id IN (SELECT rowid FROM logs_fts WHERE logs_fts MATCH ? AND rowid >= CAST(? AS INTEGER) AND rowid <= CAST(? AS INTEGER))) END)`;
          params.push(ftsMark, ...likes, expr, expr, ids.min, ids.max);
        } else {
          // Without an id range, one line at a time (slow, ~0.2 ms, but only for lines the text cannot judge).
          clause = `(CASE WHEN id > ? THEN ${scan} ELSE coalesce(lookout_words(message, ?), EXISTS (SELECT 1 FROM logs_fts WHERE logs_fts MATCH ? AND rowid = logs.id)) END)`;
          params.push(ftsMark, ...likes, expr, expr);
        }
        // A quoted phrase matches verbatim, punctuation and markup included.
        if (t.phrase) {
          clause = `(${clause} AND instr(message, ?) > 0)`;
          params.push(t.text);
        }
      }
    } else {
      const col = COLUMNS[t.field];
      const sql = col ? col.sql : 'json_extract(fields, ?)';
      if (!col) params.push(`$."${t.field.replace(/"/g, '')}"`);
      const numeric = col ? col.numeric : NUMBER.test(t.value);
      const value = t.field === 'level' ? normalizeLevel(t.value) : t.value;
      clause = `${sql} ${t.op} ?`;
      params.push(numeric && NUMBER.test(value) ? Number(value) : value);
    }
    parts.push(t.negate ? `NOT coalesce(${clause}, 0)` : clause);
  }
  return { where: parts.length ? parts.join(' AND ') : '1', params };
}
