import { isRecord } from './field-path';
import type { CommonFields } from './types';
import { ambiguousDurationToMs, asCount, asNumber, type DurationUnit, durationToMs } from './units';

type Target = keyof CommonFields;
type Kind = DurationUnit | 'ambiguous' | 'status' | 'count' | 'text' | 'id' | 'method';
interface Slot {
  target: Target;
  kind: Kind;
  rank: number;
  index: number;
}

// Within a target, earlier names win over later ones when several are present.
const NAMES: Array<[Target, Kind, string[]]> = [
  [
    'status',
    'status',
    [
      'status',
      'status_code',
      'statusCode',
      'http.response.status_code',
      'res.statusCode',
      'response.status',
      'httpRequest.status',
      'http_status',
      'response_status',
    ],
  ],
  [
    'durationMs',
    'ms',
    [
      'duration_ms',
      'latency_ms',
      'response_time',
      'responseTime',
      'elapsed_ms',
      'took_ms',
      'durationMs',
      'latencyMs',
      'elapsedMs',
      'response_time_ms',
    ],
  ],
  ['durationMs', 's', ['request_time', 'duration_s', 'duration_sec', 'duration_seconds', 'elapsed_s', 'latency_s']],
  ['durationMs', 'us', ['duration_us', 'latency_us']],
  ['durationMs', 'ns', ['event.duration', 'http.request.duration', 'duration_ns', 'latency_ns']],
  ['durationMs', 'ambiguous', ['duration', 'latency', 'elapsed', 'took', 'httpRequest.latency']],
  ['provider', 'text', ['provider', 'gen_ai.system', 'gen_ai.provider.name', 'llm.provider']],
  ['model', 'text', ['model', 'gen_ai.request.model', 'gen_ai.response.model', 'llm.model', 'model_name']],
  ['requestId', 'id', ['request_id', 'requestId', 'req_id', 'reqId', 'req.id', 'http.request.id', 'x_request_id']],
  [
    'inputTokens',
    'count',
    [
      'input_tokens',
      'prompt_tokens',
      'usage.input_tokens',
      'usage.prompt_tokens',
      'gen_ai.usage.input_tokens',
      'inputTokens',
      'promptTokens',
    ],
  ],
  [
    'outputTokens',
    'count',
    [
      'output_tokens',
      'completion_tokens',
      'usage.output_tokens',
      'usage.completion_tokens',
      'gen_ai.usage.output_tokens',
      'outputTokens',
      'completionTokens',
    ],
  ],
  [
    'method',
    'method',
    ['method', 'request_method', 'http.request.method', 'req.method', 'httpRequest.requestMethod', 'http_method'],
  ],
  [
    'path',
    'text',
    ['path', 'request_uri', 'uri', 'url.path', 'req.url', 'httpRequest.requestUrl', 'http.target', 'url'],
  ],
];

const TARGETS: readonly Target[] = [
  'status',
  'durationMs',
  'provider',
  'model',
  'requestId',
  'inputTokens',
  'outputTokens',
  'method',
  'path',
];

/** Names as a trie, so nested objects (`{"http":{"response":…}}`) are walked without building dotted strings. */
interface Node {
  slots: Map<string, Slot>;
  children: Map<string, Node>;
}
const ROOT: Node = { slots: new Map(), children: new Map() };
let rank = 0;
for (const [target, kind, names] of NAMES) {
  for (const name of names) {
    const slot: Slot = { target, kind, rank: rank++, index: TARGETS.indexOf(target) };
    ROOT.slots.set(name, slot);
    const parts = name.split('.');
    let node = ROOT;
    for (let i = 0; i < parts.length - 1; i++) {
      let child = node.children.get(parts[i]);
      if (!child) node.children.set(parts[i], (child = { slots: new Map(), children: new Map() }));
      node = child;
    }
    if (node !== ROOT) node.slots.set(parts[parts.length - 1], slot);
  }
}

const MISSING_IDS = new Set(['', '-', 'unknown', 'null', 'undefined']);
const METHOD = /^[A-Za-z]{3,12}$/;

export function convert(kind: Kind, value: unknown): string | number | null {
  switch (kind) {
    case 'status': {
      const n = asNumber(value);
      return n !== null && Number.isInteger(n) && n >= 100 && n <= 599 ? n : null;
    }
    case 'count':
      return asCount(value);
    case 'ambiguous':
      return ambiguousDurationToMs(value);
    case 'text':
      return typeof value === 'string' && value.length > 0 && value.length <= 2048 ? value : null;
    case 'method':
      return typeof value === 'string' && METHOD.test(value) ? value.toUpperCase() : null;
    case 'id': {
      const s = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
      return typeof s === 'string' && s.length <= 256 && !MISSING_IDS.has(s) ? s : null;
    }
    default:
      return durationToMs(value, kind);
  }
}

/** Typed write of a converted value: numeric targets take numbers, the others strings. */
export function setCommon(out: CommonFields, target: Target, v: string | number): void {
  switch (target) {
    case 'status':
    case 'durationMs':
    case 'inputTokens':
    case 'outputTokens':
      if (typeof v === 'number') out[target] = v;
      return;
    default:
      if (typeof v === 'string') out[target] = v;
  }
}

function visit(obj: Record<string, unknown>, node: Node, out: CommonFields, ranks: number[], depth: number): void {
  for (const key in obj) {
    const value = obj[key];
    if (value === null || value === undefined) continue;
    const slot = node.slots.get(key);
    if (slot) {
      if (slot.rank < ranks[slot.index]) {
        const v = convert(slot.kind, value);
        if (v !== null) {
          setCommon(out, slot.target, v);
          ranks[slot.index] = slot.rank;
        }
      }
    } else if (depth < 3 && isRecord(value)) {
      const child = node.children.get(key);
      if (child) visit(value, child, out, ranks, depth + 1);
    }
  }
}

/** Status, duration (ms), provider, model, ids, tokens, method and path from their usual names and units. */
export function extractCommonFields(fields: Record<string, unknown>, out: CommonFields): CommonFields {
  visit(
    fields,
    ROOT,
    out,
    [Infinity, Infinity, Infinity, Infinity, Infinity, Infinity, Infinity, Infinity, Infinity],
    0,
  );
  if (out.method === null && out.path === null && typeof fields.request === 'string') {
    // nginx `$request` is "GET /path HTTP/1.1": the only place an access log may carry both.
    const [method, path] = fields.request.split(' ', 2);
    if (method && METHOD.test(method)) out.method = method.toUpperCase();
    if (path && path.charCodeAt(0) === 47) out.path = path;
  }
  return out;
}
