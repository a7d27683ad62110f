import type { Metadata } from 'next';
import { WallView } from '@/components/panels/wall-view';
import { requirePageAccess } from '@/lib/auth/page-access';

// Rendered per request: the guard reads the session, and the build must never open the database.
export const dynamic = 'force-dynamic';

// The URL may carry a read token; no Referer should take it elsewhere.
export const metadata: Metadata = { title: 'Wall', referrer: 'no-referrer' };

export default async function WallPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).token;
  const token = typeof raw === 'string' && raw ? raw : undefined;
  // `?token=` lets a screen that cannot log in read; the guard takes it as a bearer credential.
  await requirePageAccess('/wall', { token });
  return <WallView token={token ?? null} />;
}
