import type { Issue } from '@/lib/errors';

/** An API error answer, kept whole so callers can show its message, mark the fields its issues name and react to its status. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

interface ErrorEnvelope {
  error?: { code?: string; message?: string; issues?: Issue[] };
}

/** The Prometheus query API's envelope: `error` is the message itself, `errorType` its code. */
interface PromErrorEnvelope {
  errorType?: string;
  error?: string;
}

export async function toFailure(res: Response): Promise<ApiFailure> {
  let body: ErrorEnvelope = {};
  try {
    body = (await res.json()) as ErrorEnvelope;
  } catch {
    // Not JSON (a proxy's error page, say): the status text is all we have.
  }
  const prom = body as PromErrorEnvelope;
  if (typeof prom.error === 'string') return new ApiFailure(res.status, prom.errorType ?? 'http_error', prom.error);
  const issues = Array.isArray(body.error?.issues) ? body.error.issues : [];
  return new ApiFailure(
    res.status,
    body.error?.code ?? 'http_error',
    body.error?.message ?? `${res.status} ${res.statusText}`,
    issues,
  );
}

// A screen that cannot log in (/wall, /embed with ?token=) reads with the page's token instead of a session.
let bearer: string | null = null;

/** Makes every later API read send `Authorization: Bearer <token>`; null goes back to the session cookie. */
export function setApiToken(token: string | null): void {
  bearer = token;
}

/** The shared SWR fetcher: same-origin GET with the session cookie (or the page's token); error answers throw ApiFailure. */
export async function fetchJson<T>(url: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const res = await fetch(url, { headers, credentials: 'same-origin' });
  if (!res.ok) throw await toFailure(res);
  return (await res.json()) as T;
}

export const isAuthFailure = (err: unknown): boolean =>
  err instanceof ApiFailure && (err.status === 401 || err.status === 403);
