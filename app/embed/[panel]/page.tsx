import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EMBED_PANELS, type EmbedPanel } from '@/components/panels/embed-panels';
import { EmbedView } from '@/components/panels/embed-view';
import { requirePageAccess } from '@/lib/auth/page-access';

// Rendered per request: the guard reads the session, and the build must never open the database.
export const dynamic = 'force-dynamic';

// The URL may carry a read token; no Referer should take it elsewhere.
export const metadata: Metadata = { title: 'Embed', referrer: 'no-referrer' };

type Props = {
  params: Promise<{ panel: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EmbedPage({ params, searchParams }: Props) {
  const { panel } = await params;
  const raw = (await searchParams).token;
  const token = typeof raw === 'string' && raw ? raw : undefined;
  // `?token=` lets a screen that cannot log in read; the guard takes it as a bearer credential.
  await requirePageAccess(`/embed/${encodeURIComponent(panel)}`, { token });
  if (!(EMBED_PANELS as readonly string[]).includes(panel)) notFound();
  return <EmbedView panel={panel as EmbedPanel} token={token ?? null} />;
}
