import { isUtf8 } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import snappy from 'snappyjs';
import { Unread } from '@/lib/otlp/proto-reader';
import { MAX_OTLP_BYTES } from '@/lib/otlp/read-request';
import { readLimitedBytes } from '@/lib/read-limited';
import { PushRequest } from './push-proto';
import { readPushRequest } from './push-proto-reader';
import { LokiError } from './push-to-lines';

/** Loki push bodies share OTLP's limit: 16 MiB before and after decompressing. */
export const MAX_LOKI_BYTES = MAX_OTLP_BYTES;

const tooLarge = () =>
  new LokiError(413, `the push is larger than ${MAX_LOKI_BYTES / 1048576} MiB; send smaller batches`);

/** Reads a Loki push: JSON (optionally gzip) or snappy-compressed protobuf, as Loki's own push endpoint takes them. */
export async function readLokiPush(req: Request): Promise<{ json: unknown } | { proto: Record<string, unknown> }> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const encoding = (req.headers.get('content-encoding') ?? '').trim().toLowerCase();
  let body = await readLimitedBytes(req, MAX_LOKI_BYTES, tooLarge);
  if (type === 'application/x-protobuf') {
    try {
      body = Buffer.from(snappy.uncompress(body, MAX_LOKI_BYTES));
    } catch (err) {
      if (/too big/.test((err as Error).message)) throw tooLarge();
      throw new LokiError(400, 'the protobuf push is not valid snappy (block format)');
    }
    try {
      return { proto: readPushRequest(body) };
    } catch (err) {
      if (!(err instanceof Unread)) throw err;
    }
    try {
      const message = PushRequest.decode(body);
      return { proto: PushRequest.toObject(message, { longs: String, arrays: true }) };
    } catch (err) {
      throw new LokiError(400, `the body is not a valid Loki PushRequest: ${(err as Error).message}`);
    }
  }
  if (type !== 'application/json' && type !== '')
    throw new LokiError(
      415,
      `Content-Type ${type} is not a Loki push; send application/json or snappy application/x-protobuf`,
    );
  if (encoding === 'gzip') {
    try {
      body = gunzipSync(body, { maxOutputLength: MAX_LOKI_BYTES });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
      throw new LokiError(400, 'the body is not valid gzip');
    }
  } else if (encoding && encoding !== 'identity')
    throw new LokiError(415, `Content-Encoding ${encoding} is not supported`);
  if (!isUtf8(body)) throw new LokiError(400, 'the JSON body is not valid UTF-8');
  try {
    return { json: JSON.parse(body.toString('utf8')) };
  } catch {
    throw new LokiError(400, 'the body is not valid JSON');
  }
}
