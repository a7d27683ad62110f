import { RelativeTime } from '@/components/ui/local-time';
import { formatCount } from '@/lib/format/number';
import type { SourceDetail } from '@/lib/swr/use-sources';
import { Bytes } from './sources-bytes';

const th = 'px-2 py-1 text-left font-medium text-muted';
const td = 'px-2 py-1 align-top';

/** The files a source reads and the lines it refused lately; samples are plain text, never markup. */
export function SourcesDetails({ source }: { source: SourceDetail }) {
  return (
    <div className="mt-2 space-y-3 text-xs">
      {source.files.length === 0 ? (
        <p className="text-muted">No files being read.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[32rem]" aria-label={`Files of ${source.name}`}>
            <thead>
              <tr>
                <th className={th}>File</th>
                <th className={th}>State</th>
                <th className={th}>Size</th>
                <th className={th}>Offset</th>
                <th className={th}>Lag</th>
                <th className={th}>Growth</th>
                <th className={th}>Lines</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {source.files.map((f) => (
                <tr key={f.path}>
                  <td className={`${td} break-all font-mono`}>{f.path}</td>
                  <td className={td}>{f.state}</td>
                  <td className={td}>
                    <Bytes n={f.size_bytes} />
                  </td>
                  <td className={td}>
                    <Bytes n={f.offset} />
                  </td>
                  <td className={td}>
                    <Bytes n={f.lag_bytes} />
                  </td>
                  <td className={td}>
                    <Bytes n={f.growth_bytes_per_s} perSecond />
                  </td>
                  <td className={`${td} tabular-nums`}>
                    {formatCount(f.lines_read)}
                    {f.lines_truncated > 0 ? ` (${formatCount(f.lines_truncated)} truncated)` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {source.recent_rejects.length > 0 && (
        <div>
          <h4 className="mb-1 font-medium text-fg">Recent rejects</h4>
          <ul className="space-y-1" data-testid={`source-rejects-${source.name}`}>
            {source.recent_rejects.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rejects are a ring of recent lines; two may share a time
              <li key={`${r.at ?? ''}-${i}`} className="rounded border border-line bg-bg p-2">
                <div className="flex flex-wrap gap-2">
                  <RelativeTime ts={r.at} className="text-muted" />
                  <span className="font-medium text-down">{r.reason}</span>
                </div>
                <pre className="mt-1 whitespace-pre-wrap break-all font-mono text-muted">{r.sample}</pre>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
