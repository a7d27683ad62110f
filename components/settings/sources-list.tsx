import type { SourceDetail } from '@/lib/swr/use-sources';
import { SourcesRow } from './sources-row';

export function SourcesList({
  sources,
  canEdit,
  onMessage,
}: {
  sources: SourceDetail[];
  canEdit: boolean;
  onMessage: (m: string) => void;
}) {
  if (sources.length === 0) {
    return (
      <p className="text-sm text-muted" data-testid="sources-empty">
        No log sources — add one below, add <code className="font-mono">logs:</code> to lookout.yml, or POST lines to{' '}
        <code className="font-mono">/api/v1/logs?source=NAME</code>
      </p>
    );
  }
  return (
    <ul className="divide-y divide-line">
      {sources.map((s) => (
        <SourcesRow key={s.id} source={s} canEdit={canEdit} onMessage={onMessage} />
      ))}
    </ul>
  );
}
