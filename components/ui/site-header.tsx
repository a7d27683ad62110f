'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isChromeless } from './chromeless';
import { SessionControl } from './session-control';
import { SiteNav } from './site-nav';
import { ThemeToggle } from './theme-toggle';

export function SiteHeader() {
  if (isChromeless(usePathname())) return null;
  return (
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
  );
}
