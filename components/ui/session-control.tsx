'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { sendJson } from '@/lib/swr/send-json';
import { useSession } from '@/lib/swr/use-session';

export function SessionControl() {
  const pathname = usePathname();
  const onLogin = pathname === '/login';
  const { session } = useSession(!onLogin);
  const [busy, setBusy] = useState(false);
  if (onLogin || !session) return null;
  if (session.anonymous) {
    return (
      <Link
        href={`/login?next=${encodeURIComponent(pathname)}`}
        className="rounded-md px-3 py-1.5 text-sm font-medium text-accent hover:bg-surface-2"
      >
        Sign in
      </Link>
    );
  }
  const signOut = async () => {
    setBusy(true);
    try {
      await sendJson('DELETE', '/api/v1/session');
    } finally {
      window.location.assign('/login');
    }
  };
  return (
    <button
      type="button"
      onClick={signOut}
      disabled={busy}
      title={`Signed in (${session.scope})`}
      className="rounded-md px-3 py-1.5 text-sm font-medium text-muted hover:bg-surface-2 hover:text-fg disabled:opacity-60"
    >
      Sign out
    </button>
  );
}
