'use client';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import type { Slo } from '@/lib/swr/slo-types';
import { SloSummary } from './slo-summary';

/** The overview's SLO panel: every SLO's budget, or how to define the first one. */
export function SloListPanel({ slos, error }: { slos: Slo[] | undefined; error?: unknown }) {
  return (
    <Card title="Service level objectives">
      {slos === undefined ? (
        error ? (
          <p className="text-sm text-down">Could not load the SLOs.</p>
        ) : (
          <div className="skeleton h-16" role="status" aria-label="Loading" />
        )
      ) : slos.length === 0 ? (
        <p className="text-sm text-muted" data-testid="slo-empty">
          No SLOs yet. Define one under{' '}
          <Link href="/settings#slos" className="underline">
            Settings → SLOs
          </Link>{' '}
          or in <code className="font-mono">slos:</code> of lookout.yml.
        </p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {slos.map((s) => (
            <SloSummary key={s.id} slo={s} />
          ))}
        </ul>
      )}
    </Card>
  );
}
