'use client';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { LoadingBlock } from '@/components/ui/skeleton';
import { useAuthRedirect } from '@/lib/swr/use-auth-redirect';
import { useRefreshInterval } from '@/lib/swr/use-refresh-interval';
import { useSources } from '@/lib/swr/use-sources';
import { SourcesForm } from './sources-form';
import { SourcesList } from './sources-list';

export function SourcesAdmin({ canEdit }: { canEdit: boolean }) {
  const { sources, error } = useSources(useRefreshInterval());
  useAuthRedirect(error);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Card title="Log sources">
      <div className="space-y-4">
        {message && (
          <Notice role="status">
            <span data-testid="sources-message">{message}</span>
          </Notice>
        )}
        {sources ? (
          <SourcesList sources={sources} canEdit={canEdit} onMessage={setMessage} />
        ) : error ? (
          <Notice tone="error">Could not load log sources: {error.message}</Notice>
        ) : (
          <LoadingBlock label="Loading log sources" className="h-24" />
        )}
        {canEdit && (
          <div className="border-t border-line pt-4">
            <SourcesForm onDone={setMessage} />
          </div>
        )}
      </div>
    </Card>
  );
}
