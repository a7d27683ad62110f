'use client';
import { useState } from 'react';
import { deleteRule } from '@/lib/swr/ui-rules';

const button = 'rounded-md border border-line px-2.5 py-1 text-xs font-medium hover:bg-surface-2';

/** Two clicks to delete: the first turns the button into a confirmation. */
export function RuleDeleteButton({
  id,
  name,
  onMessage,
}: {
  id: number;
  name: string;
  onMessage?: (text: string) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    try {
      await deleteRule(id);
      onMessage?.(`Rule ${name} deleted; its alerts resolve at the next evaluation.`);
    } catch (err) {
      onMessage?.(`Deleting ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
      setBusy(false);
      setConfirming(false);
    }
  };
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} aria-label={`Delete ${name}`} className={button}>
        Delete
      </button>
    );
  }
  return (
    <span className="inline-flex gap-1">
      <button
        type="button"
        onClick={remove}
        disabled={busy}
        aria-label={`Confirm deleting ${name}`}
        className={`${button} border-down text-down`}
      >
        {busy ? 'Deleting…' : 'Really delete'}
      </button>
      <button type="button" onClick={() => setConfirming(false)} className={button}>
        Keep
      </button>
    </span>
  );
}
