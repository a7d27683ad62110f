import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SloDetail } from '@/components/slo/slo-detail';
import { requirePageAccess } from '@/lib/auth/page-access';
import { getLookout } from '@/lib/engine/instance';
import { shapeSlo } from '@/lib/slo/shape-slo';
import { readSlo } from '@/lib/slo/slo-store';
import type { Slo } from '@/lib/swr/slo-types';

// Rendered per request: the guard reads the session, and the build must never open the database.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

function load(raw: string): Slo | null {
  if (!/^\d{1,15}$/.test(raw)) return null;
  const lookout = getLookout();
  const slo = readSlo(lookout.readDb, Number(raw));
  return slo ? (shapeSlo(lookout.readDb, slo, lookout.clock.now(), true) as Slo) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requirePageAccess();
  const raw = (await params).id;
  const slo = /^\d{1,15}$/.test(raw) ? readSlo(getLookout().readDb, Number(raw)) : null;
  return { title: slo ? `SLO ${slo.name}` : 'SLO not found' };
}

export default async function SloPage({ params }: Props) {
  const { id } = await params;
  await requirePageAccess(`/slos/${encodeURIComponent(id)}`);
  const slo = load(id);
  if (!slo) notFound();
  return <SloDetail initial={slo} />;
}
