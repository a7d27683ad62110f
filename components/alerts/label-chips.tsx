import type { Labels } from '@/lib/swr/alert-types';

/** Labels as `name=value` chips; values are text, never markup. */
export function LabelChips({ labels, omit = [] }: { labels: Labels; omit?: string[] }) {
  const entries = Object.entries(labels).filter(([k]) => !omit.includes(k));
  if (!entries.length) return null;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Labels">
      {entries.map(([k, v]) => (
        <li
          key={k}
          className="max-w-full break-all rounded border border-line bg-surface-2 px-1.5 py-0.5 font-mono text-xs"
        >
          <span className="text-muted">{k}=</span>
          {v}
        </li>
      ))}
    </ul>
  );
}
