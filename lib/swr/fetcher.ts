/** An API error answer, kept whole so callers can show its message and react to its status. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

interface ErrorEnvelope {
  error?: { code?: string; message?: string };
}

export async function toFailure(res: Response): Promise<ApiFailure> {
  let body: ErrorEnvelope = {};
  try {
    body = (await res.json()) as ErrorEnvelope;
  } catch {
    // Not JSON (a proxy's error page, say): the status text is all we have.
  }
  return new ApiFailure(res.status, body.error?.code ?? 'http_error', body.error?.message ?? `${res.status} ${res.statusText}`);
}

/** The shared SWR fetcher: same-origin GET with the session cookie; error answers throw ApiFailure. */
export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!res.ok) throw await toFailure(res);
  return (await res.json()) as T;
}

export const isAuthFailure = (err: unknown): boolean =>
  err instanceof ApiFailure && (err.status === 401 || err.status === 403);
