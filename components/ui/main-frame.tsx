'use client';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { isChromeless } from './chromeless';

export function MainFrame({ children }: { children: ReactNode }) {
  const bare = isChromeless(usePathname());
  return (
    <main id="main" className={bare ? 'min-h-screen' : 'mx-auto max-w-6xl px-4 py-6'}>
      {children}
    </main>
  );
}
