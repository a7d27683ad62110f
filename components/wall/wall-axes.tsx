// Shared axis pieces of the wall's charts, in the theme's colours.

export interface Plot {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The drawing area inside a box, leaving room for value labels on the left and names below. */
export function plotArea(width: number, height: number, text: number, leftChars = 4.5): Plot {
  const left = Math.round(text * leftChars);
  const top = Math.round(text * 1.4);
  return { left, top, width: Math.max(10, width - left - text), height: Math.max(10, height - top - text * 1.8) };
}

/** Horizontal grid lines with their values at the left edge. */
export function ValueAxis({ plot, ticks, format }: { plot: Plot; ticks: number[]; format: (v: number) => string }) {
  const top = ticks.at(-1) || 1;
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> takes no focus; the figure's numbers are read out elsewhere
    <g aria-hidden="true">
      {ticks.map((v) => {
        const y = plot.top + plot.height - (v / top) * plot.height;
        return (
          <g key={v}>
            <line x1={plot.left} x2={plot.left + plot.width} y1={y} y2={y} stroke="var(--chart-grid)" />
            <text x={plot.left - 6} y={y} dy="0.35em" textAnchor="end" fill="var(--muted)" className="tabular">
              {format(v)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Labels under the plot at the given x positions. */
export function NameAxis({ plot, items }: { plot: Plot; items: { x: number; label: string }[] }) {
  const y = plot.top + plot.height;
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> takes no focus; the figure's numbers are read out elsewhere
    <g aria-hidden="true">
      <line x1={plot.left} x2={plot.left + plot.width} y1={y} y2={y} stroke="var(--border)" />
      {items.map((it) => (
        <text key={`${it.x}-${it.label}`} x={it.x} y={y} dy="1.25em" textAnchor="middle" fill="var(--muted)">
          {it.label}
        </text>
      ))}
    </g>
  );
}
