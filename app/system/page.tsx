import type { Metadata } from 'next';
import { SystemView } from '@/components/system/system-view';
import { requirePageAccess } from '@/lib/auth/page-access';

// Rendered per request: the guard reads the session, and the build must never open the database.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'System' };

export default async function SystemPage() {
  await requirePageAccess('/system');
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">System</h1>
      <SystemView />
    </div>
  );
}
