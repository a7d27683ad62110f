import type { ReactNode } from 'react';
import type { ChartRow } from './rows';

interface DotArgs {
  cx?: number | string;
  cy?: number | string;
  index: number;
  stroke?: string;
}

/** Lines skip gaps, so a value with gaps on both sides would be invisible; this draws it as a dot. */
export function loneDot(rows: ChartRow[], key: string) {
  const has = (i: number) => typeof rows[i]?.[key] === 'number';
  // recharts calls a `dot` function for each point (it is not rendered as a component, so it holds no hooks).
  function drawLoneDot({ cx, cy, index, stroke }: DotArgs): ReactNode {
    if (!has(index) || has(index - 1) || has(index + 1) || typeof cx !== 'number' || typeof cy !== 'number')
      return <g key={index} />;
    return <circle key={index} cx={cx} cy={cy} r={2.5} fill={stroke} />;
  }
  return drawLoneDot;
}
