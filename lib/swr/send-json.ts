import { mutate } from 'swr';
import { ApiFailure, isAuthFailure, toFailure } from './fetcher';

export const ADMIN_REASON = 'admin';

/** Sends the browser to /login, coming back here afterwards; `reason` picks the message shown there. */
export function redirectToLogin(reason: string = ADMIN_REASON): void {
  const next = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/login?${new URLSearchParams({ next, reason })}`);
}

/**
 * A same-origin change with the session cookie. The JSON content type is the API's CSRF guard,
 * so it is sent even without a body. Rights failures go to /login; other failures throw ApiFailure.
 */
export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<T | null> {
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    const failure = await toFailure(res);
    if (isAuthFailure(failure) && !url.startsWith('/api/v1/session')) redirectToLogin();
    throw failure;
  }
  return res.status === 204 ? null : ((await res.json()) as T);
}

/** Refreshes every cached target read after a change. */
export function revalidateTargets(): Promise<unknown> {
  return mutate((key) => typeof key === 'string' && key.startsWith('/api/v1/targets'));
}

export { ApiFailure };
