import { searchableKeyValue } from '@/lib/llm/redact-keys';

export type Comparator = '=' | '>' | '>=' | '<' | '<=';

export type Term =
  | { kind: 'text'; text: string; phrase: boolean; negate: boolean }
  | { kind: 'field'; field: string; op: Comparator; value: string; negate: boolean };

export type ParsedQuery = { ok: true; terms: Term[] } | { ok: false; error: string };

const TOKEN =
  /\s*(-|NOT\s+)?(?:([A-Za-z_@][\w.@-]*):(>=|<=|>|<)?("(?:[^"\\]|\\.)*"|[^\s"]+)|("(?:[^"\\]|\\.)*")|([^\s"]+))/y;

const unquote = (s: string) => (s.startsWith('"') ? s.slice(1, -1).replace(/\\(.)/g, '$1') : s);

/**
 * Parses the log query language: free words, "quoted phrases", `field:value`, comparisons
 * (`status:>=500`, `duration_ms:>2000`) and negation (`-field:value`, `NOT word`).
 */
export function parseQuery(q: string): ParsedQuery {
  const terms: Term[] = [];
  const s = q.trim();
  if (s.length > 2_000) return { ok: false, error: 'q: the query is longer than 2,000 characters' };
  let pos = 0;
  while (pos < s.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(s);
    if (!m || m[0].length === 0) {
      const rest = s.slice(pos).trim();
      if (rest.startsWith('"')) return { ok: false, error: `q: a quote is not closed: ${rest.slice(0, 40)}` };
      return { ok: false, error: `q: cannot read the query at "${rest.slice(0, 40)}"` };
    }
    pos = TOKEN.lastIndex;
    const negate = m[1] !== undefined;
    if (m[2] !== undefined) {
      const op = (m[3] as Comparator | undefined) ?? '=';
      const value = unquote(m[4]);
      if (op !== '=' && !/^-?\d+(\.\d+)?$/.test(value)) {
        return {
          ok: false,
          error: `q: ${m[2]}:${op}${value.slice(0, 40)} compares numbers, and "${value.slice(0, 40)}" is not one`,
        };
      }
      const stored = op === '=' ? searchableKeyValue(m[2], value) : value; // keys are stored hashed
      terms.push({ kind: 'field', field: m[2], op, value: stored, negate });
    } else if (m[5] !== undefined) {
      const text = unquote(m[5]);
      if (text) terms.push({ kind: 'text', text, phrase: true, negate });
    } else if (m[6] === 'AND' || m[6] === 'and') {
    } else {
      terms.push({ kind: 'text', text: m[6], phrase: false, negate });
    }
  }
  return { ok: true, terms };
}
