'use client';
import { useState } from 'react';
import { revalidateTargets, sendJson } from '@/lib/swr/send-json';
import type { Target } from '@/lib/swr/types';

const button = 'rounded-md border border-line px-2.5 py-1 text-xs font-medium hover:bg-surface-2 disabled:opacity-60';

export function TargetActions({
  target,
  onEdit,
  onMessage,
}: {
  target: Target;
  onEdit: () => void;
  onMessage: (m: string) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      await revalidateTargets();
      onMessage(done);
    } catch (err) {
      onMessage(err instanceof Error ? err.message : 'That did not work.');
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  const togglePause = () =>
    run(
      () => sendJson('PATCH', `/api/v1/targets/${target.id}`, { paused: !target.paused }),
      `${target.paused ? 'Resumed' : 'Paused'} ${target.name}.`,
    );
  const remove = () => run(() => sendJson('DELETE', `/api/v1/targets/${target.id}`), `Deleted ${target.name}.`);

  if (confirming) {
    return (
      <div role="group" aria-label={`Confirm deleting ${target.name}`} className="flex flex-wrap items-center gap-2">
        <span className="text-xs">Delete {target.name} and its history?</span>
        {/* biome-ignore lint/a11y/noAutofocus: focus moves to the confirmation the user just asked for */}
        <button type="button" onClick={remove} disabled={busy} className={`${button} border-down text-down`} autoFocus>
          Yes, delete
        </button>
        <button type="button" onClick={() => setConfirming(false)} className={button}>
          Keep
        </button>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap gap-2">
      <button type="button" onClick={onEdit} className={button} aria-label={`Edit ${target.name}`}>
        Edit
      </button>
      <button
        type="button"
        onClick={togglePause}
        disabled={busy}
        className={button}
        aria-label={`${target.paused ? 'Resume' : 'Pause'} ${target.name}`}
      >
        {target.paused ? 'Resume' : 'Pause'}
      </button>
      <button
        type="button"
        onClick={() => setConfirming(true)}
        disabled={busy}
        className={`${button} text-down`}
        aria-label={`Delete ${target.name}`}
      >
        Delete
      </button>
    </div>
  );
}
