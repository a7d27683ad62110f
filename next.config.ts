import type { NextConfig } from 'next';

const common = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
];

const STATIC_CSP = "default-src 'none'; frame-ancestors 'none'";

const nextConfig: NextConfig = {
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  async headers() {
    return [
      { source: '/:path*', headers: common },
      // Every page but /embed refuses to be framed (X-Frame-Options for old browsers; CSP frame-ancestors
      // for the rest, /embed's from LOOKOUT_EMBED_FRAME_ANCESTORS in proxy.ts).
      // Status pages and badges are made to be framed and set their own policy (lib/status-pages/serve-public.ts).
      { source: '/:path((?!embed(?:/|$)|status/|badge/).*)', headers: [{ key: 'X-Frame-Options', value: 'DENY' }] },
      // Pages get a nonce-based policy from proxy.ts; JSON, /metrics and static files, which it skips, get this one.
      ...['/api/:path*', '/metrics', '/prometheus/:path*', '/_next/static/:path*', '/_next/image'].map((source) => ({
        source,
        headers: [{ key: 'Content-Security-Policy', value: STATIC_CSP }],
      })),
    ];
  },
};

export default nextConfig;
