import { ZodError } from 'zod';
import { ApiError } from './errors';

/** The one way a route answers: the bare resource as JSON. */
export function json(body: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export function errorResponse(status: number, code: string, message: string): Response {
  return json({ error: { code, message } }, status);
}

function describeZod(err: ZodError): string {
  return err.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** Maps anything thrown inside a handler to the error envelope; unknown errors become a logged 500. */
export function toErrorResponse(err: unknown): Response {
  if (err instanceof ApiError) return errorResponse(err.status, err.code, err.message);
  if (err instanceof ZodError) return errorResponse(400, 'invalid_request', describeZod(err));
  console.error('[lookout] unexpected error', err);
  return errorResponse(500, 'internal_error', 'Lookout hit an unexpected error; details are in its log.');
}

/** Wraps a route handler so every error leaves through the envelope. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (err) {
      return toErrorResponse(err);
    }
  };
}
