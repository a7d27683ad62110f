import { RelativeTime } from '@/components/ui/local-time';
import { formatCount } from '@/lib/format/number';
import type { SourceDetail } from '@/lib/swr/use-sources';
import { SourceDetection } from './source-detection';
import { Bytes } from './sources-bytes';
import { SourcesDetails } from './sources-details';
import { SourcesStop } from './sources-stop';

const tag = 'rounded bg-surface-2 px-1.5 py-0.5 text-xs text-muted';

export function SourcesRow({
  source: s,
  canEdit,
  onMessage,
}: {
  source: SourceDetail;
  canEdit: boolean;
  onMessage: (m: string) => void;
}) {
  return (
    <li data-testid={`settings-source-${s.name}`} data-tailing={s.tailing} className="py-3">
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-fg">{s.name}</span>
            <span className={tag}>{s.kind}</span>
            <span className={`${tag} ${s.tailing ? 'text-up' : ''}`}>{s.tailing ? 'tailing' : 'not tailing'}</span>
            {s.provisioned && (
              <span className={tag} title="Provisioned from the configuration file">
                from lookout.yml
              </span>
            )}
          </div>
          {s.path && <p className="break-all font-mono text-xs text-muted">{s.path}</p>}
          <p className="mt-1 text-xs text-muted" data-testid={`source-lines-${s.name}`}>
            format {s.detected_format ?? s.format}
            {s.detected_format && s.format === 'auto' ? ' (detected)' : ''} · {formatCount(s.lines.read)} read ·{' '}
            {formatCount(s.lines.accepted)} accepted · {formatCount(s.lines.rejected)} rejected ·{' '}
            {formatCount(s.lines.flagged)} flagged
          </p>
          <p className="text-xs text-muted">
            last line <RelativeTime ts={s.last_line_at} /> · lag <Bytes n={s.lag_bytes} />
          </p>
          {s.last_error && (
            <p className="mt-1 text-xs font-medium text-down" data-testid={`source-error-${s.name}`}>
              {s.last_error}
            </p>
          )}
        </div>
        {canEdit && s.kind === 'file' && s.tailing && !s.provisioned && (
          <SourcesStop source={s} onMessage={onMessage} />
        )}
      </div>
      {(s.files.length > 0 || s.recent_rejects.length > 0) && (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs text-muted hover:text-fg">
            {s.files.length} {s.files.length === 1 ? 'file' : 'files'} · {s.recent_rejects.length} recent{' '}
            {s.recent_rejects.length === 1 ? 'reject' : 'rejects'}
          </summary>
          <SourcesDetails source={s} />
        </details>
      )}
      <SourceDetection id={s.id} name={s.name} />
    </li>
  );
}
