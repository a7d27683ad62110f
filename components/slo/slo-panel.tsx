'use client';
import { useSlos } from '@/lib/swr/use-slos';
import { SloListPanel } from './slo-list-panel';

/** The overview's SLO panel, fetching the SLO list on the page's refresh interval. */
export function SloPanel({ refreshMs }: { refreshMs: number }) {
  const { slos, error } = useSlos(refreshMs);
  return <SloListPanel slos={slos} error={error} />;
}
