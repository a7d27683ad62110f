import { hashKey } from './attribution';

/**
 * Raw API keys never reach the store (docs/llm-cost.md#attribution): before a line is parsed, the value of a key
 * field (`authorization`, `x-api-key`, `api_key`, … in JSON, logfmt or `Header: value` text), a bearer token,
 * and anything shaped like a provider's key (`sk-…`, `sk-ant-…`, `gsk_…`, `xai-…`, `AIza…`) become
 * `key-<12 hex of SHA-256>` — the same label attribution gives the client, so a search for it finds the lines.
 */

/** Cheap pre-check: most lines hold none of these, and skip the rewriting. */
const MAYBE = /api[-_]?key|authori[sz]ation|bearer|sk-|gsk_|xai-|AIza/i;

const FIELD = String.raw`(?:[\w.-]*[-_.])?(?:api[-_]?key|authori[sz]ation)`;
const JSON_PAIR = new RegExp(String.raw`("${FIELD}"\s*:\s*")((?:[^"\\]|\\.)*)(")`, 'gi');
const TEXT_PAIR = new RegExp(
  String.raw`(\b${FIELD}(?:\s*[=:]\s*))("[^"]*"|(?:(?:bearer|basic)\s+)?[^\s,;&"'}\]]+)`,
  'gi',
);
const BEARER = /\b(bearer\s+)([A-Za-z0-9._~+/=-]{8,})/gi;
const SHAPED =
  /\b(?:sk-(?:ant-|proj-)?[A-Za-z0-9_-]{16,}|gsk_[A-Za-z0-9]{20,}|xai-[A-Za-z0-9]{20,}|AIza[0-9A-Za-z_-]{30,})/g;
const HASHED = /^key-[0-9a-f]{12}$/;
const KEY_FIELD = new RegExp(`^${FIELD}$`, 'i');

/** A search term `x-api-key:<raw key>` finds the lines its hash is stored in; a hash is looked up as it is. */
export function searchableKeyValue(field: string, value: string): string {
  return KEY_FIELD.test(field.split('.').pop() ?? field) ? hashed(value) : value;
}

function hashed(value: string): string {
  const v = value.trim();
  if (!v || HASHED.test(v) || /^(?:bearer|basic)$/i.test(v)) return value;
  return hashKey(v);
}

export function redactKeys(line: string): string {
  if (!MAYBE.test(line)) return line;
  return line
    .replace(JSON_PAIR, (_, head: string, value: string, tail: string) => head + hashed(value) + tail)
    .replace(TEXT_PAIR, (_, head: string, value: string) =>
      value.startsWith('"') ? `${head}"${hashed(value.slice(1, -1))}"` : head + hashed(value),
    )
    .replace(BEARER, (_, head: string, token: string) => head + hashed(token))
    .replace(SHAPED, (key) => hashed(key));
}
