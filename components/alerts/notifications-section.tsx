'use client';
import { DataTable } from '@/components/panels/data-table';
import { Card } from '@/components/ui/card';
import { LocalTime } from '@/components/ui/local-time';
import { Notice } from '@/components/ui/notice';
import { LoadingBlock } from '@/components/ui/skeleton';
import type { Notification } from '@/lib/swr/alert-types';
import { StatePill } from './state-pill';

const COLUMNS = ['Time', 'Receiver', 'Integration', 'Status', 'Alerts', 'Attempts', 'Result'];

export function NotificationsSection({
  notifications,
  error,
}: {
  notifications: Notification[] | undefined;
  error: Error | undefined;
}) {
  const rows = (notifications ?? []).map((n, i) => ({
    key: `${n.at}:${n.receiver}:${n.integration}:${i}`,
    cells: [
      <LocalTime key="t" ts={n.at} />,
      n.receiver,
      n.integration,
      <StatePill key="s" state={n.status} />,
      n.alerts,
      n.attempts,
      <span key="r" className="flex flex-wrap items-center gap-2" data-testid="notification-result">
        {n.muted_by ? (
          <>
            <StatePill state="silenced" label="muted" />
            <span className="break-words text-xs text-muted">maintenance: {n.muted_by}</span>
          </>
        ) : (
          <StatePill state={n.ok ? 'delivered' : 'failed'} />
        )}
        {!n.ok && n.error && <span className="break-words text-xs text-down">{n.error}</span>}
      </span>,
    ],
  }));
  return (
    <Card title="Notification log · last 24 h">
      {error && <Notice tone="error">Could not load the notification log: {error.message}</Notice>}
      {notifications === undefined ? (
        !error && <LoadingBlock label="Loading the notification log" className="h-24" />
      ) : (
        <div data-testid="notification-log">
          <DataTable
            caption="Notifications sent, newest first"
            columns={COLUMNS}
            rows={rows}
            empty="No notifications sent in the last 24 hours."
          />
        </div>
      )}
    </Card>
  );
}
