import type { Metadata } from 'next';
import { LogsView } from '@/components/panels/logs-view';
import { requirePageAccess } from '@/lib/auth/page-access';

// Rendered per request: the guard reads the session, and the build must never open the database.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Logs' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LogsPage({ searchParams }: Props) {
  // A shared search link survives the detour through /login.
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams)) if (typeof v === 'string') query.set(k, v);
  await requirePageAccess(query.size ? `/logs?${query}` : '/logs');
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Logs</h1>
      <LogsView />
    </div>
  );
}
