import crypto from 'node:crypto';
import { THEME_SCRIPT } from '@/lib/theme-script';

// The theme script runs before hydration without Next's nonce; it is allowed by the hash of the text the layout renders.
const THEME_HASH = `'sha256-${crypto.createHash('sha256').update(THEME_SCRIPT).digest('base64')}'`;
const SOURCE =
  /^(?:'self'|'none'|\*|(?:https?:\/\/)?(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::(?:\d{1,5}|\*))?|https?:)$/i;

/**
 * LOOKOUT_EMBED_FRAME_ANCESTORS as CSP sources (space or comma separated): `'self'`, `*`, origins such
 * as `https://grafana.example.com`. One invalid source voids the whole value (back to `'self'`, with
 * `invalid` set), so a typo can neither inject directives nor half-apply.
 */
export function embedFrameAncestors(raw: string | undefined): { value: string; invalid: string[] } {
  const sources = (raw ?? '').split(/[\s,]+/).filter(Boolean);
  const invalid = sources.filter((s) => !SOURCE.test(s));
  return { value: sources.length && !invalid.length ? sources.join(' ') : "'self'", invalid };
}

export function isEmbedPath(pathname: string): boolean {
  return pathname === '/embed' || pathname.startsWith('/embed/');
}

/**
 * The Content-Security-Policy of one response. Scripts: Next's own carry the per-request nonce
 * ('strict-dynamic' lets them load their chunks); styles allow inline because charts set style attributes.
 */
export function contentSecurityPolicy(opts: { nonce: string; frameAncestors: string; dev?: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${opts.nonce}' ${THEME_HASH} 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${opts.frameAncestors}`,
  ].join('; ');
}
