'use client';
import type { ReactNode } from 'react';
import { type BoxSize, useBoxSize } from './use-box-size';

export interface LegendItem {
  key: string;
  label: string;
  color: string;
}

interface Props {
  label: string;
  legend?: LegendItem[];
  /** Beside the drawing (the ring's key list), in HTML so long names wrap. */
  aside?: ReactNode;
  empty: boolean;
  emptyText: string;
  children: (size: BoxSize) => ReactNode;
}

/** One wall chart: a labelled figure whose SVG is drawn at the pixel size of the space it gets. */
export function WallFigure({ label, legend = [], aside, empty, emptyText, children }: Props) {
  const { ref, size } = useBoxSize<HTMLDivElement>();
  return (
    <figure aria-label={label} className="m-0 flex h-full min-w-0 flex-col">
      {legend.length > 1 && !empty && (
        <figcaption className="mb-[0.6vh] flex flex-wrap gap-x-[1.4vh] gap-y-[0.3vh] text-[1.5vh] text-muted">
          {legend.map((s) => (
            <span key={s.key} className="inline-flex items-center gap-[0.6vh]">
              <span aria-hidden="true" className="h-[1vh] w-[1.5vh] rounded-sm" style={{ background: s.color }} />
              {s.label}
            </span>
          ))}
        </figcaption>
      )}
      <div className="flex min-h-0 flex-1 gap-[1.2vh]">
        {/* Absolutely placed, so the drawing never pushes its box (and the screen) larger. */}
        <div ref={ref} className="relative min-h-0 min-w-0 flex-1">
          {!size ? (
            <div className="skeleton absolute inset-0" aria-hidden="true" />
          ) : empty ? (
            <div
              role="img"
              aria-label={`${label}: ${emptyText}`}
              className="absolute inset-0 flex items-center justify-center rounded-md border border-dashed border-line text-[2vh] text-muted"
            >
              {emptyText}
            </div>
          ) : (
            <svg
              role="img"
              aria-label={label}
              className="absolute inset-0 overflow-visible"
              width={size.width}
              height={size.height}
              viewBox={`0 0 ${size.width} ${size.height}`}
              style={{ fontSize: size.text }}
            >
              {children(size)}
            </svg>
          )}
        </div>
        {aside && !empty && <div className="flex min-w-0 shrink-0 items-center">{aside}</div>}
      </div>
    </figure>
  );
}
