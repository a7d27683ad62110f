import type { Metadata } from 'next';
import { OverviewView } from '@/components/panels/overview-view';
import { requirePageAccess } from '@/lib/auth/page-access';

// Rendered per request: the guard reads the session, and the build must never open the database.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage() {
  await requirePageAccess();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Overview</h1>
      <OverviewView />
    </div>
  );
}
