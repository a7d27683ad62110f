import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SessionControl } from '@/components/ui/session-control';
import { SiteNav } from '@/components/ui/site-nav';
import { ThemeScript } from '@/components/ui/theme-script';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import './globals.css';

const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="6" fill="#16a34a"/></svg>';

export const metadata: Metadata = {
  title: { default: 'Lookout', template: '%s · Lookout' },
  description: 'Self-hosted monitoring: health probes, uptime and latency',
  // Inline, so browsers never ask for a /favicon.ico that does not exist.
  icons: { icon: `data:image/svg+xml,${encodeURIComponent(ICON)}` },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f6f7f9' },
    { media: '(prefers-color-scheme: dark)', color: '#0e1116' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets data-theme before hydration, so the attribute legitimately differs from the server's.
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2">
          Skip to content
        </a>
        <header className="sticky top-0 z-40 border-b border-line bg-surface/95 backdrop-blur">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2">
            <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold text-fg">
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full bg-up" />
              Lookout
            </Link>
            <div className="order-last w-full sm:order-none sm:w-auto">
              <SiteNav />
            </div>
            <div className="ml-auto flex shrink-0 items-center gap-1">
              <SessionControl />
              <ThemeToggle />
            </div>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
