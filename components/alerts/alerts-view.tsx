'use client';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { RefreshNote } from '@/components/panels/refresh-note';
import type { Alert } from '@/lib/swr/alert-types';
import { useAlerts } from '@/lib/swr/use-alerts';
import { useAuthRedirect } from '@/lib/swr/use-auth-redirect';
import { useNotifications } from '@/lib/swr/use-notifications';
import { useRefreshInterval } from '@/lib/swr/use-refresh-interval';
import { useRules } from '@/lib/swr/use-rules';
import { useSilences } from '@/lib/swr/use-silences';
import { rangeFromParams } from '@/lib/time/range';
import { ActiveAlerts } from './active-alerts';
import { HistorySection } from './history-section';
import { NotificationsSection } from './notifications-section';
import { RulesSection } from './rules-section';
import { matcherLinesFromLabels } from './silence-matchers';
import { type SilencePrefill, SilencesSection } from './silences-section';

/** The /alerts page: what is firing, the rules behind it, when alerts fired, silences, and what was sent. */
export function AlertsView({ canEdit }: { canEdit: boolean }) {
  const refreshMs = useRefreshInterval();
  const params = useSearchParams();
  const range = rangeFromParams(params.get('from'), params.get('to'), '24h');
  const alerts = useAlerts(refreshMs);
  const rules = useRules(refreshMs);
  const silences = useSilences(refreshMs);
  const notifications = useNotifications(refreshMs);
  useAuthRedirect(alerts.error ?? rules.error ?? silences.error ?? notifications.error);
  const [prefill, setPrefill] = useState<SilencePrefill | null>(null);

  const silenceAlert = (alert: Alert) => {
    setPrefill({ matchers: matcherLinesFromLabels(alert.labels), nonce: Date.now() });
    // After the keyed form remounts with the alert's matchers.
    requestAnimationFrame(() => {
      document.getElementById('silence-form')?.scrollIntoView({ block: 'start' });
      document.getElementById('silence-author')?.focus({ preventScroll: true });
    });
  };

  const activeSilences = silences.silences?.filter((s) => s.status === 'active') ?? [];
  const validating = alerts.isValidating || rules.isValidating;
  const failed = Boolean(alerts.error && alerts.alerts) || Boolean(rules.error && rules.groups);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">Alerts</h1>
        <RefreshNote refreshMs={refreshMs} validating={validating} failed={failed} />
      </div>
      <ActiveAlerts
        alerts={alerts.alerts}
        error={alerts.error}
        silences={activeSilences}
        onSilence={canEdit ? silenceAlert : undefined}
      />
      <RulesSection
        groups={rules.groups}
        error={rules.error}
        refreshMs={refreshMs}
        canEdit={canEdit}
        linkedRule={params.get('rule')}
      />
      <HistorySection range={range} refreshMs={refreshMs} />
      <SilencesSection silences={silences.silences} error={silences.error} canEdit={canEdit} prefill={prefill} />
      <NotificationsSection notifications={notifications.notifications} error={notifications.error} />
    </div>
  );
}
