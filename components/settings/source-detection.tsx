'use client';
import { useState } from 'react';
import { LocalTime } from '@/components/ui/local-time';
import { formatCount, formatRatio } from '@/lib/format/number';
import type { DetectedLine } from '@/lib/swr/log-detail-types';
import { useSourceDetection } from '@/lib/swr/use-source-detection';

const th = 'px-2 py-1 text-left font-medium text-muted';
const td = 'px-2 py-1 align-top';

function DetectedRows({ lines, label }: { lines: DetectedLine[]; label: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem]" aria-label={label}>
        <thead>
          <tr>
            <th className={th}>Line</th>
            <th className={th}>Format</th>
            <th className={th}>Time</th>
            <th className={th}>Level</th>
            <th className={th}>Fields</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {lines.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: samples are a ring of recent lines; two may be equal
            <tr key={i} data-testid="detected-line">
              <td className={`${td} max-w-[28rem]`}>
                <pre className="whitespace-pre-wrap break-all font-mono">{l.line}</pre>
              </td>
              <td className={td}>{[l.wrapper, l.family ?? l.format].filter(Boolean).join(' › ')}</td>
              <td className={`${td} whitespace-nowrap`}>
                <LocalTime ts={l.time} />
                {l.time_fallback && (
                  <span className="block text-down" title={`time ${l.time_issue ?? 'missing'}`}>
                    received time ({l.time_issue ?? 'missing'})
                  </span>
                )}
              </td>
              <td className={td}>{l.level ?? '—'}</td>
              <td className={`${td} break-all font-mono`}>
                {Object.keys(l.fields).length === 0 ? '—' : JSON.stringify(l.fields)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DetectionBody({ id, name }: { id: number; name: string }) {
  const { detection: d, error } = useSourceDetection(id, 0);
  if (error) return <p className="text-down">Could not load detection: {String(error)}</p>;
  if (!d) return <p className="text-muted">Loading…</p>;
  return (
    <div className="mt-2 space-y-3 text-xs" data-testid={`source-detection-${name}`}>
      <p data-testid={`source-fallbacks-${name}`}>
        {formatCount(d.time_fallback.count)} of {formatCount(d.lines)} lines ({formatRatio(d.time_fallback.share)}) had
        no time of their own and are placed at the time they were received.
        {d.timezone ? ` Times without a zone are read in ${d.timezone}.` : ' Times without a zone are read as UTC.'}
      </p>
      {d.recent.length === 0 ? (
        <p className="text-muted">No lines yet.</p>
      ) : (
        <DetectedRows lines={d.recent} label={`Latest lines of ${name} as detected`} />
      )}
      {d.time_fallback.sample.length > 0 && (
        <div>
          <h4 className="mb-1 font-medium text-fg">Latest lines placed at the time received</h4>
          <DetectedRows lines={d.time_fallback.sample} label={`Lines of ${name} without their own time`} />
        </div>
      )}
    </div>
  );
}

/** Per source: what format, time, level and fields detection found in its latest lines, loaded when opened. */
export function SourceDetection({ id, name }: { id: number; name: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-1" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-xs text-muted hover:text-fg">Detection</summary>
      {open && <DetectionBody id={id} name={name} />}
    </details>
  );
}
