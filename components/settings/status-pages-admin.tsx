'use client';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { LoadingBlock } from '@/components/ui/skeleton';
import { useAuthRedirect } from '@/lib/swr/use-auth-redirect';
import { useRefreshInterval } from '@/lib/swr/use-refresh-interval';
import { useStatusPages } from '@/lib/swr/use-status-pages';
import { StatusPageForm } from './status-page-form';
import { StatusPagesList } from './status-pages-list';

/** Public status pages (docs/status-pages.md): list, create, open an incident, delete. */
export function StatusPagesAdmin({ canEdit }: { canEdit: boolean }) {
  const { pages, error } = useStatusPages(useRefreshInterval());
  useAuthRedirect(error);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Card title="Status pages">
      <div className="space-y-4">
        {message && (
          <Notice role="status">
            <span data-testid="status-pages-message">{message}</span>
          </Notice>
        )}
        {pages ? (
          <StatusPagesList pages={pages} canEdit={canEdit} onMessage={setMessage} />
        ) : error ? (
          <Notice tone="error">Could not load status pages: {error.message}</Notice>
        ) : (
          <LoadingBlock label="Loading status pages" className="h-16" />
        )}
        {canEdit && (
          <div className="border-t border-line pt-4">
            <StatusPageForm onCreated={(slug) => setMessage(`Created /status/${slug}; it is public now.`)} />
          </div>
        )}
      </div>
    </Card>
  );
}
