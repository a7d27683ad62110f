import { type Rendered, rendered } from './public-cache';
import { limitPublic } from './rate-limit';

// Public answers may be framed and fetched from anywhere; they carry no script, so the policy allows none.
const CSP: Record<string, string> = {
  html: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https:; base-uri 'none'; form-action 'none'; frame-ancestors *",
  other: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *",
};

/**
 * Answers a cached entry, 304 on a matching If-None-Match. Compression is Next's (`compress`, on by
 * default): it drops a route's own Content-Encoding, so a pre-gzipped body cannot be handed over.
 */
export function answerRendered(req: Request, entry: Rendered, scope: 'public' | 'private' = 'public'): Response {
  const headers = publicHeaders(entry, scope);
  const inm = req.headers.get('if-none-match');
  if (matchesEtag(inm, entry)) return new Response(null, { status: 304, headers });
  return new Response(entry.body, { headers });
}

export function matchesEtag(ifNoneMatch: string | null | undefined, entry: Rendered): boolean {
  return !!ifNoneMatch?.split(',').some((t) => t.trim().replace(/^W\//, '') === entry.etag);
}

export function publicHeaders(entry: Rendered, scope: 'public' | 'private'): Record<string, string> {
  return {
    'content-type': entry.contentType,
    'cache-control': `${scope}, max-age=10`,
    etag: entry.etag,
    'content-security-policy': entry.contentType.startsWith('text/html') ? CSP.html : CSP.other,
    'access-control-allow-origin': '*',
    'x-content-type-options': 'nosniff',
  };
}

/** The one path of every public status answer: rate limit, then the cached render, or null when there is nothing. */
export function servePublic(
  req: Request,
  key: string,
  contentType: string,
  render: () => string | null,
  scope: 'public' | 'private' = 'public',
): Response | null {
  limitPublic(req);
  const entry = rendered(key, contentType, render);
  return entry ? answerRendered(req, entry, scope) : null;
}
