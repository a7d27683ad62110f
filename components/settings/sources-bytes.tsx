import { formatBytes } from '@/lib/format/number';

/** Bytes for humans, the exact count in the tooltip. */
export function Bytes({ n, perSecond = false }: { n: number | null | undefined; perSecond?: boolean }) {
  const suffix = perSecond ? '/s' : '';
  return (
    <span
      title={n === null || n === undefined ? undefined : `${n.toLocaleString('en-US')} bytes${suffix}`}
      className="tabular-nums"
    >
      {formatBytes(n)}
      {suffix}
    </span>
  );
}
