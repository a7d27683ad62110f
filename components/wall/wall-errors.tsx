'use client';
import { formatCount } from '@/lib/format/number';
import { statusColor } from '@/lib/format/palette';
import type { KeyCount } from '@/lib/swr/types';
import { WallFigure } from './wall-figure';

/** A colour per status; two codes of one class (two 5xx) get shades of it so their slices stay apart. */
export function sliceColors(keys: string[]): string[] {
  return keys.map((key, i) => {
    const base = statusColor(key);
    const same = keys.slice(0, i).filter((k) => statusColor(k) === base).length;
    return same === 0 ? base : `color-mix(in srgb, ${base} ${Math.max(35, 100 - same * 25)}%, var(--surface))`;
  });
}

const percent = (v: number, total: number) => (total ? `${Math.round((v / total) * 100)} %` : '');

/** Failed requests by status as a ring, with each code's count and share beside it. */
export function WallErrors({ data }: { data: KeyCount[] }) {
  const total = data.reduce((s, d) => s + d.count, 0);
  const colors = sliceColors(data.map((d) => d.key));
  const aside = (
    <ul className="tabular space-y-[0.5vh] text-[2vh]">
      {data.map((d, i) => (
        <li key={d.key} className="flex items-center gap-[0.8vh]">
          <span
            aria-hidden="true"
            className="h-[1.4vh] w-[1.4vh] shrink-0 rounded-sm"
            style={{ background: colors[i] }}
          />
          <span className="text-muted">{d.key || 'none'}</span>
          <span className="ml-auto pl-[1.2vh] font-semibold text-fg">{formatCount(d.count)}</span>
          <span className="w-[6vh] text-right text-muted">{percent(d.count, total)}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <WallFigure label="Errors by status" aside={aside} empty={total === 0} emptyText="No failed requests in this range">
      {({ width, height, text }) => {
        const r = Math.max(10, Math.min(width, height) / 2 - 4);
        const stroke = r * 0.4;
        const radius = r - stroke / 2;
        const length = 2 * Math.PI * radius;
        let start = 0;
        return (
          <g transform={`translate(${width / 2} ${height / 2})`}>
            {/* Slices are dashes of one circle each: a lone 100 % slice still closes the ring. */}
            <g transform="rotate(-90)">
              {data.map((d, i) => {
                const len = (d.count / total) * length;
                const dash = (
                  <circle
                    key={d.key}
                    r={radius}
                    fill="none"
                    stroke={colors[i]}
                    strokeWidth={stroke}
                    strokeDasharray={`${len} ${length - len}`}
                    strokeDashoffset={-start}
                  >
                    <title>{`${d.key || 'none'}: ${formatCount(d.count)} (${percent(d.count, total)})`}</title>
                  </circle>
                );
                start += len;
                return dash;
              })}
            </g>
            <text
              textAnchor="middle"
              dy="0.35em"
              fill="var(--text)"
              fontWeight={600}
              style={{ fontSize: Math.max(text, radius * 0.35) }}
              className="tabular"
            >
              {formatCount(total)}
            </text>
          </g>
        );
      }}
    </WallFigure>
  );
}
