'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

// Later views (system) add a line here; /wall and /embed have no navigation.
export const NAV_ITEMS = [
  { href: '/', label: 'Overview', match: ['/', '/targets'] },
  { href: '/logs', label: 'Logs', match: ['/logs'] },
  { href: '/providers', label: 'Providers', match: ['/providers'] },
  { href: '/claude-code', label: 'Claude Code', match: ['/claude-code'] },
  { href: '/alerts', label: 'Alerts', match: ['/alerts'] },
  { href: '/explore', label: 'Explore', match: ['/explore'] },
  { href: '/system', label: 'System', match: ['/system'] },
  { href: '/settings', label: 'Settings', match: ['/settings'] },
] as const;

function isActive(pathname: string, match: readonly string[]): boolean {
  return match.some((m) => (m === '/' ? pathname === '/' : pathname === m || pathname.startsWith(`${m}/`)));
}

export function SiteNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="-mx-1 flex min-w-0 gap-1 overflow-x-auto sm:mx-0">
      {NAV_ITEMS.map((item) => {
        const active = isActive(pathname, item.match);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? 'page' : undefined}
            className={`whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium ${
              active ? 'bg-surface-2 text-fg' : 'text-muted hover:bg-surface-2 hover:text-fg'
            }`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
