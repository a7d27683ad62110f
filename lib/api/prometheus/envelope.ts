/** Prometheus's error types and the HTTP status each answers with (web/api/v1 respondError). */
export type PromErrorType = 'bad_data' | 'execution' | 'timeout' | 'canceled' | 'internal' | 'not_found';

const STATUS: Record<PromErrorType, number> = {
  bad_data: 400,
  execution: 422,
  timeout: 503,
  canceled: 499,
  internal: 500,
  not_found: 404,
};

/** An error the query API answers in Prometheus's envelope. */
export class PromApiError extends Error {
  constructor(
    readonly type: PromErrorType,
    message: string,
  ) {
    super(message);
  }
}

/** `invalid parameter "name": …`, as Prometheus's invalidParamError words a bad parameter. */
export function invalidParam(name: string, err: unknown): PromApiError {
  return new PromApiError(
    'bad_data',
    `invalid parameter "${name}": ${err instanceof Error ? err.message : String(err)}`,
  );
}

const HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-store' };

export function promSuccess(data: unknown, warnings: string[] = []): Response {
  const body = warnings.length ? { status: 'success', data, warnings } : { status: 'success', data };
  return new Response(JSON.stringify(body), { status: 200, headers: HEADERS });
}

export function promFailure(err: unknown): Response {
  const e =
    err instanceof PromApiError ? err : new PromApiError('internal', err instanceof Error ? err.message : String(err));
  if (e.type === 'internal') console.error('[lookout] prometheus api', err);
  return new Response(JSON.stringify({ status: 'error', errorType: e.type, error: e.message }), {
    status: STATUS[e.type],
    headers: HEADERS,
  });
}
