import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { MainFrame } from '@/components/ui/main-frame';
import { SiteHeader } from '@/components/ui/site-header';
import { ThemeScript } from '@/components/ui/theme-script';
import './globals.css';

const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="6" fill="#16a34a"/></svg>';

export const metadata: Metadata = {
  title: { default: 'Lookout', template: '%s · Lookout' },
  description: 'Self-hosted monitoring: health probes, request logs, uptime and latency',
  // Inline for the page; public/favicon.ico answers browsers that ask before the streamed metadata names this one.
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
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <SiteHeader />
        <MainFrame>{children}</MainFrame>
      </body>
    </html>
  );
}
