'use client';
import Link from 'next/link';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto mt-8 max-w-md rounded-lg border border-down bg-surface p-6">
      <h1 className="text-xl font-semibold text-down">Something went wrong</h1>
      <p className="mt-2 text-sm text-muted">
        This page failed to load{error.digest ? ` (reference ${error.digest}, also in Lookout's log)` : ''}. The data is
        safe; try again.
      </p>
      <div className="mt-4 flex gap-2">
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-fg"
        >
          Try again
        </button>
        <Link href="/" className="rounded-md border border-line px-4 py-2 text-sm">
          Overview
        </Link>
      </div>
    </div>
  );
}
