import { gunzipSync, inflateSync } from 'node:zlib';
import { MAX_OTLP_BYTES } from '@/lib/otlp/read-request';
import { readLimitedBytes } from '@/lib/read-limited';
import { EsError } from './es-error';

/** Bulk bodies share the other intake paths' limit: 16 MiB before and after inflating (docs/intake.md#limits). */
export const MAX_BULK_BYTES = MAX_OTLP_BYTES;

const TYPES = new Set([
  '',
  'application/json',
  'application/x-ndjson',
  'application/vnd.elasticsearch+json',
  'application/vnd.elasticsearch+x-ndjson',
]);

const tooLarge = () =>
  new EsError(
    413,
    'content_too_long_exception',
    `the bulk body is larger than ${MAX_BULK_BYTES / 1048576} MiB; send smaller batches (bulk_max_size)`,
  );

/** The bulk body as bytes: NDJSON as Elasticsearch takes it, optionally gzip or deflate (Filebeat compresses). */
export async function readBulk(req: Request): Promise<Buffer> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (!TYPES.has(type))
    throw new EsError(406, 'media_type_header_exception', `Content-Type header [${type}] is not supported`);
  const encoding = (req.headers.get('content-encoding') ?? '').trim().toLowerCase();
  const body = await readLimitedBytes(req, MAX_BULK_BYTES, tooLarge);
  if (!encoding || encoding === 'identity') return body;
  const inflate = encoding === 'gzip' ? gunzipSync : encoding === 'deflate' ? inflateSync : null;
  if (!inflate) throw new EsError(415, 'illegal_argument_exception', `Content-Encoding [${encoding}] is not supported`);
  try {
    return inflate(body, { maxOutputLength: MAX_BULK_BYTES });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw new EsError(400, 'illegal_argument_exception', `the body is not valid ${encoding}`);
  }
}
