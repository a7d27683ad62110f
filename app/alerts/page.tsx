import type { Metadata } from 'next';
import { AlertsView } from '@/components/alerts/alerts-view';
import { requirePageAccess } from '@/lib/auth/page-access';

// Rendered per request: the guard reads the session, and the build must never open the database.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Alerts' };

export default async function AlertsPage() {
  const principal = await requirePageAccess('/alerts');
  return <AlertsView canEdit={principal.scope === 'admin'} />;
}
