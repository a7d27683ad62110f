import type { Metadata } from 'next';
import { LlmBudgetsAdmin } from '@/components/settings/llm-budgets-admin';
import { LlmPricesAdmin } from '@/components/settings/llm-prices-admin';
import { MaintenanceAdmin } from '@/components/settings/maintenance-admin';
import { SlosAdmin } from '@/components/settings/slos-admin';
import { SourcesAdmin } from '@/components/settings/sources-admin';
import { StatusPagesAdmin } from '@/components/settings/status-pages-admin';
import { TargetsAdmin } from '@/components/settings/targets-admin';
import { TokensAdmin } from '@/components/settings/tokens-admin';
import { requirePageAccess } from '@/lib/auth/page-access';

// Rendered per request: the guard reads the session, and the build must never open the database.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const principal = await requirePageAccess('/settings');
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Settings</h1>
      <TargetsAdmin canEdit={principal.scope === 'admin'} />
      <SourcesAdmin canEdit={principal.scope === 'admin'} />
      <SlosAdmin canEdit={principal.scope === 'admin'} />
      {principal.scope === 'admin' && <TokensAdmin />}
      <StatusPagesAdmin canEdit={principal.scope === 'admin'} />
      <MaintenanceAdmin canEdit={principal.scope === 'admin'} />
      <LlmBudgetsAdmin canEdit={principal.scope === 'admin'} />
      <LlmPricesAdmin canEdit={principal.scope === 'admin'} />
    </div>
  );
}
