import type { Metadata } from 'next';
import { ProvidersView } from '@/components/panels/providers-view';
import { requirePageAccess } from '@/lib/auth/page-access';

// Rendered per request: the guard reads the session, and the build must never open the database.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Providers' };

export default async function ProvidersPage() {
  await requirePageAccess('/providers');
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Providers</h1>
      <ProvidersView />
    </div>
  );
}
