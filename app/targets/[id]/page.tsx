import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TargetDetail } from '@/components/panels/target-detail';
import { requirePageAccess } from '@/lib/auth/page-access';
import { getLookout } from '@/lib/engine/instance';
import { getTarget } from '@/lib/queries/list-targets';

// Rendered per request: the guard reads the session, and the build must never open the database.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

function readTarget(raw: string) {
  if (!/^\d{1,15}$/.test(raw)) return null;
  const lookout = getLookout();
  const target = getTarget(lookout.readDb, lookout.clock.now(), Number(raw));
  if (!target) return null;
  const last = target.last_check;
  // The store's timestamps are typed nullable; a stored check always has one.
  return { ...target, last_check: last?.ts ? { ...last, ts: last.ts } : null };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requirePageAccess();
  const target = readTarget((await params).id);
  return { title: target ? target.name : 'Target not found' };
}

export default async function TargetPage({ params }: Props) {
  const { id } = await params;
  await requirePageAccess(`/targets/${encodeURIComponent(id)}`);
  const target = readTarget(id);
  // An unknown id answers a real 404 (app/not-found.tsx), not an empty page.
  if (!target) notFound();
  return <TargetDetail initial={target} />;
}
