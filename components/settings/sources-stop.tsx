'use client';
import { useState } from 'react';
import { type SourceDetail, stopTailing } from '@/lib/swr/use-sources';

const button = 'rounded-md border border-line px-2.5 py-1 text-xs font-medium hover:bg-surface-2 disabled:opacity-60';

export function SourcesStop({ source, onMessage }: { source: SourceDetail; onMessage: (m: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const stop = async () => {
    setBusy(true);
    try {
      await stopTailing(source.id);
      onMessage(`Stopped tailing ${source.name}.`);
    } catch (err) {
      onMessage(err instanceof Error ? err.message : 'That did not work.');
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  if (confirming) {
    return (
      <div role="group" aria-label={`Confirm stopping ${source.name}`} className="flex flex-wrap items-center gap-2">
        <span className="text-xs">Stop reading {source.name}? Its lines stay searchable.</span>
        {/* biome-ignore lint/a11y/noAutofocus: focus moves to the confirmation the user just asked for */}
        <button type="button" onClick={stop} disabled={busy} className={`${button} border-down text-down`} autoFocus>
          Yes, stop
        </button>
        <button type="button" onClick={() => setConfirming(false)} className={button}>
          Keep tailing
        </button>
      </div>
    );
  }
  return (
    <button
      type="button"
      onClick={() => setConfirming(true)}
      disabled={busy}
      className={`${button} text-down`}
      aria-label={`Stop tailing ${source.name}`}
    >
      Stop tailing
    </button>
  );
}
