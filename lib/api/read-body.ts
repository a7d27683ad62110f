import { ApiError } from './errors';

export const MAX_INGEST_BYTES = 16 * 1024 * 1024;

/** Reads the body as UTF-8 (invalid bytes become U+FFFD), refusing more than `limit` bytes with a 413. */
export async function readLimitedText(req: Request, limit = MAX_INGEST_BYTES): Promise<string> {
  const tooLarge = () =>
    new ApiError(413, 'payload_too_large', `The body is larger than ${limit / 1048576} MiB; split it into smaller requests.`);
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}
