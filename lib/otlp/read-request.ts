import { isUtf8 } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import type protobuf from 'protobufjs';
import { readLimitedBytes } from '@/lib/read-limited';
import { OtlpError } from './otlp-error';
import { decodeProtobuf } from './proto';

/** Largest OTLP body Lookout takes, compressed or not (the Collector's own default batch is far smaller). */
export const MAX_OTLP_BYTES = 16 * 1024 * 1024;

export type OtlpEncoding = 'protobuf' | 'json';

/** The encoding a Content-Type names; anything else is a 415, as the OTLP/HTTP spec asks. */
export function encodingOf(contentType: string | null): OtlpEncoding {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/x-protobuf' || type === 'application/protobuf') return 'protobuf';
  if (type === 'application/json') return 'json';
  throw new OtlpError(
    415,
    `Content-Type ${type || '(none)'} is not OTLP; send application/x-protobuf or application/json.`,
  );
}

const tooLarge = () =>
  new OtlpError(413, `The body is larger than ${MAX_OTLP_BYTES / 1048576} MiB; send smaller batches.`);

function inflate(body: Buffer, contentEncoding: string | null): Buffer {
  const enc = (contentEncoding ?? '').trim().toLowerCase();
  if (enc === '' || enc === 'identity') return body;
  if (enc !== 'gzip') throw new OtlpError(415, `Content-Encoding ${enc} is not supported; use gzip or none.`);
  try {
    return gunzipSync(body, { maxOutputLength: MAX_OTLP_BYTES });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw new OtlpError(400, 'The body is not valid gzip.');
  }
}

/** Reads, inflates and decodes an OTLP/HTTP request body into the message's plain-object form. */
export async function readOtlpRequest(
  req: Request,
  type: protobuf.Type,
): Promise<{ encoding: OtlpEncoding; message: Record<string, unknown> }> {
  const encoding = encodingOf(req.headers.get('content-type'));
  const body = inflate(await readLimitedBytes(req, MAX_OTLP_BYTES, tooLarge), req.headers.get('content-encoding'));
  if (encoding === 'protobuf') {
    try {
      return { encoding, message: decodeProtobuf(type, body) };
    } catch (err) {
      throw new OtlpError(400, `The body is not a valid ${type.name} in protobuf: ${(err as Error).message}.`);
    }
  }
  if (!isUtf8(body)) throw new OtlpError(400, 'The JSON body is not valid UTF-8.');
  let message: unknown;
  try {
    message = JSON.parse(body.toString('utf8'));
  } catch {
    throw new OtlpError(400, `The body is not valid JSON.`);
  }
  if (message === null || typeof message !== 'object' || Array.isArray(message))
    throw new OtlpError(400, `The body is not a ${type.name} JSON object.`);
  return { encoding, message: message as Record<string, unknown> };
}
