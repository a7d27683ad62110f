'use client';
import { useState } from 'react';
import { deleteStatusPage, type StatusPage } from '@/lib/swr/use-status-pages';
import { StatusIncidentForm } from './status-incident-form';

const button = 'rounded-md border border-line px-2.5 py-1 text-xs font-medium hover:bg-surface-2 disabled:opacity-60';

function Row({ page, canEdit, onMessage }: { page: StatusPage; canEdit: boolean; onMessage: (m: string) => void }) {
  const [incident, setIncident] = useState(false);
  const components = page.groups.flatMap((g) => g.components.map((c) => c.name));
  return (
    <li data-testid={`status-page-${page.slug}`} className="space-y-2 py-2">
      <div className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1">
          <a href={page.path} className="font-medium underline" target="_blank" rel="noreferrer">
            {page.title}
          </a>
          <span className="ml-2 text-xs text-muted">
            {page.path}
            {page.host ? ` · ${page.host}` : ''} · {components.length} component{components.length === 1 ? '' : 's'}
            {page.provisioned ? ' · from the provisioning file' : ''}
          </span>
        </div>
        {canEdit && (
          <>
            <button type="button" className={button} onClick={() => setIncident(!incident)}>
              {incident ? 'Close' : 'Open an incident'}
            </button>
            <button
              type="button"
              className={`${button} text-down`}
              aria-label={`Delete ${page.slug}`}
              onClick={async () => {
                await deleteStatusPage(page.id);
                onMessage(`Deleted /status/${page.slug}.`);
              }}
            >
              Delete
            </button>
          </>
        )}
      </div>
      {incident && (
        <StatusIncidentForm
          pageId={page.id}
          components={components}
          onDone={(title) => {
            setIncident(false);
            onMessage(`Opened “${title}” on /status/${page.slug}.`);
          }}
        />
      )}
    </li>
  );
}

export function StatusPagesList({
  pages,
  canEdit,
  onMessage,
}: {
  pages: StatusPage[];
  canEdit: boolean;
  onMessage: (m: string) => void;
}) {
  if (!pages.length)
    return (
      <p className="text-sm text-muted" data-testid="status-pages-empty">
        No status pages yet. A status page shows chosen targets to the public at /status/… with no login.
      </p>
    );
  return (
    <ul className="divide-y divide-line">
      {pages.map((p) => (
        <Row key={p.id} page={p} canEdit={canEdit} onMessage={onMessage} />
      ))}
    </ul>
  );
}
