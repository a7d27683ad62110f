import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy, embedFrameAncestors, isEmbedPath } from '@/lib/auth/csp';
import { wantsElasticsearch } from '@/lib/elasticsearch/handshake';
import { statusSlugForHost } from '@/lib/status-pages/hosts';

const embed = embedFrameAncestors(process.env.LOOKOUT_EMBED_FRAME_ANCESTORS);
if (embed.invalid.length)
  console.warn(
    `[lookout] LOOKOUT_EMBED_FRAME_ANCESTORS ignored, not CSP sources: ${embed.invalid.join(' ')}; /embed may be framed by 'self' only`,
  );
const EMBED_ANCESTORS = embed.value;
const DEV = process.env.NODE_ENV === 'development';

/**
 * Gives every page a Content-Security-Policy with a fresh nonce; Next reads the nonce from the request's
 * copy of the header and puts it on its inline scripts. API answers and static files get a fixed policy
 * from next.config.ts instead.
 */
export function proxy(request: NextRequest): NextResponse {
  // A status page's own host name serves the page at `/` (docs/status-pages.md#custom-domains).
  const slug = request.nextUrl.pathname === '/' ? statusSlugForHost(request.headers.get('host')) : null;
  if (slug) return NextResponse.rewrite(new URL(`/status/${encodeURIComponent(slug)}`, request.url));
  // Elasticsearch clients probe `/` before a bulk (docs/intake.md#elasticsearch-bulk).
  if (
    request.nextUrl.pathname === '/' &&
    wantsElasticsearch(request.headers.get('accept'), request.headers.get('user-agent'))
  )
    return NextResponse.rewrite(new URL('/_elasticsearch', request.url));
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy({
    nonce,
    frameAncestors: isEmbedPath(request.nextUrl.pathname) ? EMBED_ANCESTORS : "'none'",
    dev: DEV,
  });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  return response;
}

// API routes stay outside: a proxy makes Next buffer request bodies (cut at 10 MB), and logs take 16 MiB.
// Elasticsearch's bulk paths too. Status pages and badges too: they carry no script and set their own, frameable policy.
export const config = {
  matcher: [
    '/((?!api/|v1/|loki/|metrics|prometheus/|status/|badge/|ping/|_next/static|_next/image|_bulk|_license|_elasticsearch|[^/]+/_bulk(?:/|$)).*)',
  ],
};
