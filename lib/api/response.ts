import { ZodError } from 'zod';
import { storageFault, storageFullMessage } from '@/lib/db/storage-fault';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  InvalidInputError,
  type Issue,
  NotFoundError,
  RateLimitedError,
  TooLargeError,
  UnauthenticatedError,
  UnavailableError,
} from '@/lib/errors';

/** The one way a route answers: the bare resource as JSON. */
export function json(body: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  issues?: Issue[],
  headers?: HeadersInit,
): Response {
  return json({ error: { code, message, ...(issues ? { issues } : {}) } }, status, headers);
}

/** Every problem of a failed zod parse, with dotted paths; `prefix` roots them (the parameter name). */
export function zodIssues(err: ZodError, prefix: string[] = []): Issue[] {
  return err.issues.map((i) => ({ path: [...prefix, ...i.path.map(String)].join('.'), message: i.message }));
}

/** The readable line a 400 carries: the first five problems as `path: message`, and how many more there are. */
export function summarize(issues: Issue[]): string {
  const shown = issues.slice(0, 5).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  if (issues.length > 5) shown.push(`and ${issues.length - 5} more`);
  return shown.join('; ');
}

const STATUS = new Map<abstract new (...args: never[]) => DomainError, number>([
  [InvalidInputError, 400],
  [UnauthenticatedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [TooLargeError, 413],
  [RateLimitedError, 429],
  [UnavailableError, 503],
]);

/** The one mapping from what domain code throws to the HTTP answer; unknown errors become a logged 500. */
export function toErrorResponse(err: unknown): Response {
  if (err instanceof ZodError) {
    const issues = zodIssues(err);
    return errorResponse(400, 'invalid_request', summarize(issues), issues);
  }
  if (err instanceof DomainError) {
    for (const [kind, status] of STATUS) {
      if (!(err instanceof kind)) continue;
      if (err instanceof InvalidInputError) return errorResponse(status, err.code, err.message, err.issues);
      if (err instanceof ConflictError && err.issues.length)
        return errorResponse(status, err.code, err.message, err.issues);
      if (err instanceof RateLimitedError)
        return errorResponse(status, err.code, err.message, undefined, { 'retry-after': String(err.retryAfterS) });
      return errorResponse(status, err.code, err.message);
    }
  }
  // A write refused for lack of space, from any route (docs/operations.md#full-disk).
  const full = storageFault(err);
  if (full) return errorResponse(507, 'storage_full', storageFullMessage(full), undefined, { 'retry-after': '30' });
  console.error('[lookout] unexpected error', err);
  return errorResponse(500, 'internal_error', 'Lookout hit an unexpected error; details are in its log.');
}
