import { InvalidInputError, TooLargeError } from '@/lib/errors';
import { readLimitedBytes } from '@/lib/read-limited';

export const MAX_INGEST_BYTES = 16 * 1024 * 1024;

/** Reads the body as UTF-8 (invalid bytes become U+FFFD), refusing more than `limit` bytes with a 413. */
export async function readLimitedText(req: Request, limit = MAX_INGEST_BYTES): Promise<string> {
  const tooLarge = () =>
    new TooLargeError(
      'payload_too_large',
      `The body is larger than ${limit / 1048576} MiB; split it into smaller requests.`,
    );
  return new TextDecoder('utf-8', { fatal: false }).decode(await readLimitedBytes(req, limit, tooLarge));
}

/** Reads a JSON body, answering 400 for a body that is empty or not JSON. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) throw new InvalidInputError('invalid_body', 'The request body is empty; send a JSON object.');
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidInputError('invalid_json', 'The request body is not valid JSON.');
  }
}
